"""Pages and data for `make bench`: a 10-question questionnaire of mixed kinds, its Wagtail form
page peer with the same fields, and 100,000 responses written in bulk for the summary.

Everything is built through the models (pages published as an editor would); only the summary's
rows are written with `bulk_create`, in the shape the kinds themselves store (see
`consultations/kinds/*.py`, `rows()`).
"""

import random
import statistics
import string
import time
import uuid
from collections import Counter, defaultdict
from datetime import timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from consultations.about_you import AgeBand, Publication, RespondentType
from consultations.models import ConsultationPage, Question
from consultations.models.questions import options_from_labels
from consultations.translating import translate
from home.models import FormField, FormPage, ensure_home_page
from youth_voice.models import Answer, Response, Status

COLOURS = ["Red", "Amber", "Green", "Blue"]
PLACES = ["Youth club", "Library", "Park", "Swimming pool"]
# (reference, kind, settings): one question of every kind, and a second yes/no; 10 in all.
QUESTIONS = [
    ("1", "yes_no", {"follow_up_prompt": "If not, why not?"}),
    ("2", "single_choice", {"options": COLOURS}),
    ("3", "multiple_choice", {"options": COLOURS}),
    ("4", "free_text", {}),
    ("5", "number", {"min_value": Decimal(0), "max_value": Decimal(100)}),
    ("6", "rating", {"scale_points": 5}),
    ("7", "agree_scale", {}),
    ("8", "faces", {"scale_points": 5}),
    ("9", "ranking", {"options": PLACES}),
    ("10", "yes_no", {"follow_up_prompt": "If not, why not?"}),
]
AGREE = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]
FACES = ["Very happy", "Happy", "OK", "Sad", "Very sad"]

# What one phone journey answers: {reference: value} in the shape of tests/conftest.py's
# form_data (a code; a list of codes; (codes, follow-up); {code: place}; text).
JOURNEY_ANSWERS = {
    "1": (["no"], "The buses stop too early"),
    "2": "amber",
    "3": ["red", "green"],
    "4": "Somewhere to go after school",
    "5": "12",
    "6": "4",
    "7": "4",  # Agree
    "8": "2",  # Sad
    "9": {"library": 1, "park": 2, "youth-club": 3, "swimming-pool": ""},  # "" is "Not ranked"
    "10": (["yes"], "Swimming helps"),
}
# The answer rows those answers are stored as: 2 (no + why) + 1 + 2 + 1 + 1 + 1 + 1 + 1 + 3 + 2.
JOURNEY_ANSWER_ROWS = 15
JOURNEY_ABOUT_YOU = {
    "respondent_type": "young_person",
    "age_band": "13_15",
    "publication": "without_name",
    "name": "",  # text fields left empty are posted empty, as a browser does
    "organisation": "",
    "contact": "",
}


def bench_consultation(slug, *, stepped=False, questions=QUESTIONS) -> ConsultationPage:
    """A published consultation asking `questions`; stepped: a section every second question."""
    now = timezone.now()
    page = ConsultationPage(
        title=f"Bench {slug}",
        slug=slug,
        overview="<p>Tell us what you think about the places you go.</p>",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
        data_protection="<p>The youth participation team reads every response.</p>",
    )
    for order, (ref, kind, settings) in enumerate(questions):
        settings = dict(settings)
        settings["options"] = options_from_labels(settings.pop("options", []))
        settings.setdefault("follow_up_prompt", "")
        page.questions.add(
            Question(
                sort_order=order,
                reference=ref,
                kind=kind,
                prompt=f"Question {ref}: what do you think?",
                section_heading=f"Part {order // 2 + 1}" if stepped and order % 2 == 0 else "",
                **settings,
            )
        )
    ensure_home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def _peer_fields(question) -> list[tuple[str, str, str]]:
    """(label, Wagtail field type, choices) for the fields our form shows for one question."""
    label = question.prompt
    if question.kind == "yes_no":
        return [(label, "radio", "Yes\nNo"), (question.follow_up_prompt, "multiline", "")]
    if question.kind == "single_choice":
        return [(label, "radio", "\n".join(COLOURS))]
    if question.kind == "multiple_choice":
        return [(label, "checkboxes", "\n".join(COLOURS))]
    if question.kind == "free_text":
        return [(label, "multiline", "")]
    if question.kind == "number":
        return [(label, "number", "")]
    if question.kind == "rating":
        return [(label, "radio", "1\n2\n3\n4\n5")]
    if question.kind == "agree_scale":
        return [(label, "radio", "\n".join(AGREE))]
    if question.kind == "faces":
        return [(label, "radio", "\n".join(FACES))]
    if question.kind == "ranking":  # one select per option, as ours without JavaScript
        return [(f"{label} {place}", "dropdown", "Not ranked\n1\n2\n3\n4") for place in PLACES]
    raise ValueError(question.kind)


