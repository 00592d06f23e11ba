"""Shared fixtures: a plan draft and its consultation, and a way to answer it as a person would."""

from datetime import timedelta

import pytest
from channels.layers import channel_layers
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.http import QueryDict
from django.utils import timezone, translation
from pytest_django.fixtures import _get_databases_for_setup
from pytest_django.plugin import blocking_manager_key as pytest_django_blocker_key

from consultations.models import ConsultationPage, PlanDraftPage, Question
from consultations.models.consultation import PER_REVISION
from consultations.models.questions import options_from_labels
from home.models import HomePage
from youth_voice.forms import mint_submission_key
from youth_voice.journey import Journey
from youth_voice.services import submit_response

OFFICER_PASSWORD = "officer-password-1"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database, and a copy of what its migrations put there (the page tree, locales,
    staff roles, safeguarding rules), so a flush can be undone for the tests after it."""
    made, _serialized = _get_databases_for_setup(request.session.items)
    if made:  # pytest-django makes none when no test asks for it (browser tests alone)
        with django_db_blocker.unblock():
            remember_migrated_data()
    yield


def remember_migrated_data():
    for connection in connections.all():
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def restore_migrated_data():
    """Empty the test database and put back what the migrations made."""
    for connection in connections.all():
        call_command(
            "flush", database=connection.alias, interactive=False, verbosity=0, inhibit_post_migrate=True
        )
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        # The rows came back with their ids; PostgreSQL's sequences must start after them again.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
    # The flush before may have made content types under other ids: forget the ones remembered.
    ContentType.objects.clear_cache()


def _flushes_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying the database. Run one file at a time per worker
    (`make test`), such a test can come before plain ones: give those back what migrations made."""
    result = yield
    if _flushes_the_database(item):
        blocker = item.config.stash[pytest_django_blocker_key]
        with blocker.unblock():
            restore_migrated_data()
    return result


@pytest.fixture(autouse=True)
def fresh_cache():
    """Ids are reused after a test's transaction is rolled back: never let a test read another's cache."""
    cache.clear()
    PER_REVISION.clear()
    yield
    cache.clear()
    PER_REVISION.clear()


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch):
    """Channels' database_sync_to_async closes "old" connections around every call, as Django
    does around a request. Inside a test's transaction on PostgreSQL that closes the test's own
    connection (its autocommit is off), and the next query fails; Django's test client leaves
    its request signals' close out for the same reason. Each test's event loop also gets a fresh
    channel layer: a Redis layer made in another loop holds locks bound to that loop. The live
    session's votes come back to the test's thread too, where its transaction is."""
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    monkeypatch.setattr("youth_voice.live.consumers.ON_THE_SHARED_THREAD", True)
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def english_until_asked():
    """A request in Welsh leaves Welsh active in the thread (Django's LocaleMiddleware does not
    deactivate it): start every test in the default language."""
    translation.activate("en-gb")
    yield
    translation.activate("en-gb")


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


DEFAULT_QUESTIONS = [
    {
        "reference": "1",
        "kind": "yes_no",
        "prompt": "Is the draft clear?",
        "follow_up_prompt": "If not, why?",
    },
    {"reference": "6.1", "kind": "free_text", "prompt": "What would help you cope?"},
    {
        "reference": "6.2",
        "kind": "single_choice",
        "prompt": "How long is too long to wait?",
        "options": ["A week", "A month", "Three months"],
    },
    {
        "reference": "7",
        "kind": "multiple_choice",
        "prompt": "What should come first?",
        "options": ["Swimming", "Buses", "Clubs"],
    },
    {"reference": "8", "kind": "free_text", "prompt": "Anything else?"},
]


def make_question(sort_order=0, **fields):
    fields = dict(fields)
    fields["options"] = options_from_labels(fields.pop("options", []))
    fields.setdefault("follow_up_prompt", "")
    return Question(sort_order=sort_order, **fields)


