"""Quotes: a confidential response is never quoted, by any path; who said it, without personal details."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from youth_voice.analysis import services
from youth_voice.models import Quote, Response
from youth_voice.retention import erase_response


def test_a_confidential_answer_is_refused_by_the_model(written):
    answer = written("Please keep this to yourselves", publication="confidential")
    with pytest.raises(ValidationError) as refused:
        Quote(answer=answer, excerpt=answer.text).full_clean()
    assert "This response is confidential: it can never be quoted." in refused.value.messages


def test_a_confidential_answer_is_refused_by_the_service(written, officer):
    answer = written("Please keep this to yourselves", publication="confidential")
    with pytest.raises(ValidationError):
        services.pick_quote(answer, "", officer)
    assert not Quote.objects.exists()


def test_a_quote_saved_around_the_rules_is_still_never_quotable_or_published(written):
    answer = written("Please keep this to yourselves", publication="confidential")
    Quote.objects.create(answer=answer, excerpt=answer.text)  # a shell, an import: no clean()
    assert not Quote.objects.quotable().exists()
    assert not Quote.objects.publishable().exists()


def test_a_response_made_confidential_after_quoting_is_no_longer_published(written, officer):
    answer = written("Buses at night", publication="without_name")
    services.pick_quote(answer, "", officer)
    assert Quote.objects.publishable().count() == 1
    Response.objects.filter(pk=answer.response_id).update(publication="confidential")
    assert not Quote.objects.publishable().exists()


@pytest.mark.parametrize(
    "change",
    [
        {"status": "withdrawn"},
        {"removed_at": timezone.now()},
    ],
)
def test_a_withdrawn_or_emptied_response_is_no_longer_published(written, officer, change):
    answer = written("Buses at night")
    services.pick_quote(answer, "", officer)
    Response.objects.filter(pk=answer.response_id).update(**change)
    assert not Quote.objects.publishable().exists()


def test_a_quote_no_longer_in_the_changed_answer_is_not_published(written, officer):
    answer = written("Buses at night are never on time")
    services.pick_quote(answer, "never on time", officer)
    answer.text = "Buses are fine now"
    answer.save()
    assert not Quote.objects.publishable().exists()


def test_a_flagged_answer_is_never_quotable(written, officer):
    answer = written("my dad hits me when he is drunk")
    with pytest.raises(ValidationError):
        services.pick_quote(answer, "", officer)
    Quote.objects.create(answer=answer, excerpt=answer.text)
    assert not Quote.objects.quotable().exists()


def test_an_excerpt_must_be_copied_exactly_from_the_answer(written, officer):
    answer = written("Buses at night are never on time")
    with pytest.raises(ValidationError) as refused:
        services.pick_quote(answer, "buses are never late", officer)
    assert refused.value.message_dict["excerpt"] == [
        "The excerpt must be copied exactly from the answer (part of it, or all of it)."
    ]


def test_picking_the_same_quote_twice_keeps_one(written, officer):
    answer = written("Buses at night")
    assert services.pick_quote(answer, "", officer) == services.pick_quote(answer, "Buses at night", officer)
    assert Quote.objects.count() == 1


def test_officer_cannot_quote_a_confidential_answer_from_the_admin(officer_client, consultation, written):
    answer = written("Please keep this to yourselves", publication="confidential")
    address = f"/admin/responses/{consultation.pk}/quotes/new/{answer.pk}/"
    shown = officer_client.get(address).content.decode()
    assert "This response is confidential: it can never be quoted." in shown
    assert 'name="excerpt"' not in shown
    posted = officer_client.post(address, {"excerpt": answer.text})
    assert posted.status_code == 200
    assert not Quote.objects.exists()


def test_officer_quotes_an_excerpt_and_a_wrong_one_is_explained_next_to_the_field(
    officer_client, consultation, written
):
    answer = written("Buses at night are never on time", publication="without_name")
    address = f"/admin/responses/{consultation.pk}/quotes/new/{answer.pk}/"
    wrong = officer_client.post(address, {"excerpt": "buses are late"}).content.decode()
    assert "The excerpt must be copied exactly from the answer" in wrong
    assert "buses are late" in wrong  # what was typed is kept
    kept = officer_client.post(address, {"excerpt": "never on time"})
    quote = Quote.objects.get()
    assert kept["Location"] == f"/admin/responses/{consultation.pk}/quotes/{quote.pk}/"
    assert quote.excerpt == "never on time"


def _response(answer, **fields):
    Response.objects.filter(pk=answer.response_id).update(**fields)
    answer.response.refresh_from_db()
    return Quote(answer=answer, excerpt=answer.text)


@pytest.mark.parametrize(
    ("fields", "attribution"),
    [
        ({"publication": "without_name", "name": "Sam"}, "A young person, 16 to 18"),
        ({"publication": "with_name", "name": "Sam"}, "Sam (A young person, 16 to 18)"),
        ({"publication": "with_name", "name": ""}, "A young person, 16 to 18"),
        # Under-13s never carry a name, even one stored by mistake.
        ({"publication": "with_name", "name": "Sam", "age_band": "11_12"}, "A young person, 11 to 12"),
        ({"publication": "with_name", "name": "Sam", "age_band": "under_11"}, "A young person, under 11"),
        (
            {
                "publication": "with_name",
                "name": "Pat",
                "respondent_type": "organisation",
                "age_band": "over_25",
                "organisation": "Harrowby Council",
                "contact": "pat@example.org",
                "school_or_group": "Harrowby Academy",
            },
            "Pat (Responding for an organisation, over 25)",
        ),
        ({"publication": "without_name", "respondent_type": "", "age_band": ""}, "A respondent"),
    ],
)
def test_attribution_carries_a_name_only_when_allowed_and_never_other_details(written, fields, attribution):
    answer = written("Buses at night", respondent_type="young_person", age_band="16_18")
    assert _response(answer, **fields).attribution() == attribution


def test_a_group_answer_is_attributed_to_the_group_and_how_many_it_speaks_for(group_wrote):
    answer = group_wrote("We agreed the buses must run later", size=18)
    assert Quote(answer=answer, excerpt=answer.text).attribution() == "Youth forum, speaking for 18"
    answer.response.forum = None
    assert Quote(answer=answer, excerpt=answer.text).attribution() == "A group, speaking for 18"


def test_erasing_a_response_deletes_its_quotes_which_are_copies_of_its_words(written, officer):
    answer = written("Buses at night are never on time")
    services.pick_quote(answer, "never on time", officer)
    erase_response(answer.response)
    assert not Quote.objects.exists()
