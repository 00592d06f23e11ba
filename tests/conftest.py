"""Shared fixtures: a plan draft and its consultation with one question of every type."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from consultations.models import ConsultationPage, PlanDraftPage, Question
from consultations.services import submit_response
from home.models import HomePage

OFFICER_PASSWORD = "officer-password-1"


@pytest.fixture
def home(db):
    return HomePage.objects.get()


def make_plan(home, slug="plan", chapters=None):
    chapters = chapters or [
        {
            "number": "9",
            "heading": "Mental health and emotional well-being",
            "paragraphs": [
                {
                    "number": "9.1",
                    "heading": "Objectives",
                    "text": "<p>Help children build friendships.</p>",
                    "question_ref": "6.1",
                },
                {
                    "number": "9.2",
                    "heading": "",
                    "text": "<p>Train staff to listen.</p>",
                    "question_ref": "6.1",
                },
                {
                    "number": "9.2.1",
                    "heading": "",
                    "text": "<p>Every school takes part.</p>",
                    "question_ref": "",
                },
                {
                    "number": "9.19",
                    "heading": "Planning priorities",
                    "text": "<p>Shorter waits.</p>",
                    "question_ref": "6.2",
                },
            ],
        },
        {
            "number": "10",
            "heading": "Active lives",
            "paragraphs": [
                {"number": "10.1", "heading": "", "text": "<p>Free swimming.</p>", "question_ref": "7"},
                {
                    "number": "10.2",
                    "heading": "",
                    "text": "<p>Buses in the evening.</p>",
                    "question_ref": "99",
                },
            ],
        },
    ]
    plan = PlanDraftPage(
        title="Our plan", slug=slug, plan_period="2027–2030", body=[("chapter", c) for c in chapters]
    )
    home.add_child(instance=plan)
    plan.save_revision().publish()
    return plan


def make_consultation(home, plan=None, slug="consultation", opens_delta=-1, closes_delta=30, live=True):
    now = timezone.now()
    page = ConsultationPage(
        title="Have your say",
        slug=slug,
        overview="<p>Tell us what you think.</p>",
        opens_at=now + timedelta(days=opens_delta),
        closes_at=now + timedelta(days=closes_delta),
        plan_draft=plan,
        data_protection="<p>We keep it safe.</p>",
    )
    questions = [
        Question(
            reference="1",
            kind=Question.Kind.YES_NO,
            prompt="Is the draft clear?",
            follow_up_prompt="If not, why?",
            required=True,
        ),
        Question(reference="6.1", kind=Question.Kind.FREE_TEXT, prompt="What would help you cope?"),
        Question(
            reference="6.2",
            kind=Question.Kind.SINGLE_CHOICE,
            prompt="How long is too long to wait?",
            options="A week\nA month\nThree months",
        ),
        Question(
            reference="7",
            kind=Question.Kind.MULTIPLE_CHOICE,
            prompt="What should come first?",
            options="Swimming\nBuses\nClubs",
        ),
        Question(reference="8", kind=Question.Kind.FREE_TEXT, prompt="Anything else?"),
    ]
    for order, question in enumerate(questions):
        question.sort_order = order
        page.questions.add(question)
    home.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    return page


@pytest.fixture
def plan(home):
    return make_plan(home)


@pytest.fixture
def consultation(home, plan):
    return make_consultation(home, plan)


@pytest.fixture
def questions(consultation):
    return {q.reference: q for q in consultation.questions.all()}


@pytest.fixture
def answer(consultation):
    """Submit a response made of {ref: choices-or-text}; returns the Response."""
    from consultations.forms import AnswerInput

    def submit(answers, **about_you):
        by_ref = {q.reference: q for q in consultation.questions.all()}
        inputs = []
        for ref, value in answers.items():
            if isinstance(value, tuple):
                inputs.append(AnswerInput(by_ref[ref], choices=list(value[0]), text=value[1]))
            elif isinstance(value, list):
                inputs.append(AnswerInput(by_ref[ref], choices=value))
            else:
                inputs.append(AnswerInput(by_ref[ref], text=value))
        return submit_response(
            consultation, inputs, submission_key=uuid.uuid4(), about_you=about_you
        ).response

    return submit


@pytest.fixture
def officer(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="officer", email="officer@example.org", password=OFFICER_PASSWORD
    )
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_response", "export_response"])
    )
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
