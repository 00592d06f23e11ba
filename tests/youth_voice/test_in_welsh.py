"""A young person answering in Welsh sees no English: every screen, the receipt, saving, the code.

The English interface strings are read from the catalogue itself, so a string added in English and
left out of the Welsh catalogue, or a page that forgets to mark one, fails here.
"""

import re
from html.parser import HTMLParser

import polib
import pytest

from chorus.catalogues import LOCALE_DIR
from consultations.about_you import AboutYouField
from consultations.translating import translate
from tests.conftest import form_data, make_consultation
from youth_voice.models import Response

# A questionnaire written in Welsh, with a question of every kind that has its own interface words.
WELSH_QUESTIONS = [
    {
        "reference": "1",
        "kind": "yes_no",
        "prompt": "Ydy’r drafft yn glir?",
        "follow_up_prompt": "Os nad ydy, pam?",
        "section_heading": "Y cynllun",
    },
    {"reference": "2", "kind": "free_text", "prompt": "Beth sydd ar goll?", "required": True},
    {
        "reference": "3",
        "kind": "single_choice",
        "prompt": "Ydy hi’n hawdd teithio o gwmpas?",
        "options": ["Hawdd", "Anodd"],
        "section_heading": "Teithio",
    },
    {
        "reference": "4",
        "kind": "free_text",
        "prompt": "Beth sy’n ei gwneud hi’n anodd?",
        "show_if_reference": "3",
        "show_if_options": "hawdd",
    },
    {"reference": "5", "kind": "agree_scale", "prompt": "Mae digon i’w wneud gyda’r nos."},
    {"reference": "6", "kind": "faces", "prompt": "Sut wyt ti’n teimlo am yr ysgol?", "scale_points": 5},
    {
        "reference": "7",
        "kind": "ranking",
        "prompt": "Rhowch y rhain mewn trefn",
        "options": ["Bysiau", "Clybiau", "Nofio"],
        "max_choices": 2,
        "section_heading": "Blaenoriaethau",
    },
    {
        "reference": "8",
        "kind": "number",
        "prompt": "Sawl munud i’r clwb agosaf?",
        "min_value": 0,
        "max_value": 300,
    },
    {
        "reference": "9",
        "kind": "multiple_choice",
        "prompt": "Beth ddylai ddod gyntaf?",
        "options": ["Chwaraeon", "Cerddoriaeth", "Celf"],
        "max_choices": 2,
    },
    {"reference": "10", "kind": "rating", "prompt": "Pa sgôr fyddech chi’n ei rhoi?", "scale_points": 5},
]


class VisibleText(HTMLParser):
    """The words a person meets: text, and the attributes read out or shown (labels, titles)."""

    READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "value"}

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            # Hidden inputs carry codes and answers, not words; buttons' values are actions.
            if name in self.READ_ATTRIBUTES and value and tag not in ("input", "button", "option"):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_fragments() -> list[str]:
    """Every English interface string, split where a value is put in, without its markup; a
    single word that is also Welsh ("All", as in "All neb arall…") is left out."""
    fragments = set()
    catalogue = polib.pofile(str(LOCALE_DIR / "cy" / "LC_MESSAGES" / "django.po"))
    welsh_words = {
        word
        for entry in catalogue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        for word in re.findall(r"[\w’']+", text)
    }
    for entry in catalogue:
        for english in filter(None, [entry.msgid, entry.msgid_plural]):
            if english == entry.msgstr:
                continue  # the same in both languages
            for piece in re.split(r"%\(\w+\)[sd]|<[^>]+>", english):
                piece = piece.strip(" .,:;“”()?")
                if len(re.findall(r"[A-Za-z]", piece)) >= 2 and piece not in welsh_words:
                    fragments.add(piece)
    return sorted(fragments, key=len, reverse=True)


ENGLISH = english_fragments()


def assert_no_english(html, where):
    assert re.search(r'<html[^>]* lang="cy"', html), where  # public pages and the admin alike
    text = visible_text(html)
    found = [f for f in ENGLISH if re.search(rf"(?<![\w’']){re.escape(f)}(?![\w’'])", text)]
    assert found == [], f"{where}: English in the Welsh page: {found}\n{text}"


@pytest.fixture
def welsh(home):
    """A consultation written in Welsh, as the Welsh version (locale cy) of a page."""
    return translate(welsh_source(home), "cy", {})


def welsh_source(home):
    return make_consultation(
        home,
        slug="ymgynghoriad",
        title="Dweud eich dweud",
        questions=WELSH_QUESTIONS,
        overview="<p>Dywedwch wrthon ni beth rydych chi’n ei feddwl.</p>",
        data_protection="<p>Rydyn ni’n cadw eich atebion yn ddiogel.</p>",
        how_to_respond="<p>Ar-lein neu ar bapur.</p>",
        contact_details="<p>Tîm Cyfranogiad</p>",
        audience="pobl ifanc 11–25 oed",
        areas="Y Fenni\nCas-gwent",
        about_you_asked=list(AboutYouField.values),  # every "about you" question
    )


def with_code(data, code):
    data = data.copy()
    data.setlist("response_code", [code])
    return data


