"""Naughty values on the forms and addresses of forums, group and paper responses, live sessions,
feedback, board papers and published results: a clear answer (a form again, a redirect or a 404),
never a 500."""

import pytest

from tests.fuzz.naughty import NAUGHTY
from tests.youth_voice.feedback.conftest import close_with_feedback
from youth_voice.models import Forum, ForumKind

SAMPLE = [*NAUGHTY[::40], "", "0", "-1", "99999999999999999999", "2026-02-30", "1e309", "\x00", "ö" * 5000]


@pytest.fixture
def forum(db):
    return Forum.objects.create(name="Forum", kind=ForumKind.YOUTH_FORUM, seats=5)


@pytest.fixture
def closed(home):
    return close_with_feedback(home, slug="closed-fuzz")


def form_addresses(consultation, closed, forum):
    """Each form with the fields it is posted with."""
    return [
        (f"/admin/forums/{forum.pk}/members/add/", ["alias", "username", "age", "consent_given_on", "place"]),
        (
            f"/admin/forums/{forum.pk}/events/add/",
            ["title", "date", "place", "attended", "youngest", "oldest"],
        ),
        (
            f"/admin/responses/{consultation.pk}/groups/new/",
            ["speaks_for", "youngest", "oldest", "method", "forum"],
        ),
        (f"/admin/paper-forms/{consultation.pk}/", ["received_on", "channel", "q_6-1"]),
        (f"/admin/live/start/{consultation.pk}/", ["questions", "event"]),
        (
            f"/admin/feedback/{closed.pk}/recommendations/new/",
            ["text", "owner", "due_date", "question_references"],
        ),
        (f"/admin/board-paper/{closed.pk}/", ["meeting", "purpose", "target_population"]),
        (f"/admin/feedback/{closed.pk}/publish/", ["action"]),
    ]


@pytest.mark.parametrize("value", SAMPLE)
def test_naughty_values_on_the_new_officer_forms_are_never_a_500(
    admin_client, consultation, closed, forum, value
):
    for address, fields in form_addresses(consultation, closed, forum):
        assert admin_client.get(address).status_code in (200, 405), address  # the form is there
        response = admin_client.post(address, dict.fromkeys(fields, value))
        assert response.status_code in (200, 302, 400, 404), (address, value, response.status_code)


@pytest.mark.parametrize("value", SAMPLE)
def test_naughty_addresses_and_pages_of_the_public_results_are_never_a_500(client, closed, value):
    from youth_voice.feedback.results import publish_results

    publish_results(closed, by=None)
    assert client.get(closed.url + "results/", {"page": value}).status_code == 200
    assert client.get("/en-gb/join/", {"code": value}).status_code in (200, 302, 400, 404)
    assert client.post("/en-gb/join/", {"code": value}).status_code in (200, 302, 400, 404)
    assert client.post("/en-gb/my-forum/sign-in/", {"username": value, "code": value}).status_code in (
        200,
        403,
        429,
    )
