"""Demo content for a fictional partnership, Harrowby Vale. Every word here is invented.

`load_demo` builds it idempotently: running it again changes nothing.
"""

import random
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from consultations.about_you import AboutYouField, AgeBand, Publication, RespondentType
from consultations.models import ConsultationPage, PlanAim, PlanDraftPage, PlanHeadlinesPage, Question
from consultations.models.questions import options_from_labels
from consultations.plans import demo as demo_plan
from consultations.plans.imports.importer import import_plan_draft
from consultations.plans.models.aims import ensure_standard_aims
from home.models import FormField, FormPage, ensure_home_page

from . import access, demo_welsh
from .analysis.demo import load_analysis_demo
from .feedback import demo as feedback_demo
from .forms import mint_submission_key
from .forums.demo import load_forums
from .groups.demo import demo_group_response
from .journey import Journey
from .live.demo import live_demo
from .models import ConsultationAccess, Response, Status
from .paper import demo as paper_demo
from .reports.demo import load_board_paper_demo
from .roles import ensure_roles
from .services import change_response, save_draft, submit_response

OFFICER_EMAIL = "officer@example.org"
OFFICER_USERNAME = "officer"
OFFICER_PASSWORD = "chorus-demo-officer"  # noqa: S105 - printed for the demo on purpose
DEMO_RESPONSES = 48
# Fixed keys make the demo responses idempotent: a second run resubmits the same 48.
DEMO_NAMESPACE = uuid.UUID("6f1d3c1e-2b7a-4c55-9d0e-7a1f0c3b9e21")

P = "<p>{}</p>".format
PLAN_SLUG = "plan-draft-2027-2030"
PLAN_TITLE = "Growing Up in Harrowby Vale: our plan for 2027 to 2030 (draft)"


LEVELS = ["Very easy", "Quite easy", "Quite hard", "Very hard"]
# (section, reference, kind, prompt, settings): one question of every kind, in four sections, with a
# follow-up (7.4) shown only to those who find it hard to find things to do.
QUESTIONS = [
    (
        "The plan as a whole",
        "1",
        "yes_no",
        "Is the draft clear about what the plan must achieve?",
        {"follow_up_prompt": "If not, what should change?", "required": True},
    ),
    (
        "",
        "2",
        "agree_scale",
        "We want every child in Harrowby Vale to grow up safe, heard and hopeful. Do you agree with this vision?",
        {},
    ),
    (
        "",
        "4",
        "free_text",
        "What would show you that partners have listened to young people?",
        {"max_length": 2000},
    ),
    (
        "Mental health and emotional well-being",
        "6.1",
        "free_text",
        "What would help you or your friends cope when things get tough?",
        {},
    ),
    (
        "",
        "6.2",
        "multiple_choice",
        "Which of these should come first? Choose up to two.",
        {
            "options": [
                "Shorter waits for mental health support",
                "A drop-in space in town",
                "More school counsellors",
                "Online support at night",
            ],
            "max_choices": 2,
        },
    ),
    (
        "",
        "6.3",
        "faces",
        "How do you feel about the help you can get at school when you are worried?",
        {"scale_points": 5, "help_text": "Choose the face that is most like how you feel."},
    ),
    (
        "Active and healthy lives",
        "7.1",
        "single_choice",
        "How easy is it to find things to do near where you live?",
        {"options": LEVELS},
    ),
    (
        "",
        "7.4",
        "free_text",
        "What makes it hard?",
        {"show_if_reference": "7.1", "show_if_options": "quite-hard, very-hard"},
    ),
    (
        "",
        "7.2",
        "yes_no",
        "Should free swimming lessons be part of the plan?",
        {"follow_up_prompt": "If not, why not?"},
    ),
    (
        "",
        "7.3",
        "ranking",
        "Put these in order: which would make the most difference to you?",
        {
            "options": [
                "Buses in the evening",
                "Youth clubs open later",
                "Free sports pitches",
                "Free swimming",
            ],
            "max_choices": 3,
        },
    ),
    (
        "",
        "7.5",
        "number",
        "About how many minutes does it take you to get to the nearest youth club or sports centre?",
        {"min_value": 0, "max_value": 300},
    ),
    (
        "Anything else",
        "8",
        "rating",
        "Out of 10, how much does the draft plan get right for young people?",
        {"scale_points": 10},
    ),
    ("", "9", "free_text", "Is there anything else we have not asked about?", {}),
]

