"""Sharing a consultation (links, QR codes, poster, the short link) and an admin that asks no
outside service for anything (no Gravatar: initials or the uploaded picture)."""

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.users.models import UserProfile

from consultations.translating import translate
from tests.conftest import make_consultation
from youth_voice.models import ConsultationAccess
from youth_voice.workspace.admin_hooks import initials


@pytest.fixture
def welsh(consultation):
    return translate(consultation, "cy", {"Have your say": "Dweud eich dweud"})


def test_share_panel_has_links_to_copy_a_qr_code_and_the_poster(officer_client, consultation, welsh):
    html = officer_client.get(reverse("workspace:share", args=[consultation.pk])).content.decode()
    short = f"http://localhost/c/{consultation.pk}/"
    # Each link is in a read-only field (select and copy without JavaScript) with a copy button.
    for url in (short, "http://localhost/en-gb/consultation/", "http://localhost/cy/consultation/"):
        assert re.search(rf'<input type="text" id="[^"]+" value="{re.escape(url)}" readonly', html), url
    assert html.index("Cymraeg") < html.index("English")  # Welsh first
    assert html.count("data-copy-from=") == 3
    assert reverse("workspace:qr", args=[consultation.pk, "svg"]) in html
    assert reverse("workspace:qr", args=[consultation.pk, "png"]) in html
    assert reverse("workspace:poster", args=[consultation.pk]) in html


def test_share_panel_of_a_draft_says_the_links_wait(officer, officer_client, home):
    draft = make_consultation(home, slug="draft", live=False)
    ConsultationAccess.objects.create(consultation=draft, user=officer)
    html = officer_client.get(reverse("workspace:share", args=[draft.pk])).content.decode()
    assert "is not published yet" in html


def test_qr_codes_are_svg_and_png_of_the_short_link(officer_client, consultation):
    svg = officer_client.get(reverse("workspace:qr", args=[consultation.pk, "svg"]))
    assert svg["Content-Type"] == "image/svg+xml" and svg.content.startswith(b"<?xml")
    assert b"<svg" in svg.content and f"http://localhost/c/{consultation.pk}/".encode() in svg.content
    png = officer_client.get(reverse("workspace:qr", args=[consultation.pk, "png"]))
    assert png["Content-Type"] == "image/png" and "attachment" in png["Content-Disposition"]
    image = Image.open(BytesIO(png.content))
    assert image.format == "PNG" and image.size[0] == image.size[1] >= 300


def test_qr_of_an_unknown_kind_is_not_found(officer_client, consultation):
    assert (
        officer_client.get(f"/admin/consultations/{consultation.pk}/qr.gif", follow=True).status_code == 404
    )


def test_poster_has_both_languages_closing_date_qr_and_short_link(officer_client, consultation, welsh):
    response = officer_client.get(reverse("workspace:poster", args=[consultation.pk]))
    html = response.content.decode()
    assert '<section class="poster-language" lang="cy">' in html
    assert html.index('poster-language" lang="cy"') < html.index('poster-language" lang="en-gb"')
    assert "Dweud eich dweud" in html and "Have your say" in html
    closes = consultation.closes_at
    assert f"Open until {closes:%-d %B %Y}" in html
    assert "Ar agor tan" in html  # the Welsh half is in Welsh
    assert reverse("workspace:qr", args=[consultation.pk, "svg"]) in html
    assert f"localhost/c/{consultation.pk}/" in html
    assert "poster.css" in html and "<script" not in html and "style=" not in html