def make_consultation(
    home, plan=None, slug="consultation", opens_delta=-1, closes_delta=30, live=True, questions=None, **fields
):
    now = timezone.now()
    page = ConsultationPage(
        title=fields.pop("title", "Have your say"),
        slug=slug,
        overview=fields.pop("overview", "<p>Tell us what you think.</p>"),
        opens_at=now + timedelta(days=opens_delta),
        closes_at=None if closes_delta is None else now + timedelta(days=closes_delta),
        plan_draft=plan,
        data_protection=fields.pop("data_protection", "<p>We keep it safe.</p>"),
        **fields,
    )
    for order, definition in enumerate(questions or DEFAULT_QUESTIONS):
        page.questions.add(make_question(order, **definition))
    home.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    return page


def form_data(consultation, answers, **about_you) -> QueryDict:
    """Form data as a browser would post it: {ref: value} where a value is a code or text, a list
    of codes (choose any), a (codes, follow-up) pair (yes/no) or {code: place} (ranking)."""
    by_ref = {q.reference: q for q in consultation.questions.all()}
    data = QueryDict(mutable=True)
    data["submission_key"] = mint_submission_key()
    for ref, value in answers.items():
        question = by_ref[ref]
        name = question.field_name
        if isinstance(value, tuple):
            data.setlist(name, list(value[0]))
            data[name + "_why"] = value[1]
        elif isinstance(value, dict):
            for code, place in value.items():
                data[f"{name}_rank_{code}"] = str(place)
        elif isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = str(value)
    for name, value in about_you.items():
        data[name] = value
    return data


def submit_answers(consultation, answers, **about_you):
    """Send a response through the same form and service as a person online; returns the Response."""
    data = form_data(consultation, answers, **about_you)
    form = Journey(consultation, data).full_form()
    assert form.is_valid(), form.errors
    return submit_response(
        consultation,
        form.answers(),
        submission_key=form.cleaned_data["submission_key"],
        about_you=form.about_you(),
    ).response


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
    """Submit a response made of {ref: value} (see form_data); returns the Response."""

    def submit(answers, **about_you):
        return submit_answers(consultation, answers, **about_you)

    return submit


TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def totp_code(secret=TOTP_SECRET) -> str:
    """The code an authenticator app shows now for this secret."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def set_up_authenticator(client, password=OFFICER_PASSWORD):
    """Do what a member of staff does when sent to set up an authenticator app: confirm their
    password (allauth asks again before changing a second factor), read the secret off the page,
    type the app's code. Returns the page they land on (their recovery codes)."""
    import re

    activate = "/accounts/2fa/totp/activate/"
    asked = client.get(activate)
    if asked.status_code == 302 and asked["Location"].startswith("/accounts/reauthenticate/"):
        client.post(asked["Location"], {"password": password})
    page = client.get(activate).content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page) or re.search(
        r'value="([A-Z2-7]+)"[^>]*id="authenticator_secret"', page
    )
    return client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret.group(1))}, follow=True)


def give_second_factor(user, secret=TOTP_SECRET):
    """An authenticator app, as the officer sets up at their first sign-in (chorus.staff_sessions)."""
    from allauth.mfa.totp.internal.auth import TOTP

    return TOTP.activate(user, secret)


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser (and so `admin_client`), with the second factor every superuser
    must have before the admin opens (chorus.staff_sessions)."""
    give_second_factor(admin_user)
    return admin_user


@pytest.fixture
def officer(request, db, django_user_model):
    """A participation officer with a second factor, given the test's consultation (if it has one)."""
    from youth_voice.models import ConsultationAccess

    user = django_user_model.objects.create_user(
        username="officer", email="officer@example.org", password=OFFICER_PASSWORD
    )
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_response", "export_response"])
    )
    give_second_factor(user)
    if "consultation" in request.fixturenames:
        ConsultationAccess.objects.create(consultation=request.getfixturevalue("consultation"), user=user)
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