WRITTEN = {
    "1": [
        "Too many long words in chapter 2.",
        "It doesn't say who is in charge of each part.",
        "I got lost in the numbers.",
    ],
    "4": [
        "Come back and tell us what changed, not just thank us.",
        "Let the youth forum vote on the money.",
        "Put our answers in the board papers with our words, not a summary.",
        "Actually answer the questions we ask.",
    ],
    "6.1": [
        "Someone at school who has time to listen.",
        "Knowing it is OK to not be OK.",
        "A place to go after school that isn't home.",
        "Shorter waits. My friend waited five months.",
        "Teachers who notice when you are quiet.",
        "Group chats with a counsellor online.",
    ],
    "7.2": ["Swimming is fine but buses matter more.", "Some of us have no way to get to the pool."],
    "7.4": ["The last bus is at six.", "Everything costs money.", "Nothing is open on Sundays."],
    "9": [
        "Bullying online.",
        "Cost of travel to college.",
        "Young carers need a break too.",
        "Safe places to meet friends in the evening.",
        "<b>Stop</b> closing youth clubs.",
    ],
}


def load_demo(stdout=None):
    """Create (or find) the whole demo; returns the consultation."""
    with transaction.atomic():
        home = ensure_home_page()
        if not home.introduction:
            home.introduction = P(
                "Chorus is where children and young people in Harrowby Vale tell the partnership what they think of its plans, and see what happened next."
            )
            home.save_revision().publish()
        plan = _plan_draft(home)
        consultation = _consultation(home, plan)
        _form_page(home)
        _officer(consultation)
        load_forums(consultation, facilitator=get_user_model().objects.get(username=OFFICER_USERNAME))
    created = _responses(consultation)
    live_demo(consultation)
    created += demo_welsh.welsh_responses(demo_welsh.translate_demo(consultation), _demo_data, _valid_form)
    created += paper_demo.paper_form(consultation, _demo_data, OFFICER_USERNAME)
    load_analysis_demo(consultation)
    created += demo_group_response(consultation)
    feedback_demo.load_feedback_demo(home)
    load_board_paper_demo(home)
    if stdout:
        stdout.write(
            f"Demo ready: {consultation.title} with {consultation.responses.count()} responses ({created} new)."
        )
    return consultation


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _plan_draft(home):
    """The plan draft, imported from the Word document an editor would upload: version 1 as
    first published, then version 2 after the first round of comments."""
    existing = PlanDraftPage.objects.child_of(home).filter(slug=PLAN_SLUG).first()
    if existing:
        return existing
    ensure_standard_aims()
    first = import_plan_draft(
        filename=_save_demo_document(1),
        data=demo_plan.plan_docx(1),
        parent=home,
        title=PLAN_TITLE,
        plan_period="2027–2030",
        sentence_case=True,  # the demo document's headings are in capitals, as many drafts' are
    ).page
    plan = first.get_latest_revision_as_object()
    plan.slug = PLAN_SLUG
    plan.stage = PlanDraftPage.Stage.CONSULTATION
    plan.aims_framework = PlanAim.Framework.WALES_CORE_AIMS
    plan.introduction = P(
        "This is a draft. Read it, then tell us what you think: every paragraph with a “Have your say” link is asked about in the consultation."
    )
    plan.body = _tagged(plan.body.raw_data)
    plan.save_revision().publish()
    import_plan_draft(
        filename=_save_demo_document(2),
        data=demo_plan.plan_docx(2),
        replace=plan,
        publish=True,
        sentence_case=True,
    )
    plan = PlanDraftPage.objects.get(pk=plan.pk)
    _headlines(plan)
    return plan


def _save_demo_document(version) -> str:
    """Leave the demo's Word document where an editor can find it and try the admin import."""
    folder = Path(settings.MEDIA_ROOT) / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"harrowby-vale-plan-draft-v{version}.docx"
    path.write_bytes(demo_plan.plan_docx(version))
    return str(path)


