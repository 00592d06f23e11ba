"""Telling the adults who asked when the feedback is published: by the configured mail server
(locmem in tests), never an under-13 or a young person, never a withdrawn response, never twice."""

import pytest
from django.core import mail

from tests.conftest import form_data, submit_answers
from tests.youth_voice.feedback.conftest import close_with_feedback
from youth_voice.feedback.notifications import send_feedback_emails
from youth_voice.feedback.services import publish_feedback
from youth_voice.journey import Journey
from youth_voice.services import withdraw_response

ASKED = ["respondent_type", "age_band", "name", "contact"]
ADULT = {"respondent_type": "parent_carer", "age_band": "over_25", "feedback_email": "on"}


@pytest.fixture
def page(home, plan):
    from datetime import timedelta

    from django.utils import timezone

    from consultations.models import ConsultationPage

    page = close_with_feedback(home, plan, about_you_asked=ASKED)
    # Responses are sent while it is open; it closes before the feedback is published.
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() + timedelta(days=1))
    page.refresh_from_db()
    yield page


def close(page):
    from datetime import timedelta

    from django.utils import timezone

    from consultations.models import ConsultationPage

    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() - timedelta(days=1))
    page.refresh_from_db()


def test_only_adults_who_ticked_the_box_and_gave_an_email_are_told_once(
    page, django_capture_on_commit_callbacks
):
    submit_answers(page, {"8": "x"}, **ADULT, contact="parent@example.org")
    submit_answers(
        page, {"8": "x"}, respondent_type="professional", age_band="over_25", contact="pro@example.org"
    )
    submit_answers(
        page,
        {"8": "x"},
        respondent_type="young_person",
        age_band="16_18",
        contact="yp@example.org",
        feedback_email="on",
    )
    submit_answers(page, {"8": "x"}, **ADULT | {"age_band": "11_12"}, contact="child@example.org")
    withdrawn = submit_answers(page, {"8": "x"}, **ADULT, contact="withdrawn@example.org")
    withdraw_response(withdrawn)
    submit_answers(page, {"8": "x"}, **ADULT, contact="parent@example.org")  # the same person again
    close(page)
    with django_capture_on_commit_callbacks(execute=True):
        publish_feedback(page)  # the email task is enqueued once publishing is committed
    assert [message.to for message in mail.outbox] == [["parent@example.org"]]
    assert mail.outbox[0].subject == "What happened because of your views: Have your say"
    assert page.full_url in mail.outbox[0].body
    assert send_feedback_emails(page) == 0
    assert len(mail.outbox) == 1


def test_a_young_person_and_an_under_13_never_keep_the_tick(page):
    young = submit_answers(
        page,
        {"8": "x"},
        respondent_type="young_person",
        age_band="16_18",
        contact="yp@example.org",
        feedback_email="on",
    )
    child = submit_answers(page, {"8": "x"}, **ADULT | {"age_band": "11_12"}, contact="child@example.org")
    assert (young.feedback_email, child.feedback_email, child.contact) == (False, False, "")


def test_the_tick_needs_an_email_address(page):
    form = Journey(page, form_data(page, {"8": "x"}, **ADULT, contact="01234 567890")).full_form()
    assert not form.is_valid()
    assert form.errors["feedback_email"] == ["To be emailed, give your email address above."]


def test_the_tick_is_offered_only_with_contact_details_and_adult_respondents(home, plan):
    without_contact = close_with_feedback(
        home, plan, slug="a", about_you_asked=["respondent_type", "age_band"]
    )
    young_only = close_with_feedback(
        home, plan, slug="b", about_you_asked=ASKED, respondent_types=["young_person"]
    )
    both = close_with_feedback(home, plan, slug="c", about_you_asked=ASKED)
    offered = [
        ("feedback_email" in Journey(page).full_form().fields) for page in (without_contact, young_only, both)
    ]
    assert offered == [False, False, True]


def test_the_email_is_in_the_language_they_answered_in(page, django_capture_on_commit_callbacks):
    from consultations.translating import translate
    from tests.consultations.test_translations import WELSH

    welsh = translate(page, "cy", WELSH)
    response = submit_answers(welsh, {"8": "x"}, **ADULT, contact="rhiant@example.org")
    response.language = "cy"  # as the Welsh page's address records it
    response.save(update_fields=["language"])
    close(page)
    with django_capture_on_commit_callbacks(execute=True):
        publish_feedback(page)  # the email task is enqueued once publishing is committed
    welsh.refresh_from_db()
    assert mail.outbox[0].subject == "Beth ddigwyddodd oherwydd eich barn: Dweud eich dweud"
    assert welsh.full_url in mail.outbox[0].body
