"""Feeding back in the demo: last year's transport consultation, closed, with its written answers
coded and quoted, its feedback published (in English and Welsh, showing those quotes), three
recommendations (youth_voice.reports.demo adds its board paper) and its results published (some
of its responses agreed to publication, some with their name); and the youth-club consultation,
closed, whose promised feedback is late, for the dashboard panel. Idempotent."""

import random
import uuid
from datetime import timedelta

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from consultations.models import ConsultationPage, Question
from consultations.models.questions import options_from_labels
from consultations.translating import translate

from ..analysis.demo import code_and_quote
from ..forms import mint_submission_key
from ..journey import Journey
from ..models import FeedbackItem, Publication, PublishedResults, Recommendation
from ..services import submit_response
from .results import publish_results
from .services import publish_feedback, record_progress

P = "<p>{}</p>".format
DEMO_NAMESPACE = uuid.UUID("6c1e3f7a-2d44-4d1b-9b0a-000000000011")
QUESTIONS = [
    ("1", "single_choice", "How do you usually get to school or college?", ["Bus", "Walk or cycle", "Lift"]),
    ("2", "free_text", "What would make buses better for you?", []),
    ("3", "free_text", "What stops you getting to clubs in the evening?", []),
]
SAID = {
    "2": ["Cheaper fares", "Buses that turn up", "Later buses home", "Drivers who are kind", "Wi-Fi"],
    "3": ["No bus back after 7", "Too dark to walk", "It costs too much", "My parents work late"],
}
# The codebook an officer made for questions 2 and 3, how they coded each answer, and the quotes
# picked for the board paper and "you said, we did" (answer, excerpt, words removed).
THEMES = [
    ("Cost", "Fares, and what getting about costs a family.", None),
    ("Running the buses", "Whether buses come, and when.", None),
    ("Late and missing buses", "Buses that come late or not at all.", "Running the buses"),
    ("Evening buses", "No bus home after clubs, work or seeing friends.", "Running the buses"),
    ("Feeling safe", "Waiting and walking in the dark; how people are treated on board.", None),
]
TAGS = {
    "Cheaper fares": ["Cost"],
    "It costs too much": ["Cost"],
    "Buses that turn up": ["Late and missing buses"],
    "Later buses home": ["Evening buses"],
    "No bus back after 7": ["Evening buses"],
    "Too dark to walk": ["Feeling safe"],
    "Drivers who are kind": ["Feeling safe"],
}
CODED_REFERENCES = ["2", "3"]
QUOTES = [
    ("Buses that turn up", "", None),
    ("Cheaper fares", "", None),
    ("No bus back after 7", "", None),
]
FEEDBACK = [
    {
        "question_reference": "1",
        "status": "done",
        "you_said": "Six in ten of you get the bus to school or college.",
        "key_figures": "6 in 10 get the bus\n3 in 10 walk or cycle",
        "we_did": "The partnership used these figures to keep every school bus route in the 2027 budget.",
        "plain_language": "Most of you take the bus. We kept all the school buses.",
    },
    {
        "question_reference": "2",
        "status": "agreed",
        "you_said": "You want cheaper fares and buses that come when the timetable says.",
        "key_figures": "Cheaper fares was the most common answer",
        "we_did": "The council agreed a £1 fare for under-19s from April; bus companies will report late buses every month.",
        "plain_language": "Bus fares for under-19s will be £1 from April.",
    },
    {
        "question_reference": "3",
        "status": "not_taken_forward",
        "you_said": "There is no bus home after seven, so evening clubs are hard to reach.",
        "we_did": "We asked the bus companies to run a late bus on club nights.",
        "reason": "No company would run it without a subsidy the partnership cannot pay this year. We will ask again next year.",
        "plain_language": "We could not get a late bus this year. We will try again next year.",
    },
]
WELSH = {
    "Have your say on buses and getting about (2026)": "Dweud eich dweud am fysiau a theithio (2026)",
    "Most of you take the bus. We kept all the school buses.": "Mae’r rhan fwyaf ohonoch yn dal y bws. Rydyn ni wedi cadw pob bws ysgol.",
    "Bus fares for under-19s will be £1 from April.": "Bydd tocyn bws i bobl dan 19 oed yn £1 o fis Ebrill.",
    "We could not get a late bus this year. We will try again next year.": "Doedden ni ddim yn gallu cael bws hwyr eleni. Byddwn ni’n trio eto y flwyddyn nesaf.",
}
# What each of the twenty chose about publication, in turn; a name only for those who chose it
# (the form drops it, and the choice, for an under-13).
PUBLICATIONS = [
    (Publication.WITH_NAME, "Nia"),
    (Publication.WITHOUT_NAME, ""),
    (Publication.CONFIDENTIAL, ""),
    (Publication.WITHOUT_NAME, ""),
    (Publication.WITH_NAME, "Cai"),
]
RECOMMENDATIONS = [
    ("Introduce a £1 bus fare for everyone under 19.", "Head of Transport", 40, "2", "done"),
    (
        "Bus companies report late and cancelled school buses every month.",
        "Transport Partnership",
        90,
        "1, 2",
        "on_track",
    ),
    ("Find funding for a late bus on youth club nights.", "Youth Services Manager", 20, "3", "at_risk"),
]