def _tagged(raw_body):
    """The editor's tags (aims, UNCRC articles) on the imported paragraphs."""
    for chapter in raw_body:
        for item in chapter["value"]["paragraphs"]:
            paragraph = item["value"]
            if paragraph["number"] in demo_plan.TAGS:
                paragraph["aims"], paragraph["uncrc_articles"] = demo_plan.TAGS[paragraph["number"]]
    return raw_body


def _headlines(plan):
    headlines = demo_plan.HEADLINES
    _child(
        plan,
        PlanHeadlinesPage,
        "headlines",
        title=headlines["title"],
        vision=headlines["vision"],
        priorities=[("priority", priority) for priority in headlines["priorities"]],
    )


def _consultation(home, plan):
    existing = ConsultationPage.objects.child_of(home).filter(slug="have-your-say-2027-2030").first()
    if existing:
        return existing
    now = timezone.now()
    consultation = ConsultationPage(
        slug="have-your-say-2027-2030",
        title="Have your say on Growing Up in Harrowby Vale",
        overview=P(
            "The partnership has written a draft plan for the next three years. Tell us what you think of it: it takes about five minutes, and every answer is read."
        ),
        how_to_respond=P(
            "Answer online here, at a youth club session, or on the paper form your school or youth worker can give you."
        ),
        opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(days=60),
        audience="children and young people aged 8 to 25, and their parents and carers",
        contact_details=P(
            "Harrowby Vale Youth Participation Team, Civic Centre, Harrowby Vale. Phone 01632 960 000."
        ),
        data_protection=P(
            "The partnership's staff read every response. We publish a summary and may quote what you wrote, but never with your name. "
            "If you ask us to keep your response confidential we never publish or quote it. Your details are kept until the final plan is agreed and then deleted."
        ),
        plan_draft=plan,
        about_you_asked=[
            AboutYouField.RESPONDENT_TYPE,
            AboutYouField.AGE_BAND,
            AboutYouField.AREA,
            AboutYouField.NAME,
            AboutYouField.CONTACT,
        ],
        areas="Harrowby town\nNorth Vale\nSouth Vale\nThe coast",
    )
    for sort_order, (section, ref, kind, prompt, settings_) in enumerate(QUESTIONS):
        options = options_from_labels(settings_.get("options", []))
        fields = {name: value for name, value in settings_.items() if name != "options"}
        fields.setdefault("follow_up_prompt", "")
        consultation.questions.add(
            Question(
                reference=ref,
                kind=kind,
                prompt=prompt,
                options=options,
                section_heading=section,
                sort_order=sort_order,
                **fields,
            )
        )
    home.add_child(instance=consultation)
    consultation.save_revision().publish()
    return consultation


def _form_page(home):
    page = _child(
        home,
        FormPage,
        "ask-for-a-copy",
        title="Ask for a paper, large print or easy read copy",
        intro=P("Tell us which version you would like and where to send it."),
        thank_you_text=P("Thank you. We will post your copy within five working days."),
    )
    if not page.form_fields.exists():
        FormField.objects.create(
            page=page,
            sort_order=0,
            label="Which version?",
            field_type="radio",
            choices="Paper\nLarge print\nEasy read",
            required=True,
        )
        FormField.objects.create(
            page=page, sort_order=1, label="Postal address", field_type="multiline", required=True
        )


def _officer(consultation):
    """The demo's participation officer, given the demo consultation (roles: docs/security.md).

    Like every officer, they set up an authenticator app or a passkey at their first sign-in."""
    from allauth.account.models import EmailAddress

    user, created = get_user_model().objects.get_or_create(
        username=OFFICER_USERNAME,
        defaults={"email": OFFICER_EMAIL, "first_name": "Demo", "last_name": "Officer"},
    )
    if created:
        user.set_password(OFFICER_PASSWORD)
        user.save()
    ensure_roles()  # a test database that was emptied has lost the migration's groups
    user.groups.add(Group.objects.get(name=access.PARTICIPATION_OFFICERS))
    ConsultationAccess.objects.get_or_create(consultation=consultation.answers_page, user=user)
    EmailAddress.objects.get_or_create(
        user=user, email=OFFICER_EMAIL, defaults={"primary": True, "verified": True}
    )


