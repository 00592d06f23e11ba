"""A forum's public page: what it is and its places, filled and vacant by kind, and never a name."""


def test_the_public_page_shows_places_by_kind_and_no_member(client, youth_forum, join):
    minority = youth_forum.reserved_places.get(number=4)
    join(youth_forum, "sky-fox-12", alias="Sky Walker", place=minority)
    join(youth_forum, "moon-owl-3", alias="Moonbeam")

    page = client.get("/en-gb/forums/harrowby-youth-forum/")

    assert page.status_code == 200
    text = page.content.decode()
    assert "<h1>Harrowby Vale Youth Forum</h1>" in text
    assert "<dd>Youth forum</dd>" in text and "<dd>11 to 19</dd>" in text and "Monthly, first Tuesday" in text
    # Minority ethnic 4 places, 1 filled, 3 vacant; in care 2, 0, 2; general 14, 1, 13.
    rows = [
        ("Places for young people from minority ethnic groups", 4, 1, 3),
        ("Places for young people in care", 2, 0, 2),
        ("General places", 14, 1, 13),
    ]
    for label, total, filled, vacant in rows:
        assert (
            f'<tr><th scope="row">{label}</th><td class="num">{total}</td>'
            f'<td class="num">{filled}</td><td class="num">{vacant}</td></tr>'
        ) in text
    for private in ("Sky Walker", "Moonbeam", "sky-fox-12", "moon-owl-3"):
        assert private not in text


def test_a_forum_without_a_public_address_has_no_public_page(client, carers_group):
    assert client.get("/en-gb/forums/young-carers-group/").status_code == 404


def test_the_public_page_is_in_welsh_too(client, youth_forum):
    page = client.get("/cy/forums/harrowby-youth-forum/").content.decode()
    assert 'lang="cy"' in page and "<dt>Oedrannau</dt><dd>11 i 19</dd>" in page
    assert '<th scope="row">Lleoedd cyffredinol</th>' in page