def press(client, page, data, action, step):
    data = data.copy()
    data.setlist("action", [action])
    data.setlist("step", [str(step)])
    return client.post(page.submit_url, dict(data.lists()))


def test_every_screen_of_the_questionnaire_is_in_welsh(client, welsh):
    assert (welsh.locale.language_code, welsh.url) == ("cy", "/cy/ymgynghoriad/")
    assert_no_english(client.get(welsh.url).content.decode(), "step 1")
    empty = form_data(welsh, {})
    problem = press(client, welsh, empty, "next", 1).content.decode()
    assert "Mae problem" in problem
    assert_no_english(problem, "step 1 with an error")
    answers = form_data(
        welsh,
        {
            "1": (["no"], "Geiriau hir"),
            "2": "Bysiau",
            "3": "hawdd",
            "4": "Dim",
            "7": {"bysiau": 1, "nofio": 1},
        },
    )
    for step in (2, 3, 4, 5):
        html = press(client, welsh, answers, "next", step - 1).content.decode()
        assert_no_english(html, f"step {step}")
    ranking_error = press(client, welsh, answers, "next", 3).content.decode()
    assert "Rhowch bob safle i un dewis yn unig." in ranking_error
    answers = form_data(
        welsh,
        {
            "1": (["no"], "Geiriau hir"),
            "2": "Bysiau",
            "3": "hawdd",
            "4": "Dim",
            "5": "4",
            "6": "5",
            "7": {"bysiau": 1},
            "8": "12",
            "9": ["celf"],
            "10": "4",
        },
        respondent_type="young_person",
        age_band="13_15",
        area="Y Fenni",
    )
    check = press(client, welsh, answers, "check", 4).content.decode()
    assert "Gwirio eich atebion" in check
    assert_no_english(check, "check your answers")


def test_the_receipt_saving_and_the_code_pages_are_in_welsh(client, welsh):
    answers = form_data(welsh, {"2": "Mwy o fysiau"}, age_band="11_12")
    saved = press(client, welsh, answers, "save", 1).content.decode()
    assert "Mae eich atebion wedi’u cadw" in saved
    assert_no_english(saved, "saved")
    code = re.search(r'id="resume-code">([^<]+)<', saved).group(1)

    code_url = welsh.code_url
    assert_no_english(client.get(code_url).content.decode(), "code")
    wrong = client.post(code_url, {"code": "AAA-AAA-AAAA"}).content.decode()
    assert_no_english(wrong, "wrong code")
    resumed = client.post(code_url, {"code": code}).content.decode()
    assert_no_english(resumed, "resumed draft")

    sent = press(client, welsh, with_code(answers, code), "send", 5)
    receipt = client.get(sent["Location"]).content.decode()
    assert "Diolch, mae eich atebion wedi’u hanfon" in receipt
    assert_no_english(receipt, "receipt")
    assert Response.objects.get().language == "cy"

    changing = client.post(code_url, {"code": code}).content.decode()
    assert_no_english(changing, "changing a sent response")
    confirm = press(client, welsh, with_code(form_data(welsh, {}), code), "withdraw", 1)
    assert_no_english(confirm.content.decode(), "withdraw?")
    withdrawn = press(client, welsh, with_code(form_data(welsh, {}), code), "withdraw_confirmed", 1)
    assert_no_english(withdrawn.content.decode(), "withdrawn")


def test_dates_are_written_in_welsh(client, welsh):
    html = client.get(welsh.url).content.decode()
    closes = welsh.closes_at.astimezone()
    months = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ]
    assert f"tan {closes.day} {months[closes.month - 1]} {closes.year}" in html


def test_the_published_results_are_in_welsh(client, welsh):
    from datetime import timedelta

    from django.utils import timezone

    from consultations.models import ConsultationPage
    from tests.conftest import submit_answers
    from tests.youth_voice.groups.conftest import record_group
    from youth_voice.feedback.results import RESPONSES_PER_PAGE, publish_results, published_results_url
    from youth_voice.models import Forum

    answers = {
        "1": (["no"], "Geiriau hir"),
        "2": "Bysiau",
        "3": "anodd",
        "5": "4",
        "7": {"bysiau": 1},
        "8": "12",
        "9": ["celf"],
    }
    for number in range(RESPONSES_PER_PAGE + 1):
        about = (
            {"publication": "with_name", "name": "Gwen"} if number % 2 else {"publication": "without_name"}
        )
        submit_answers(welsh, answers, respondent_type="young_person", age_band="13_15", **about)
    forum = Forum.objects.create(name="Fforwm Ieuenctid")
    record_group(welsh, size=12, forum=forum, tallies={"3": {"hawdd": 9, "anodd": 3}})
    ConsultationPage.objects.filter(translation_key=welsh.translation_key).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    welsh.refresh_from_db()
    publish_results(welsh, by=None)
    assert_no_english(client.get(welsh.url).content.decode(), "the consultation page, closed")
    first = client.get(published_results_url(welsh)).content.decode()
    assert "Gwen (" in first
    assert_no_english(first, "published results")
    assert_no_english(client.get(published_results_url(welsh), {"page": 2}).content.decode(), "page 2")
