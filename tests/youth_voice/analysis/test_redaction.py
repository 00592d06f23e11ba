"""Redaction: suggested spans for personal details (English and Welsh), an officer's decision, a log."""

import pytest
from django.utils import translation

from youth_voice.analysis import services
from youth_voice.analysis.redaction import suggest_redactions
from youth_voice.models import Redaction


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("my name is Sam and I like swimming", [("name", "Sam")]),
        ("Hi, I'm Ffion Jones", [("name", "Ffion Jones")]),
        ("Fy enw i yw Cerys", [("name", "Cerys")]),
        ("Mrs Patel is the best teacher", [("name", "Mrs Patel")]),
        ("Ask Mr. O’Neill", [("name", "Mr. O’Neill")]),
        ("Olivia and me walk there", [("name", "Olivia")]),
        ("email sam.jones@example.org please", [("email", "sam.jones@example.org")]),
        ("text me on 07700 900123", [("phone", "07700 900123")]),
        ("call +44 7700 900 123", [("phone", "+44 7700 900 123")]),
        ("ring (01632) 960 000", [("phone", "(01632) 960 000")]),
        ("Caerdydd 029 2018 0000", [("phone", "029 2018 0000")]),
        ("I live at 12 Station Road", [("address", "12 Station Road")]),
        ("near HV1 2AB", [("address", "HV1 2AB")]),
        ("yn CF10 1AA", [("address", "CF10 1AA")]),
        ("postcode ll57 2pw", [("address", "ll57 2pw")]),
        ("byw yn 3 Heol y Parc", [("address", "3 Heol y Parc")]),
        ("I go to Harrowby High School", [("school", "Harrowby High School")]),
        ("St Mary's Primary School is fine", [("school", "St Mary's Primary School")]),
        ("Vale Academy needs a bus", [("school", "Vale Academy")]),
        ("Rwy'n mynd i Ysgol y Strade yn Llanelli", [("school", "Ysgol y Strade")]),
        ("Ysgol Gyfun Gŵyr", [("school", "Ysgol Gyfun Gŵyr")]),
        # Nothing that identifies anyone.
        ("I'm worried about buses", []),
        ("the school is too far and I am tired", []),
        ("I waited 12 weeks for 3 appointments", []),
    ],
)
def test_redaction_suggestions(text, found):
    assert [(s.kind, s.words(text)) for s in suggest_redactions(text)] == found


def test_suggestions_never_overlap_and_keep_their_order():
    text = "Email sam@example.org, I'm Sam from Vale Academy, CF10 1AA"
    kinds = [(s.kind, s.words(text)) for s in suggest_redactions(text)]
    assert kinds == [
        ("email", "sam@example.org"),
        ("name", "Sam"),
        ("school", "Vale Academy"),
        ("address", "CF10 1AA"),
    ]


@pytest.fixture
def quote(written, officer):
    answer = written("My name is Sam and I go to Vale Academy. Sam needs buses.", publication="without_name")
    return services.pick_quote(answer, "", officer)


def test_officer_accepts_a_suggestion_and_the_published_text_loses_it_in_both_languages(
    officer_client, consultation, quote, officer
):
    address = f"/admin/responses/{consultation.pk}/quotes/{quote.pk}/"
    page = officer_client.get(address).content.decode()
    assert "“Vale Academy” (School)" in page
    officer_client.post(address, {"start": 27, "end": 39, "kind": "school"})
    officer_client.post(address, {"start": 27, "end": 39, "kind": "school"})  # posted twice: one removal
    assert quote.published_text() == "My name is Sam and I go to [school removed]. Sam needs buses."
    with translation.override("cy"):
        assert quote.published_text() == "My name is Sam and I go to [ysgol wedi’i thynnu]. Sam needs buses."
    logged = Redaction.objects.get()
    assert (logged.quote, logged.start, logged.end, logged.kind, logged.redacted_by) == (
        quote,
        27,
        39,
        "school",
        officer,
    )


def test_officer_removes_their_own_words_everywhere_they_appear(officer_client, consultation, quote):
    officer_client.post(
        f"/admin/responses/{consultation.pk}/quotes/{quote.pk}/", {"words": "Sam", "kind": "name"}
    )
    assert (
        quote.published_text()
        == "My name is [name removed] and I go to Vale Academy. [name removed] needs buses."
    )
    assert list(Redaction.objects.values_list("start", "end")) == [(11, 14), (41, 44)]


def test_words_not_in_the_quote_are_explained_next_to_the_field_and_kept(officer_client, consultation, quote):
    page = officer_client.post(
        f"/admin/responses/{consultation.pk}/quotes/{quote.pk}/", {"words": "Samuel", "kind": "name"}
    ).content.decode()
    assert "Those words are not in the quote: copy them exactly as they appear." in page
    assert 'value="Samuel"' in page
    assert not Redaction.objects.exists()


def test_an_overlapping_or_out_of_bounds_removal_is_refused(quote, officer):
    services.redact(quote, 27, 39, "school", officer)
    with pytest.raises(Exception, match="Part of that is already removed."):
        services.redact(quote, 30, 45, "other", officer)
    with pytest.raises(Exception, match="could not be found"):
        services.redact(quote, 50, 500, "other", officer)
    assert Redaction.objects.count() == 1


def test_the_log_keeps_who_when_what_kind_and_where_but_never_the_words_removed():
    assert {field.name for field in Redaction._meta.get_fields()} == {
        "id",
        "quote",
        "start",
        "end",
        "kind",
        "redacted_by",
        "redacted_at",
    }