ABOUT_YOU_PEER_FIELDS = [
    ("I am", "radio", "\n".join(str(label) for _, label in RespondentType.choices)),
    ("My age", "radio", "\n".join(str(label) for _, label in AgeBand.choices)),
    ("Name", "singleline", ""),
    ("Organisation", "singleline", ""),
    ("Email or telephone", "singleline", ""),
    ("Can we publish what you said?", "radio", "\n".join(str(label) for _, label in Publication.choices)),
    ("Submission key", "hidden", ""),  # ours carries one hidden key too
]


def _peer_values(question) -> list:
    """What the journey posts to the peer for one question: the same answers as JOURNEY_ANSWERS."""
    return {
        "1": ["No", "The buses stop too early"],
        "2": ["Amber"],
        "3": [["Red", "Green"]],
        "4": ["Somewhere to go after school"],
        "5": ["12"],
        "6": ["4"],
        "7": ["Agree"],
        "8": ["Sad"],
        "9": ["3", "1", "2", "Not ranked"],  # Youth club 3, Library 1, Park 2, Swimming pool not
        "10": ["Yes", "Swimming helps"],
    }[question.reference]


def form_peer(questions, slug, *, about_you=True) -> tuple[FormPage, dict]:
    """A Wagtail form page with the fields our form shows for `questions` (and about-you), and the
    answers a journey posts to it, by field name."""
    form = FormPage(
        title=f"Bench {slug}", slug=slug, intro="<p>Tell us what you think about the places you go.</p>"
    )
    ensure_home_page().add_child(instance=form)
    answers, order = {}, 0
    for question in questions:
        for (label, field_type, choices), value in zip(
            _peer_fields(question), _peer_values(question), strict=True
        ):
            field = FormField.objects.create(
                page=form,
                sort_order=order,
                label=label,
                field_type=field_type,
                choices=choices,
                required=False,  # as ours: no question is required
            )
            order += 1
            answers[field.clean_name] = value
    if about_you:
        for label, field_type, choices in ABOUT_YOU_PEER_FIELDS:
            field = FormField.objects.create(
                page=form,
                sort_order=order,
                label=label,
                field_type=field_type,
                choices=choices,
                required=False,
            )
            order += 1
            answers[field.clean_name] = {
                "I am": "A young person",
                "My age": "13 to 15",
                "Can we publish what you said?": str(Publication.WITHOUT_NAME.label),
            }.get(label, "")
    form.save_revision().publish()
    return form, answers


def journey_answers(consultation) -> dict:
    """Our form's fields for JOURNEY_ANSWERS, by name (as tests/conftest.py's form_data builds them)."""
    by_ref = {q.reference: q for q in consultation.questions.all()}
    data = {}
    for ref, value in JOURNEY_ANSWERS.items():
        name = by_ref[ref].field_name
        if isinstance(value, tuple):
            data[name], data[name + "_why"] = value[0], value[1]
        elif isinstance(value, dict):
            for code, place in value.items():
                data[f"{name}_rank_{code}"] = str(place)
        else:
            data[name] = value
    return data | JOURNEY_ABOUT_YOU


def check_journey_answers(consultation, answers):
    """Our journey's answers are valid and stored as JOURNEY_ANSWER_ROWS rows (checked by the app's form)."""
    from django.http import QueryDict

    from youth_voice.forms import mint_submission_key
    from youth_voice.journey import Journey

    data = QueryDict(mutable=True)
    for name, value in answers.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    data["submission_key"] = mint_submission_key()
    form = Journey(consultation, data).full_form()
    if not form.is_valid():
        raise RuntimeError(f"the bench's journey answers are invalid: {form.errors}")
    rows = sum(len(rows) for _question, rows in form.answers())
    if rows != JOURNEY_ANSWER_ROWS:
        raise RuntimeError(f"the journey's answers make {rows} rows, not {JOURNEY_ANSWER_ROWS}")


# The stepped questionnaire's words in Welsh, for its Welsh version (made as a translator would).
WELSH_WORDS = {
    "Tell us what you think about the places you go.": "Dywedwch wrthon ni beth rydych chi’n ei feddwl am y lleoedd rydych chi’n mynd iddyn nhw.",  # noqa: E501
    "The youth participation team reads every response.": "Mae’r tîm cyfranogiad ieuenctid yn darllen pob ymateb.",
    "If not, why not?": "Os nad ydy, pam?",
    "Red": "Coch",
    "Amber": "Ambr",
    "Green": "Gwyrdd",
    "Blue": "Glas",
    "Youth club": "Clwb ieuenctid",
    "Library": "Llyfrgell",
    "Park": "Parc",
    "Swimming pool": "Pwll nofio",
    **{
        f"Question {ref}: what do you think?": f"Cwestiwn {ref}: beth ydych chi’n ei feddwl?"
        for ref, *_ in QUESTIONS
    },
    **{f"Part {part}": f"Rhan {part}" for part in range(1, 6)},
}