def load_feedback_demo(home) -> ConsultationPage:
    """Create (or find) both consultations; returns the one whose feedback is published."""
    published = _closed_consultation(
        home,
        "buses-2026",
        "Have your say on buses and getting about (2026)",
        closed_days_ago=150,
        due_days_ago=90,
    )
    code_and_quote(published, CODED_REFERENCES, THEMES, TAGS, QUOTES)
    if not published.feedback_published_at:
        with transaction.atomic():
            _feedback_and_recommendations(published)
            translate(published, "cy", WELSH)
            publish_feedback(published, at=published.closes_at + timedelta(days=50))
    if not PublishedResults.objects.filter(consultation=published).exists():
        publish_results(published, by=None, at=published.feedback_published_at)
    _closed_consultation(
        home, "youth-clubs-2026", "Have your say on youth clubs (2026)", closed_days_ago=45, due_days_ago=12
    )
    return published


def _closed_consultation(home, slug, title, *, closed_days_ago, due_days_ago):
    existing = ConsultationPage.objects.child_of(home).filter(slug=slug).first()
    if existing:
        return existing
    closes_at = timezone.now() - timedelta(days=closed_days_ago)
    page = ConsultationPage(
        slug=slug,
        title=title,
        overview=P("Tell the partnership how you get about, and what would make it easier."),
        opens_at=closes_at - timedelta(days=42),
        closes_at=closes_at,
        feedback_due=timezone.localdate() - timedelta(days=due_days_ago),
        data_protection=P(
            "The partnership's staff read every response. We publish a summary of what everyone said, "
            "and the responses of those who agree: with their name only if they ask (never for under-13s), "
            "and never a confidential one."
        ),
        about_you_asked=["respondent_type", "age_band", "name"],
    )
    for order, (reference, kind, prompt, options) in enumerate(QUESTIONS):
        page.questions.add(
            Question(
                reference=reference,
                kind=kind,
                prompt=prompt,
                options=options_from_labels(options),
                follow_up_prompt="",
                sort_order=order,
            )
        )
    home.add_child(instance=page)
    page.save_revision().publish()
    _responses(page)
    return page


def _responses(page):
    """Twenty young people's answers, the same every run, sent while it was open."""
    rng = random.Random(slug_seed(page.slug))
    form = Journey(page).full_form()
    ways = [code for code, _label in form.fields["q_1"].choices if code]
    for i in range(20):
        data = QueryDict(mutable=True)
        data["submission_key"] = mint_submission_key(uuid.uuid5(DEMO_NAMESPACE, f"{page.slug}:{i}"))
        data["q_1"] = ways[0] if i % 10 < 6 else rng.choice(ways[1:])
        data["q_2"], data["q_3"] = rng.choice(SAID["2"]), rng.choice(SAID["3"])
        data["respondent_type"], data["age_band"] = "young_person", rng.choice(["11_12", "13_15", "16_18"])
        data["publication"], data["name"] = PUBLICATIONS[i % len(PUBLICATIONS)]
        answered = Journey(page, data).full_form()
        if not answered.is_valid():
            raise ValueError(f"Demo answers do not pass the form: {answered.errors.as_text()}")
        submit_response(
            page,
            answered.answers(),
            submission_key=answered.cleaned_data["submission_key"],
            about_you=answered.about_you(),
            at=page.opens_at + timedelta(days=1, hours=7 * i),
        )


def slug_seed(slug: str) -> int:
    return sum(map(ord, slug))


def _feedback_and_recommendations(page):
    for order, item in enumerate(FEEDBACK):
        page.feedback_items.add(FeedbackItem(sort_order=order, **item))
    page.save_revision().publish()
    today = timezone.localdate()
    for text, owner, due_in_days, references, status in RECOMMENDATIONS:
        made = Recommendation.objects.create(
            consultation=page,
            text=text,
            owner=owner,
            due_date=today + timedelta(days=due_in_days),
            question_references=references,
        )
        if status == "done":
            record_progress(
                made,
                by=None,
                note="Agreed by the council's cabinet.",
                status="on_track",
                at=timezone.now() - timedelta(days=60),
            )
            record_progress(
                made,
                by=None,
                note="The £1 fare started on the first of the month.",
                status="done",
                at=timezone.now() - timedelta(days=10),
            )
        elif status != "not_started":
            record_progress(made, by=None, note="Discussed at the partnership board.", status=status)