def _responses(consultation) -> int:
    """48 responses of mixed respondents, the same every run (seeded), sent through the same form
    as online answers; one is changed afterwards by the person who sent it, and one is a saved draft."""
    rng = random.Random(2027)
    journey = Journey(consultation)
    start = consultation.opens_at
    created = 0
    for i in range(DEMO_RESPONSES):
        data = _demo_data(rng, journey.questionnaire.questions, i)
        outcome = _send(consultation, data, at=start + timedelta(hours=6 + i * 11))
        created += outcome.created
    changed = Response.objects.get(consultation=consultation, submission_key=_key(0))
    if not changed.times_changed:
        data = _demo_data(random.Random(1), journey.questionnaire.questions, 0)
        form = _valid_form(consultation, data)
        change_response(changed, form.answers(), about_you=form.about_you(), at=start + timedelta(days=5))
    if not Response.objects.filter(consultation=consultation, status=Status.DRAFT).exists():
        data = _demo_data(rng, journey.questionnaire.questions[:4], DEMO_RESPONSES)
        save_draft(
            consultation, Journey(consultation, data).draft_data(), 2, submission_key=_key(DEMO_RESPONSES)
        )
    return created


def _key(i):
    return uuid.uuid5(DEMO_NAMESPACE, str(i))


def _valid_form(consultation, data):
    form = Journey(consultation, data).full_form()
    if not form.is_valid():
        raise ValueError(f"Demo answers do not pass the form: {form.errors.as_text()}")
    return form


def _send(consultation, data, at):
    form = _valid_form(consultation, data)
    return submit_response(
        consultation,
        form.answers(),
        submission_key=form.cleaned_data["submission_key"],
        about_you=form.about_you(),
        at=at,
    )


def _demo_data(rng, questions, i) -> QueryDict:
    """What one person might type, as the form would post it."""
    data = QueryDict(mutable=True)
    data["submission_key"] = mint_submission_key(_key(i))
    for question in questions:
        if rng.random() < 0.1 and not question.required:
            continue  # skipped this one
        for name, values in _demo_answer(rng, question).items():
            data.setlist(name, values)
    respondent_type = rng.choices(
        [RespondentType.YOUNG_PERSON, RespondentType.PARENT_CARER, RespondentType.PROFESSIONAL, ""],
        weights=[34, 8, 6, 4],
    )[0]
    about = {
        "respondent_type": respondent_type,
        "age_band": rng.choice(["under_11", "11_12", "13_15", "16_18", "19_25"])
        if respondent_type == RespondentType.YOUNG_PERSON
        else (AgeBand.OVER_25 if respondent_type else ""),
        "area": rng.choice(["Harrowby town", "North Vale", "South Vale", "The coast", ""]),
        "publication": rng.choices(list(Publication.values), weights=[1, 8, 2])[0],
    }
    if about["publication"] == Publication.WITH_NAME and about["age_band"] not in AgeBand.under_13():
        about["name"] = rng.choice(["Sam", "Alex", "Jordan", "Riley"])
    for name, value in about.items():
        if value:
            data[name] = value
    return data


def _demo_answer(rng, question) -> dict[str, list[str]]:
    kind, name = question.kind_class, question.field_name
    codes = [option.code for option in kind.options(question)]
    if question.kind == "free_text":
        return {name: [rng.choice(WRITTEN.get(question.reference, WRITTEN["9"]))]}
    if question.kind == "number":
        return {name: [str(rng.choice([5, 10, 15, 20, 30, 45, 60]))]}
    if question.kind == "multiple_choice":
        return {name: rng.sample(codes, rng.randint(1, question.max_choices or 2))}
    if question.kind == "ranking":
        ranked = rng.sample(codes, rng.randint(1, question.max_choices or len(codes)))
        return {
            kind.rank_name(name, option): [str(ranked.index(option.code) + 1)]
            for option in kind.options(question)
            if option.code in ranked
        }
    choice = rng.choice(codes)
    answer = {name: [choice]}
    if question.kind == "yes_no" and choice == "no" and rng.random() < 0.7:
        answer[name + "_why"] = [rng.choice(WRITTEN[question.reference])]
    return answer
