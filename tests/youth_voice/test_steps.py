"""A questionnaire in sections: one screen per section, Back and Next, follow-ups, checking answers."""

import re

import pytest

from tests.conftest import form_data, make_consultation
from youth_voice.models import Answer, Response

STEPPED = [
    {
        "reference": "1",
        "kind": "yes_no",
        "prompt": "Is the draft clear?",
        "follow_up_prompt": "If not, why?",
        "section_heading": "The plan",
    },
    {"reference": "2", "kind": "free_text", "prompt": "What is missing?", "required": True},
    {
        "reference": "3",
        "kind": "single_choice",
        "prompt": "Is it easy to get about?",
        "options": ["Easy", "Hard"],
        "section_heading": "Getting about",
    },
    {
        "reference": "4",
        "kind": "free_text",
        "prompt": "What makes it hard?",
        "show_if_reference": "3",
        "show_if_options": "hard",
    },
    {
        "reference": "5",
        "kind": "number",
        "prompt": "Minutes to the nearest club?",
        "min_value": 0,
        "max_value": 300,
        "section_heading": "Clubs",
    },
    {
        "reference": "6",
        "kind": "free_text",
        "prompt": "Anything else?",
        "show_if_reference": "1",
        "show_if_options": "no",
    },
]


@pytest.fixture
def stepped(home):
    return make_consultation(home, slug="stepped", questions=STEPPED)


def press(client, page, data, action, step):
    data = data.copy()
    data.setlist("action", [action])
    data.setlist("step", [str(step)])
    return client.post(page.submit_url, dict(data.lists()))


def hidden(html) -> dict:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def test_a_long_questionnaire_shows_one_section_per_screen(client, stepped):
    html = client.get(stepped.url).content.decode()
    assert "Step 1 of 4" in html and "<h2>The plan</h2>" in html
    assert "Is the draft clear?" in html and "Is it easy to get about?" not in html
    assert 'value="next"' in html and 'value="back"' not in html


def test_next_checks_only_this_screen_and_keeps_everything(client, stepped):
    data = form_data(stepped, {"1": (["no"], "Too long")})
    response = press(client, stepped, data, "next", 1)
    html = response.content.decode()
    assert "Step 1 of 4" in html and "This field is required" in html  # question 2 is required
    assert "Too long" in html

    data["q_2"] = "Buses"
    html = press(client, stepped, data, "next", 1).content.decode()
    assert "Step 2 of 4" in html and "Getting about" in html and "There is a problem" not in html
    carried = hidden(html)
    assert (carried["q_1"], carried["q_1_why"], carried["q_2"]) == ("no", "Too long", "Buses")

    back = press(client, stepped, data, "back", 2).content.decode()
    assert "Step 1 of 4" in back and "Too long</textarea>" in back and "Buses</textarea>" in back
    assert not Response.objects.exists()  # nothing is stored until it is sent


def test_a_follow_up_is_asked_and_kept_only_when_its_answer_was_chosen(client, stepped):
    data = form_data(
        stepped, {"1": (["yes"], ""), "2": "Buses", "3": "easy", "4": "never shown", "6": "hidden too"}
    )
    html = press(client, stepped, data, "next", 1).content.decode()
    assert "What makes it hard?" in html  # on the same screen as question 3: shown in place
    assert 'data-show-if="q_3" data-show-if-values="hard"' in html
    assert "Answer this if you answered “Hard” to question 3." in html
    clubs = press(client, stepped, data, "next", 2).content.decode()
    assert "Anything else?" not in clubs  # its question (1) is on an earlier screen: decided by the server

    response = press(client, stepped, data, "send", 5)
    assert response.status_code == 302
    assert set(Answer.objects.values_list("question__reference", flat=True)) == {"1", "2", "3"}


def test_a_required_follow_up_that_is_not_shown_is_not_required(client, home):
    questions = [
        {"reference": "1", "kind": "yes_no", "prompt": "Do you go to a club?"},
        {
            "reference": "2",
            "kind": "free_text",
            "prompt": "Which one?",
            "required": True,
            "show_if_reference": "1",
            "show_if_options": "yes",
        },
    ]
    consultation = make_consultation(home, questions=questions)
    assert (
        client.post(
            consultation.submit_url, dict(form_data(consultation, {"1": (["no"], "")}).lists())
        ).status_code
        == 302
    )
    data = form_data(consultation, {"1": (["yes"], "")})
    assert (
        "This field is required" in client.post(consultation.submit_url, dict(data.lists())).content.decode()
    )


def test_check_your_answers_lists_every_answer_and_goes_back_to_a_section(client, stepped):
    data = form_data(
        stepped, {"1": (["no"], "Too long"), "2": "Buses", "3": "hard", "4": "No bus after six", "5": "45"}
    )
    data["age_band"] = "13_15"
    about = press(client, stepped, data, "next", 3).content.decode()
    assert "About you" in about and "Check your answers" in about
    check = press(client, stepped, data, "check", 4).content.decode()
    assert "Question 1: Is the draft clear?" in check and "No — Too long" in check
    assert "No bus after six" in check and ">45<" in check and "13 to 15" in check
    assert 'value="goto-2"' in check and 'value="send"' in check
    again = press(client, stepped, data, "goto-2", 5).content.decode()
    assert "Step 2 of 4" in again and "No bus after six</textarea>" in again


def test_sending_with_a_problem_on_an_earlier_screen_goes_back_to_it(client, stepped):
    data = form_data(stepped, {"1": (["no"], ""), "5": "999"})
    html = press(client, stepped, data, "send", 5).content.decode()
    assert "Step 1 of 4" in html and "This field is required" in html
    data["q_2"] = "fine"
    html = press(client, stepped, data, "send", 5).content.decode()
    assert "Step 3 of 4" in html and "Enter a number of at most 300." in html
    assert not Response.objects.exists()


def test_a_link_from_the_plan_opens_the_screen_that_asks_the_question(client, stepped):
    assert stepped.question_urls()["3"] == f"{stepped.url}?step=2#question-3"
    html = client.get(stepped.url + "?step=2").content.decode()
    assert "Step 2 of 4" in html and 'id="question-3"' in html
    assert "Step 1 of 4" in client.get(stepped.url + "?step=99x").content.decode()


def test_a_short_questionnaire_stays_on_one_page(client, consultation):
    html = client.get(consultation.url).content.decode()
    assert "Step 1 of" not in html and 'value="send"' in html and "About you" in html
