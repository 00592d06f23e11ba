"""Pages and data for `make bench`: a consultation and a Wagtail form page with 8 questions."""

import random
import statistics
import time
import uuid
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from consultations.models import Answer, ConsultationPage, Question, Response
from consultations.summary import summarise
from home.models import FormField, FormPage, HomePage

YES_NO, SINGLE, MULTIPLE, FREE = (
    Question.Kind.YES_NO,
    Question.Kind.SINGLE_CHOICE,
    Question.Kind.MULTIPLE_CHOICE,
    Question.Kind.FREE_TEXT,
)
OPTIONS = "Red\nAmber\nGreen\nBlue"
QUESTIONS = [
    ("1", YES_NO),
    ("2", YES_NO),
    ("3", SINGLE),
    ("4", SINGLE),
    ("5", MULTIPLE),
    ("6", MULTIPLE),
    ("7", FREE),
    ("8", FREE),
]
WAGTAIL_FIELD_TYPES = {YES_NO: "radio", SINGLE: "radio", MULTIPLE: "checkboxes", FREE: "multiline"}


def _consultation(slug):
    home = HomePage.objects.get()
    now = timezone.now()
    page = ConsultationPage(
        title=f"Bench {slug}",
        slug=slug,
        overview="<p>Bench</p>",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )
    for order, (ref, kind) in enumerate(QUESTIONS):
        page.questions.add(
            Question(
                reference=ref,
                kind=kind,
                prompt=f"Question {ref}?",
                options=OPTIONS if kind in (SINGLE, MULTIPLE) else "",
                sort_order=order,
            )
        )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_bench_pages():
    consultation = _consultation("bench-consultation")
    form = FormPage(title="Bench form", slug="bench-form")
    HomePage.objects.get().add_child(instance=form)
    answers, form_answers = {}, {}
    for order, question in enumerate(consultation.questions.all()):
        field = FormField.objects.create(
            page=form,
            sort_order=order,
            label=question.prompt,
            field_type=WAGTAIL_FIELD_TYPES[question.kind],
            choices="Yes\nNo" if question.kind == YES_NO else question.options,
        )
        value = {
            YES_NO: "No",
            SINGLE: "Amber",
            MULTIPLE: ["Red", "Green"],
            FREE: "Somewhere to go after school",
        }[question.kind]
        answers[f"q_{question.pk}"] = value
        form_answers[field.clean_name] = value
    form.save_revision().publish()
    return {
        "consultation_url": consultation.url,
        "form_url": form.url,
        "consultation_answers": answers,
        "form_answers": form_answers,
    }


def fill_responses(count):
    """`count` responses answering all 8 questions, written in bulk."""
    consultation = _consultation("bench-summary")
    questions = list(consultation.questions.all())
    rng = random.Random(8)
    kinds = ["young_person", "parent_carer", "professional", ""]
    now = timezone.now()
    response_table, answer_table = Response._meta.db_table, Answer._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        responses = [
            (
                consultation.pk,
                f"{i:07d}",
                uuid.uuid4().hex,
                now,
                "online",
                rng.choice(kinds),
                "",
                False,
                "en-gb",
                "",
                "",
                "",
            )
            for i in range(count)
        ]
        cursor.executemany(
            f"INSERT INTO {response_table} (consultation_id, reference, submission_key, submitted_at, channel, respondent_type,"  # noqa: S608
            " age_band, confidential, language, name, organisation, email) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            responses,
        )
        ids = list(Response.objects.filter(consultation=consultation).values_list("pk", flat=True))
        rows = []
        for response_id in ids:
            for question in questions:
                if question.kind == FREE:
                    rows.append(
                        (
                            response_id,
                            question.pk,
                            "",
                            rng.choice(["More buses", "Quiet spaces", "Cheaper food"]),
                        )
                    )
                elif question.kind == MULTIPLE:
                    rows.extend(
                        (response_id, question.pk, c, "")
                        for c in rng.sample(["Red", "Amber", "Green", "Blue"], 2)
                    )
                else:
                    choices = ["Yes", "No"] if question.kind == YES_NO else ["Red", "Amber", "Green", "Blue"]
                    rows.append((response_id, question.pk, rng.choice(choices), ""))
        cursor.executemany(
            f"INSERT INTO {answer_table} (response_id, question_id, choice, text) VALUES (%s,%s,%s,%s)",  # noqa: S608
            rows,
        )
    return consultation


def median_ms(function, runs=5):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def time_summary(consultation):
    summary = median_ms(lambda: summarise(consultation))
    scan = median_ms(lambda: Answer.objects.for_consultation(consultation).count())
    return summary, scan