@pytest.mark.parametrize(
    ("language", "expected"), [("cy", "/cy/consultation/"), ("en-gb", "/en-gb/consultation/")]
)
def test_short_link_opens_the_version_in_the_visitors_language(
    client, consultation, welsh, language, expected
):
    response = client.get(f"/c/{consultation.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302 and response["Location"] == expected


def test_short_link_remembers_the_language_chosen_before(client, consultation, welsh):
    client.cookies["django_language"] = "cy"
    assert client.get(f"/c/{consultation.pk}/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/cy/consultation/"


def test_short_link_without_the_language_opens_the_one_there_is(client, consultation):
    assert (
        client.get(f"/c/{consultation.pk}/", HTTP_ACCEPT_LANGUAGE="cy")["Location"] == "/en-gb/consultation/"
    )


def test_short_link_of_a_draft_or_nothing_is_not_found(client, home):
    draft = make_consultation(home, slug="draft", live=False)
    assert client.get(f"/c/{draft.pk}/").status_code == 404
    assert client.get("/c/99999999/").status_code == 404
    assert client.get("/c/99999999999999/").status_code == 404


# --- No outside services in the admin ------------------------------------------------------------

ADMIN_PAGES = [
    "wagtailadmin_home",
    "workspace:index",
    "workspace:new",
    "wagtailadmin_account",
    "wagtailusers_users:index",
    "youth_voice_admin:index",
]
# Anything a page loads or sends to (images, scripts, styles, forms), anywhere but here. Plain links
# a person may choose to follow (Wagtail's user guide) load nothing.
EXTERNAL = re.compile(
    r"""(?:\b(?:src|srcset|action|poster|data)=["']\s*|<link\b[^>]*\bhref=["']\s*|url\(\s*["']?)"""
    r"""(?:https?:)?//(?!localhost[/:"']|testserver[/:"'])""",
    re.I,
)


def test_no_admin_page_references_gravatar_or_another_host(admin_client, consultation, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert EXTERNAL.search('<img class="avatar" src="//www.gravatar.com/avatar/0a1b?s=50&d=mp">')
    assert not EXTERNAL.search('<a href="https://guide.wagtail.org/">Help</a><img src="/static/x.png">')
    pages = [reverse(name) for name in ADMIN_PAGES] + [
        reverse("wagtailadmin_pages:edit", args=[consultation.pk]),
        reverse("wagtailadmin_explore", args=[consultation.get_parent().pk]),
        reverse("workspace:share", args=[consultation.pk]),
        reverse("workspace:poster", args=[consultation.pk]),
    ]
    for url in pages:
        response = admin_client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert "gravatar" not in html.lower(), url
        assert not EXTERNAL.search(html), (url, EXTERNAL.search(html))


def test_avatars_are_initials_drawn_here(admin_client, admin_user):
    admin_user.first_name, admin_user.last_name = "Siân", "Ōwen"
    admin_user.save()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    url = reverse("workspace:initials_avatar", args=["SŌ"])
    assert url in html
    svg = admin_client.get(url)
    assert svg["Content-Type"] == "image/svg+xml" and b"S\xc5\x8c</text>" in svg.content


def test_an_uploaded_picture_is_shown_instead(admin_client, admin_user):
    picture = BytesIO()
    Image.new("RGB", (8, 8), "purple").save(picture, "PNG")
    profile = UserProfile.get_for_user(admin_user)
    profile.avatar = SimpleUploadedFile("me.png", picture.getvalue(), content_type="image/png")
    profile.save()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert profile.avatar.url in html and "/avatars/" not in html


@pytest.mark.parametrize(
    ("first", "last", "email", "expected"),
    [
        ("Siân", "Owen", "", "SO"),
        ("", "", "officer@example.org", "O"),
        ("", "", "", "?"),
        ("Dai", "", "", "D"),
    ],
)
def test_initials(first, last, email, expected, django_user_model):
    assert initials(django_user_model(first_name=first, last_name=last, email=email, username="")) == expected


def test_initials_avatar_refuses_anything_but_letters(admin_client):
    assert admin_client.get("/admin/consultations/avatars/1%3C.svg").status_code == 404


def test_officer_screens_are_in_welsh_for_an_officer_who_reads_welsh(officer, officer_client, consultation):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "cy"
    profile.save()
    expected = {
        reverse("workspace:index"): ["Ymgynghoriad newydd", "Rhagolwg ffôn", "Ar agor"],
        reverse("workspace:new"): ["Dyddiad agor", "Dyddiad cau", "Adborth wedi’i addo erbyn"],
        reverse("workspace:share", args=[consultation.pk]): [
            "Dolen fer",
            "Cod QR",
            "Agor y poster i’w argraffu",
        ],
    }
    for url, words in expected.items():
        html = officer_client.get(url).content.decode()
        assert all(word in html for word in words), url
    assert "Opening date" not in officer_client.get(reverse("workspace:new")).content.decode()