def make_bench_pages() -> dict:
    """The journey's questionnaire (one page) and its peer; the 5-step questionnaire and, per step, a
    peer with that step's fields."""
    journey = bench_consultation("bench-journey")
    questions = list(journey.questions.all())
    peer, peer_answers = form_peer(questions, "bench-form")
    answers = journey_answers(journey)
    check_journey_answers(journey, answers)
    stepped = bench_consultation("bench-steps", stepped=True)
    step_questions = list(stepped.questions.all())
    welsh = translate(stepped, "cy", WELSH_WORDS | {stepped.title: f"Mainc {stepped.slug}"})
    step_peers = {}
    for step in (1, 3):
        page, _ = form_peer(
            step_questions[2 * step - 2 : 2 * step], f"bench-form-step-{step}", about_you=False
        )
        step_peers[step] = page.url
    return {
        "journey_id": journey.pk,
        "journey_url": journey.url,
        "journey_answers": answers,
        "peer_id": peer.pk,
        "peer_url": peer.url,
        "peer_answers": peer_answers,
        "steps_url": stepped.url,
        "welsh_steps_url": welsh.url,
        "step_peer_urls": step_peers,
    }


def stored_rows(journey_id, peer_id) -> dict:
    """What the journeys stored: our submitted responses and their answers, and the peer's submissions."""
    from wagtail.contrib.forms.models import FormSubmission

    ours = Response.objects.filter(consultation_id=journey_id)
    return {
        "responses": ours.filter(status=Status.SUBMITTED).count(),
        "other_responses": ours.exclude(status=Status.SUBMITTED).count(),
        "answers": Answer.objects.filter(response__consultation_id=journey_id).count(),
        "peer": FormSubmission.objects.filter(page_id=peer_id).count(),
    }


# --- The summary's 100,000 responses -------------------------------------------------------------

FILTERS = {"respondent_type": "young_person", "age_band": "13_15"}
RESPONDENT_TYPES = (["young_person"] * 6) + ["parent_carer", "professional", "organisation", "other", ""]
AGE_BANDS = ["under_11", "11_12", "13_15", "13_15", "13_15", "16_18", "16_18", "19_25", "over_25", ""]
TEXTS = ["More buses in the evening", "Quiet spaces", "Cheaper food", "Somewhere to go after school"]


class Expected:
    """What a correct summary must say about the rows written: per question, respondents and
    counts by option code (first places for rankings), and follow-up or free texts."""

    def __init__(self):
        self.responses = 0
        self.respondents = Counter()
        self.options = defaultdict(Counter)
        self.texts = Counter()
        self.numbers = defaultdict(list)

    def add(self, ref, rows):
        # Every answer the generator makes has one row at position 1 (a choice, the first tick or
        # place, a number or the text), which is how the kinds count respondents.
        if rows:
            self.respondents[ref] += 1
        for row in rows:
            if row["option"] and row["position"] == 1:
                self.options[ref][row["option"]] += 1  # choices; first places for rankings
            if row["text"]:
                self.texts[ref] += 1
            if row["number"] is not None and not row["option"]:
                self.numbers[ref].append(row["number"])


def _row(option="", position=1, number=None, text=""):
    return {"option": option, "position": position, "number": number, "text": text}


def random_answer(kind, rng) -> list[dict]:
    """The rows one person's answer is stored as, as the kind's rows() would make them (or none)."""
    if rng.random() < 0.1:
        return []  # not answered
    if kind == "yes_no":
        rows = [_row(rng.choice(["yes", "no"]))]
        if rng.random() < 0.3:
            rows.append(_row(text=rng.choice(TEXTS)))
        return rows
    if kind == "single_choice":
        return [_row(rng.choice(["red", "amber", "green", "blue"]))]
    if kind == "multiple_choice":
        codes = rng.sample(["red", "amber", "green", "blue"], rng.randint(1, 3))
        return [_row(code, place) for place, code in enumerate(codes, start=1)]
    if kind == "free_text":
        return [_row(text=rng.choice(TEXTS))]
    if kind == "number":
        return [_row(number=Decimal(rng.randint(0, 100)))]
    if kind in ("rating", "agree_scale", "faces"):
        code = str(rng.randint(1, 5))
        return [_row(code, number=Decimal(code))]
    if kind == "ranking":
        codes = rng.sample(["youth-club", "library", "park", "swimming-pool"], rng.randint(1, 4))
        return [_row(code, place) for place, code in enumerate(codes, start=1)]
    raise ValueError(kind)


