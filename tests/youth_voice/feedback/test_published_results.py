"""The published results of a closed consultation: not found until an officer publishes them,
small counts suppressed, individuals and groups side by side, only consenting responses (named
only as they allowed), redacted, paginated, in English and in Welsh."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import ConsultationPage
from consultations.translating import translate
from tests.conftest import make_consultation, submit_answers
from tests.consultations.test_translations import WELSH
from tests.youth_voice.groups.conftest import record_group
from youth_voice.analysis import services
from youth_voice.feedback.results import (
    RESPONSES_PER_PAGE,
    publish_results,
    published_results_url,
    results_are_public,
    unpublish_results,
)
from youth_voice.models import Forum, PublishedResults, Response


def close(page):
    ConsultationPage.objects.filter(translation_key=page.translation_key).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    page.refresh_from_db()
    return page


@pytest.fixture
def consultation(home, plan):
    """Open, so responses can be sent; `close` it before publishing."""
    return make_consultation(home, plan, slug="buses")


def results_url(page) -> str:
    return page.url + "results/"


def results_of(client, page) -> str:
    response = client.get(results_url(page))
    assert response.status_code == 200
    return response.content.decode()


def table_row(text, label) -> list[str]:
    """The cells of the first summary table row headed `label`."""
    row = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', text, re.S)
    assert row, label
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def test_results_are_not_found_until_published_after_closing(client, consultation):
    submit_answers(consultation, {"6.1": "More buses"})
    assert client.get(results_url(consultation)).status_code == 404
    with pytest.raises(Exception, match="once the consultation has closed"):
        publish_results(consultation, by=None)
    assert client.get(results_url(consultation)).status_code == 404

    close(consultation)
    assert client.get(results_url(consultation)).status_code == 404
    page = client.get(consultation.url).content.decode()
    assert "published results" not in page

    publish_results(consultation, by=None)
    assert results_are_public(consultation)
    assert client.get(results_url(consultation)).status_code == 200
    page = client.get(consultation.url).content.decode()
    assert f'href="{results_url(consultation)}"' in page
    assert "Read the published results" in page

    # Reopened (its closing date moved on): not closed, so not public.
    ConsultationPage.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() + timedelta(days=2))
    consultation.refresh_from_db()
    assert client.get(results_url(consultation)).status_code == 404
    assert published_results_url(consultation) == ""

    close(consultation)
    unpublish_results(consultation, by=None)
    assert client.get(results_url(consultation)).status_code == 404
    assert "Read the published results" not in client.get(consultation.url).content.decode()


def test_small_counts_are_suppressed_with_groups_beside_individuals(client, consultation):
    for _ in range(7):
        submit_answers(consultation, {"6.2": "a-week"})
    for _ in range(3):
        submit_answers(consultation, {"6.2": "a-month"})
    forum = Forum.objects.create(name="Harrowby Vale Youth Forum")
    record_group(consultation, size=12, forum=forum, tallies={"6.2": {"a-week": 9, "a-month": 2}})
    close(consultation)
    publish_results(consultation, by=None)
    text = results_of(client, consultation)

    # Worked by hand. Individuals: A week 7, A month 3, Three months 0, of 10 who answered. 3 is
    # under 5; its column's total (10) is shown, so the smallest other count (7) is hidden too,
    # and the zero stays. Groups: 9 and 2 of the 12 young people: 2 is hidden, then 9 beside it.
    assert (
        '<th scope="col">Individuals: answers</th><th scope="col">Groups: young people tallied</th>' in text
    )
    assert table_row(text, "A week") == ["hidden", "hidden"]
    assert table_row(text, "A month") == ["fewer than 5", "fewer than 5"]
    assert table_row(text, "Three months") == ["0 (0.0%)", "0 (0.0%)"]
    assert table_row(text, "Out of") == ["10", "12"]
    # One group: fewer than 5, however it is said; the chart hides the same figures.
    assert "groups who gave tallies: fewer than 5, speaking for 12 young people" in text
    assert "10 individual responses; fewer than 5 groups speaking for 12 young people." in text
    chart = re.search(r'<desc id="chart-question-6-2-desc">(.*?)</desc>', text, re.S)
    assert chart, "a chart of question 6.2"
    assert "A month, Individuals: answers: fewer than 5" in chart.group(1)
    assert "Three months, Individuals: answers: 0 (0.0%)" in chart.group(1)
    for exact in ("7 (70.0%)", "3 (30.0%)", "9 (75.0%)", "2 (16.7%)"):
        assert exact not in text


def submit(consultation, text, **about_you):
    return submit_answers(consultation, {"6.1": text}, **about_you)


def test_only_consenting_responses_are_published_and_named_only_as_allowed(client, consultation):
    submit(
        consultation,
        "WITH-NAME-TEXT",
        publication="with_name",
        name="Tamsin",
        age_band="16_18",
        respondent_type="young_person",
    )
    submit(
        consultation,
        "WITHOUT-NAME-TEXT",
        publication="without_name",
        name="Bronwen",
        age_band="13_15",
        respondent_type="young_person",
        contact="bronwen@example.org",
    )
    child = submit(
        consultation,
        "UNDER-13-TEXT",
        publication="with_name",
        name="Kit",
        age_band="11_12",
        respondent_type="young_person",
    )
    Response.objects.filter(pk=child.pk).update(name="Kit", publication="with_name")  # stored by mistake
    submit(
        consultation, "NO-AGE-TEXT", publication="with_name", name="Morwenna", respondent_type="young_person"
    )
    submit(
        consultation, "PARENT-TEXT", publication="with_name", name="Gwilym", respondent_type="parent_carer"
    )
    submit(consultation, "CONFIDENTIAL-TEXT", publication="confidential", name="Ceinwen", age_band="16_18")
    withdrawn = submit(consultation, "WITHDRAWN-TEXT")
    Response.objects.filter(pk=withdrawn.pk).update(status="withdrawn")
    close(consultation)
    publish_results(consultation, by=None)
    text = results_of(client, consultation)

    for published in ("WITH-NAME-TEXT", "WITHOUT-NAME-TEXT", "UNDER-13-TEXT", "NO-AGE-TEXT", "PARENT-TEXT"):
        assert published in text
    assert "CONFIDENTIAL-TEXT" not in text
    assert "WITHDRAWN-TEXT" not in text
    assert "<h3>Tamsin (A young person, 16 to 18)</h3>" in text
    assert "<h3>Gwilym (A parent or carer)</h3>" in text  # an adult, by who they are
    assert "<h3>A young person, 13 to 15</h3>" in text
    assert "<h3>A young person, 11 to 12</h3>" in text
    for never_named in ("Bronwen", "bronwen@example.org", "Kit", "Morwenna", "Ceinwen"):
        assert never_named not in text


def test_published_responses_are_redacted(client, consultation):
    submit(
        consultation,
        "My name is Ffion, email ffion.j@example.org or 07700 900123. I go to Harrowby Academy.",
        publication="without_name",
    )
    close(consultation)
    publish_results(consultation, by=None)
    text = results_of(client, consultation)
    for removed in ("Ffion", "ffion.j@example.org", "07700 900123", "Harrowby Academy"):
        assert removed not in text
    assert (
        "My name is [name removed], email [email removed] or [phone number removed]. "
        "I go to [school removed]." in text
    )


def test_quotes_are_the_publishable_ones_with_their_redactions(client, consultation, officer):
    said = submit(consultation, "Buses home after nine, says Sam", publication="without_name")
    quote = services.pick_quote(said.answers.get(question__reference="6.1"), "", officer)
    start = quote.excerpt.index("Sam")
    services.redact(quote, start, start + 3, "name", officer)
    close(consultation)
    publish_results(consultation, by=None)
    text = results_of(client, consultation)
    assert "<blockquote><p>Buses home after nine, says [name removed]</p></blockquote>" in text
    said.publication = "confidential"
    said.save()
    assert "Buses home after nine" not in results_of(client, consultation)


def test_published_responses_come_ten_to_a_page_and_any_page_number_works(client, consultation):
    for number in range(RESPONSES_PER_PAGE + 2):
        submit(consultation, f"ANSWER-{number:02d}-END", publication="without_name")
    close(consultation)
    publish_results(consultation, by=None)
    first = results_of(client, consultation)
    assert first.count("-END") == RESPONSES_PER_PAGE
    assert "Page 1 of 2" in first
    second = client.get(results_url(consultation), {"page": 2}).content.decode()
    assert second.count("-END") == 2
    assert "ANSWER-11-END" in second
    for wrong in ("abc", "999", "-1", "1" * 40):
        assert client.get(results_url(consultation), {"page": wrong}).status_code == 200


def test_an_officer_who_may_publish_the_page_publishes_and_unpublishes_the_results(
    client, admin_client, consultation, officer
):
    close(consultation)
    publish = reverse("feedback_admin:publish_results", args=[consultation.pk])
    unpublish = reverse("feedback_admin:unpublish_results", args=[consultation.pk])

    client.force_login(officer)  # given the consultation, but may not publish its page
    assert client.post(publish).status_code == 302  # Wagtail's refusal: back to the dashboard
    assert not results_are_public(consultation)
    screen = client.get(reverse("feedback_admin:consultation", args=[consultation.pk])).content.decode()
    assert "Publish the results" not in screen

    screen = admin_client.get(reverse("feedback_admin:consultation", args=[consultation.pk])).content.decode()
    assert "Publish the results" in screen
    done = admin_client.post(publish, follow=True).content.decode()
    assert "The results are published on every language version of the page." in done
    assert "Unpublish the results" in done
    assert PublishedResults.objects.get(consultation=consultation).published_at is not None
    assert results_are_public(consultation)

    assert client.post(unpublish).status_code == 302
    assert results_are_public(consultation)
    admin_client.post(unpublish)
    assert not results_are_public(consultation)
    assert admin_client.get(publish).status_code == 405


def test_the_welsh_results_page_is_in_welsh(client, consultation):
    for _ in range(6):
        submit_answers(consultation, {"6.2": "a-week", "6.1": "Mwy o fysiau"}, publication="without_name")
    welsh = translate(consultation, "cy", WELSH)
    close(consultation)
    welsh.refresh_from_db()
    publish_results(welsh, by=None)  # from either version: published for both
    text = results_of(client, welsh)
    assert '<html lang="cy">' in text
    assert "Crynodeb o'r ymatebion" in text
    assert "Pa mor hir sy’n rhy hir i aros?" in text
    assert '<th scope="row">Wythnos</th>' in text
    assert "Mwy o fysiau" in text
    assert "How long is too long to wait?" not in text
    assert f'href="{results_url(welsh)}"' in client.get(welsh.url).content.decode()
    # The language switch leads to the same results in English.
    assert f'href="{results_url(consultation)}"' in text


def test_a_response_flagged_for_safeguarding_or_emptied_is_never_published(client, consultation):
    submit(consultation, "my dad hits me when he is drunk", publication="without_name")
    emptied = submit(consultation, "EMPTIED-TEXT", publication="without_name")
    Response.objects.filter(pk=emptied.pk).update(removed_at=timezone.now())
    submit(consultation, "KEPT-TEXT", publication="without_name")
    close(consultation)
    publish_results(consultation, by=None)
    text = results_of(client, consultation)
    assert "KEPT-TEXT" in text
    assert "hits me" not in text
    assert "EMPTIED-TEXT" not in text


def test_the_demo_publishes_the_results_of_its_closed_consultation_with_feedback(db, client):
    from django.core.management import call_command

    call_command("load_demo")
    call_command("load_demo")  # twice: nothing new
    buses = ConsultationPage.objects.get(slug="buses-2026", locale__language_code="en-gb")
    assert results_are_public(buses)
    responses = Response.objects.for_consultation(buses).submitted()
    assert set(responses.values_list("publication", flat=True)) == {
        "with_name",
        "without_name",
        "confidential",
    }
    text = results_of(client, buses)
    named = responses.filter(publication="with_name").exclude(name="").order_by("submitted_at").first()
    assert f"<h3>{named.name} (A young person, {named.get_age_band_display().lower()})</h3>" in text
    assert "<blockquote><p>Buses that turn up</p></blockquote>" in text
    late = ConsultationPage.objects.get(slug="youth-clubs-2026", locale__language_code="en-gb")
    assert client.get(results_url(late)).status_code == 404
