"""Demo content for a fictional partnership, Harrowby Vale. Every word here is invented.

`load_demo` builds it idempotently: running it again changes nothing.
"""

import random
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from home.models import FormField, FormPage, ensure_home_page

from .forms import AnswerInput
from .models import (
    AgeBand,
    ConsultationPage,
    PlanAim,
    PlanDraftPage,
    PlanHeadlinesPage,
    Question,
    RespondentType,
)
from .plans import demo as demo_plan
from .plans.imports.importer import import_plan_draft
from .plans.models.aims import ensure_standard_aims
from .services import submit_response

OFFICER_EMAIL = "officer@example.org"
OFFICER_PASSWORD = "chorus-demo-officer"  # noqa: S105 - printed for the demo on purpose
OFFICERS_GROUP = "Youth participation officers"
DEMO_RESPONSES = 48
# Fixed keys make the demo responses idempotent: a second run resubmits the same 48.
DEMO_NAMESPACE = uuid.UUID("6f1d3c1e-2b7a-4c55-9d0e-7a1f0c3b9e21")

P = "<p>{}</p>".format
PLAN_SLUG = "plan-draft-2027-2030"
PLAN_TITLE = "Growing Up in Harrowby Vale: our plan for 2027 to 2030 (draft)"


YES_NO, SINGLE, MULTIPLE, FREE = (
    Question.Kind.YES_NO,
    Question.Kind.SINGLE_CHOICE,
    Question.Kind.MULTIPLE_CHOICE,
    Question.Kind.FREE_TEXT,
)
AGREE = "Strongly agree\nAgree\nNot sure\nDisagree\nStrongly disagree"
QUESTIONS = [
    ("1", YES_NO, "Is the draft clear about what the plan must achieve?", "", "If not, what should change?"),
    ("2", SINGLE, "How much do you agree with our vision?", AGREE, ""),
    ("4", FREE, "What would show you that partners have listened to young people?", "", ""),
    ("6.1", FREE, "What would help you or your friends cope when things get tough?", "", ""),
    (
        "6.2",
        MULTIPLE,
        "Which of these should come first? Choose any.",
        "Shorter waits for mental health support\nA drop-in space in town\nMore school counsellors\nOnline support at night",
        "",
    ),
    (
        "7.1",
        SINGLE,
        "How easy is it to find things to do near where you live?",
        "Very easy\nQuite easy\nQuite hard\nVery hard",
        "",
    ),
    ("7.2", YES_NO, "Should free swimming lessons be part of the plan?", "", "If not, why not?"),
    ("8", FREE, "Is there anything else we have not asked about?", "", ""),
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
    "8": [
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
        _officer(home)
    created = _responses(consultation)
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
    )
    for sort_order, (ref, kind, prompt, options, follow_up) in enumerate(QUESTIONS):
        consultation.questions.add(
            Question(
                reference=ref,
                kind=kind,
                prompt=prompt,
                options=options,
                follow_up_prompt=follow_up,
                sort_order=sort_order,
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


def _officer(home):
    group, _ = Group.objects.get_or_create(name=OFFICERS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "consultations", "wagtaildocs"],
            codename__in=[
                "access_admin",
                "view_response",
                "export_response",
                "add_document",
                "change_document",
                "choose_document",
            ],
        )
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=Page.objects.get(pk=home.pk),
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    user, created = get_user_model().objects.get_or_create(
        username="officer", defaults={"email": OFFICER_EMAIL, "first_name": "Demo", "last_name": "Officer"}
    )
    if created:
        user.set_password(OFFICER_PASSWORD)
        user.save()
    user.groups.add(group)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=OFFICER_EMAIL, defaults={"primary": True, "verified": True}
    )


def _responses(consultation) -> int:
    """48 responses of mixed respondents, the same every run (seeded)."""
    rng = random.Random(2027)
    questions = list(consultation.questions.all())
    start = consultation.opens_at
    created = 0
    for i in range(DEMO_RESPONSES):
        respondent_type = rng.choices(
            [
                RespondentType.YOUNG_PERSON,
                RespondentType.PARENT_CARER,
                RespondentType.PROFESSIONAL,
                RespondentType.ORGANISATION,
                "",
            ],
            weights=[28, 8, 6, 2, 4],
        )[0]
        age_band = (
            rng.choice(["13_15", "16_18", "11_12", "19_25", ""])
            if respondent_type == RespondentType.YOUNG_PERSON
            else (AgeBand.OVER_25 if respondent_type else "")
        )
        answers = [a for a in (_demo_answer(rng, q) for q in questions) if not a.is_empty]
        outcome = submit_response(
            consultation,
            answers,
            submission_key=uuid.uuid5(DEMO_NAMESPACE, str(i)),
            about_you={
                "respondent_type": respondent_type,
                "age_band": age_band,
                "confidential": rng.random() < 0.15,
            },
            at=start + timedelta(hours=6 + i * 11),
        )
        created += outcome.created
    return created


def _demo_answer(rng, question):
    if rng.random() < 0.1:
        return AnswerInput(question)  # skipped this one
    if question.kind == FREE:
        return AnswerInput(question, text=rng.choice(WRITTEN.get(question.reference, WRITTEN["8"])))
    if question.kind == MULTIPLE:
        return AnswerInput(question, choices=rng.sample(question.option_list, rng.randint(1, 3)))
    choice = rng.choice(question.option_list)
    why = (
        rng.choice(WRITTEN[question.reference])
        if question.kind == YES_NO and choice == Question.NO and rng.random() < 0.7
        else ""
    )
    return AnswerInput(question, choices=[choice], text=why)