def fill_responses(count, batch=10_000, *, slug="bench-summary", questions=QUESTIONS):
    """`count` submitted responses to `questions`, written with bulk_create. Returns the
    consultation and what a correct summary says, unfiltered and filtered by FILTERS."""
    consultation = bench_consultation(slug, questions=questions)
    identities = {i.reference: i.pk for i in consultation.question_identities.all()}
    kinds = {ref: kind for ref, kind, _settings in questions}
    rng = random.Random(10)
    now = timezone.now()
    everyone, filtered = Expected(), Expected()
    # References are unique site-wide: each bench consultation's responses get a letter of their own.
    letter = string.ascii_uppercase[consultation.pk % len(string.ascii_uppercase)]
    with transaction.atomic():
        for start in range(0, count, batch):
            responses = []
            for i in range(start, min(start + batch, count)):
                responses.append(
                    Response(
                        consultation=consultation,
                        reference=f"{letter}{i:06d}",
                        secret_hash="",
                        submission_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                        status=Status.SUBMITTED,
                        created_at=now,
                        submitted_at=now,
                        respondent_type=rng.choice(RESPONDENT_TYPES),
                        age_band=rng.choice(AGE_BANDS),
                    )
                )
            Response.objects.bulk_create(responses, batch_size=2_000)
            answers = []
            for response in responses:
                matches = all(getattr(response, name) == value for name, value in FILTERS.items())
                everyone.responses += 1
                filtered.responses += matches
                for ref, kind in kinds.items():
                    rows = random_answer(kind, rng)
                    everyone.add(ref, rows)
                    if matches:
                        filtered.add(ref, rows)
                    answers += [
                        Answer(
                            response_id=response.pk,
                            question_id=identities[ref],
                            **row,
                            **response.who_answered(),  # as `store_answers` copies it
                        )
                        for row in rows
                    ]
            Answer.objects.bulk_create(answers, batch_size=5_000)
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load: statistics, and the visibility map that lets
        # the summary read its index alone.
        with connection.cursor() as cursor:
            for model in (Response, Answer):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")  # noqa: S608
    return consultation, everyone, filtered


def check_summary(summary, expected, label, questions=QUESTIONS):
    """Raise unless the summary's figures are those of the rows written."""
    problems = []
    if summary.total_responses != expected.responses:
        problems.append(f"total {summary.total_responses} != {expected.responses}")
    by_ref = {q.reference: q for q in summary.questions}
    for ref, kind, _settings in questions:
        figures = by_ref[ref].figures
        if figures.respondents != expected.respondents[ref]:
            problems.append(f"Q{ref} respondents {figures.respondents} != {expected.respondents[ref]}")
        if kind in ("yes_no", "single_choice", "rating", "agree_scale", "faces"):
            counts = {c.code: c.count for c in figures.choices if c.count}
            if counts != dict(expected.options[ref]):
                problems.append(f"Q{ref} counts {counts} != {dict(expected.options[ref])}")
        if kind == "ranking":
            firsts = {r.code: r.first for r in figures.ranks if r.first}
            if firsts != dict(expected.options[ref]):
                problems.append(f"Q{ref} first places {firsts} != {dict(expected.options[ref])}")
        if kind in ("yes_no", "free_text") and figures.text_count != expected.texts[ref]:
            problems.append(f"Q{ref} texts {figures.text_count} != {expected.texts[ref]}")
        if kind == "number":
            numbers = expected.numbers[ref]
            mean = round(float(sum(numbers)) / len(numbers), 2) if numbers else None
            if figures.mean != mean:
                problems.append(f"Q{ref} mean {figures.mean} != {mean}")
    if problems:
        raise RuntimeError(f"the {label} summary is wrong: " + "; ".join(problems[:6]))


def median_ms(function, runs=5):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def time_summary(consultation, everyone, filtered):
    """Median ms of summarise(), unfiltered and filtered, each after checking its figures; and of the
    baseline, one COUNT over the same answers (filtered alike)."""
    from youth_voice.summary import summarise

    check_summary(summarise(consultation), everyone, "unfiltered")
    check_summary(summarise(consultation, FILTERS), filtered, "filtered")
    # The answers summarise() reads: those of the consultation's question identities.
    answers = Answer.objects.filter(
        question_id__in=list(consultation.question_identities.values_list("pk", flat=True))
    )
    return {
        "rows": answers.count(),
        "summary": median_ms(lambda: summarise(consultation)),
        "count": median_ms(lambda: answers.count()),
        "summary_filtered": median_ms(lambda: summarise(consultation, FILTERS)),
        "count_filtered": median_ms(lambda: answers.of_responses(FILTERS).count()),
    }
