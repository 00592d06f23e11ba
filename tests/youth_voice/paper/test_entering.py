"""An officer types up one paper or event form in the admin, checked exactly as online."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.conftest import form_data, make_consultation
from youth_voice.models import Alert, Answer, ConsultationAccess, Response

TODAY = timezone.localdate()


def enter_url(consultation):
    return f"/admin/paper-forms/{consultation.pk}/"


def paper_post(client, consultation, answers, **fields):
    data = form_data(consultation, answers)
    data.update({"channel": "paper", "received_on": "2026-11-02"})
    for name, value in fields.items():
        data.setlist(name, [value])
    return client.post(enter_url(consultation), dict(data.lists()))


def error_messages(html) -> list[str]:
    return re.findall(
        r'<p class="error-message"[^>]*><span class="visually-hidden">[^<]*</span> ([^<]*)</p>', html
    )


def test_the_form_shows_every_question_the_details_and_about_them(officer_client, consultation):
    html = officer_client.get(enter_url(consultation)).content.decode()
    for reference in ("1", "6.1", "6.2", "7", "8"):
        assert f"Question {reference}" in html
    assert 'name="received_on"' in html and f'value="{TODAY.isoformat()}"' in html
    assert 'name="channel" value="paper"' in html and 'name="age_band"' in html
    assert 'name="submission_key"' in html


def test_an_officer_saves_an_event_form_received_last_week(officer_client, consultation, officer):
    week_ago = (TODAY - datetime.timedelta(days=7)).isoformat()
    page = paper_post(
        officer_client,
        consultation,
        {"1": (["no"], "Too long"), "7": ["clubs"]},
        channel="event",
        received_on=week_ago,
        age_band="16_18",
    )
    response = Response.objects.get()
    assert page.status_code == 302 and page["Location"] == enter_url(consultation)
    assert (response.channel, response.received_on.isoformat(), response.entered_by, response.age_band) == (
        "event",
        week_ago,
        officer,
        "16_18",
    )
    assert sorted(Answer.objects.values_list("option", "text")) == [
        ("", "Too long"),
        ("clubs", ""),
        ("no", ""),
    ]
    shown = officer_client.get(page["Location"]).content.decode()
    assert f"Saved paper response {response.reference}. Enter another" in shown


def test_a_double_post_is_one_response(officer_client, consultation):
    data = form_data(consultation, {"1": (["yes"], "")})
    data.update({"channel": "paper", "received_on": "2026-11-02"})
    first = officer_client.post(enter_url(consultation), dict(data.lists()))
    second = officer_client.post(enter_url(consultation), dict(data.lists()), follow=True)
    reference = Response.objects.get().reference
    assert first.status_code == 302 and Response.objects.count() == 1
    assert (
        f"This form was saved already, as paper response {reference}: it was not saved twice."
        in second.content.decode()
    )


BAD = [
    ({"6.1": "x" * 5001}, {}),
    ({"6.2": "maybe"}, {}),
    ({"1": (["yes"], "")}, {"age_band": "16_18", "contact": "not a contact"}),
    ({"1": (["yes"], "")}, {"respondent_type": "organisation", "age_band": "over_25"}),
]


@pytest.mark.parametrize(("answers", "about"), BAD)
def test_bad_input_gets_the_online_forms_messages_and_keeps_what_was_typed(
    officer_client, client, consultation, answers, about
):
    consultation.about_you_required = ["name"]
    consultation.save_revision().publish()
    online = client.post(consultation.submit_url, dict(form_data(consultation, answers, **about).lists()))
    paper = paper_post(officer_client, consultation, answers, **about)
    assert paper.status_code == 400 and Response.objects.count() == 0
    online_messages = error_messages(online.content.decode())
    assert online_messages and error_messages(paper.content.decode()) == online_messages
    for value in [*about.values(), *(v for v in answers.values() if isinstance(v, str))]:
        assert f'value="{value}"' in paper.content.decode() or value in paper.content.decode()


@pytest.mark.parametrize(
    ("received_on", "message"),
    [
        (
            (TODAY + datetime.timedelta(days=1)).isoformat(),
            f"The date received cannot be in the future: today is {TODAY:%d/%m/%Y}.",
        ),
        ("", "This field is required."),
        ("yesterday", "Enter a date, like 20/11/2026 or 2026-11-20."),
    ],
)
def test_the_date_received_is_checked(officer_client, consultation, received_on, message):
    page = paper_post(officer_client, consultation, {"6.1": "Kept as typed"}, received_on=received_on)
    html = page.content.decode()
    assert page.status_code == 400 and error_messages(html) == [message]
    assert "Kept as typed" in html and Response.objects.count() == 0


def test_under_13s_details_written_on_the_form_are_not_stored(officer_client, consultation):
    paper_post(
        officer_client,
        consultation,
        {"1": (["yes"], "")},
        age_band="11_12",
        name="Sam",
        contact="07700 900123",
    )
    response = Response.objects.get()
    assert (response.name, response.contact) == ("", "")


def test_a_form_is_typed_up_after_the_consultation_closed(client, officer, home, plan):
    closed = make_consultation(home, plan, slug="closed", opens_delta=-30, closes_delta=-1)
    ConsultationAccess.objects.create(consultation=closed, user=officer)
    client.force_login(officer)
    assert paper_post(client, closed, {"1": (["yes"], "")}).status_code == 302
    assert Response.objects.get().channel == "paper"


def test_a_paper_disclosure_raises_a_safeguarding_alert(officer_client, consultation):
    paper_post(officer_client, consultation, {"6.1": "my dad hits me when he is drunk"})
    assert Alert.objects.get().response == Response.objects.get()
