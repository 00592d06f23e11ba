"""A consultation: what it asks about, when it is open, who it asks and its questionnaire."""

import calendar
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField

from youth_voice.feedback.promise import FeedbackPromise

from ..about_you import (
    AboutYouField,
    ChoiceListField,
    RespondentType,
    default_about_you,
    default_respondent_types,
)
from ..choosers import DocumentChooser, PlanDraftChooser
from ..handover import hand_over
from ..panels import QuestionsPanel
from ..questionnaire import AnsweredQuestions, Questionnaire, release_changing_references, sync_identities
from ..references import normalise_question_ref, ref_anchor, ref_sort_key
from ..translatable import language_of
from .admin_form import ConsultationPageForm

RICH_TEXT_FEATURES = ["bold", "italic", "h2", "h3", "ul", "ol", "link", "document-link"]


@dataclass(frozen=True)
class ReferenceCheck:
    """Where a consultation and its plan draft disagree about question references."""

    plan_refs_without_question: list[str]
    questions_without_paragraph: list[str]

    @property
    def all_match(self) -> bool:
        return not (self.plan_refs_without_question or self.questions_without_paragraph)


# Values read once per published revision of a consultation, kept in this process: they are
# read on every request, and unpickling them from a shared cache would cost more than reading them.
PER_REVISION = {}


def plan_paragraphs_cache_key(plan_id) -> str:
    return f"plan-paragraphs:{plan_id}"


VIEW_CHECKS_KEY = "consultations:paths-needing-view-checks"


def paths_needing_view_checks() -> frozenset:
    """Tree paths of pages with view restrictions, and of aliases (whose source's restrictions
    apply); forgotten whenever a restriction, an alias or the tree changes."""

    def read():
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return frozenset([*restricted, *aliases])

    return cache.get_or_set(VIEW_CHECKS_KEY, read, timeout=3600)


GENERATION_KEY = "consultations:published-generation"


def published_generation() -> str:
    """Changes whenever any page is saved, published, unpublished, moved or deleted: what a page
    shows of others (its plan draft's paragraphs, its versions in other languages) may have changed."""
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def forget_page_state(sender, **kwargs):
    """The tree, a page or a view restriction changed: forget what was worked out from them."""
    cache.delete_many([VIEW_CHECKS_KEY, GENERATION_KEY])


def forget_plan_paragraphs(sender, instance, **kwargs):
    """A plan published anew (or unpublished): the questionnaire reads its paragraphs again."""
    cache.delete(plan_paragraphs_cache_key(instance.pk))


def storable_questions(questions) -> list:
    """The questions that can be stored as rows: a draft saved before it was published (Wagtail
    stores unpublished pages' drafts as rows too) may hold a question still being written, with no
    reference yet or the reference of another. Those stay in the draft's revision only."""
    stored, seen = [], set()
    for question in questions:
        if question.is_complete():
            reference = normalise_question_ref(question.reference)
            if reference not in seen:
                seen.add(reference)
                stored.append(question)
    return stored


class ConsultationPage(RoutablePageMixin, FeedbackPromise, Page):
    """A consultation open for responses from its opening time until it closes (or until further notice)."""

    overview = RichTextField(features=RICH_TEXT_FEATURES)
    how_to_respond = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to keep it open until further notice."
    )
    feedback_due = models.DateField(
        "feedback promised by",
        null=True,
        blank=True,
        help_text="The date by which you have promised to tell people what was done with their views.",
    )
    audience = models.CharField(
        max_length=255, blank=True, help_text="Who the consultation is for, e.g. young people aged 11–25"
    )
    contact_details = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    data_protection = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown on the form before people send their answers: who reads the responses, what is "
        "published, how names are kept out of it and how long responses are kept.",
    )
    plan_draft = models.ForeignKey(
        "consultations.PlanDraftPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The plan draft this consultation asks about.",
    )
    about_you_asked = ChoiceListField(
        "about you: ask",
        choices_from=AboutYouField,
        default=default_about_you,
        blank=True,
        help_text="The optional questions about the person answering.",
    )
    about_you_required = ChoiceListField(
        "about you: required",
        choices_from=AboutYouField,
        default=list,
        blank=True,
        help_text="Required only if also asked. Name, organisation and contact details are only ever "
        "required of adults (parents, carers, professionals, organisations), never of young people.",
    )
    respondent_types = ChoiceListField(
        choices_from=RespondentType,
        default=default_respondent_types,
        blank=True,
        help_text="Who may say they are answering.",
    )
    areas = models.TextField(
        blank=True,
        help_text="If you ask for the area: the areas to choose from, one per line. Empty for free text.",
    )
    # Retention (docs/security.md, "Retention and erasure"): see responses_expire_at().
    feedback_published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the feedback to the people who answered was published. Responses are kept "
        "for the retention period after it.",
    )
    retention_months = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="How many months responses are kept after the feedback is published. Then contact "
        "details are removed and what people wrote is replaced with “[removed]”; the figures stay.",
    )

    # The same in every language: the areas people choose from are stored as answers, and every
    # version names the same plan draft (shown in the reader's language: localized_plan_draft).
    override_translatable_fields = [
        SynchronizedField("areas"),
        SynchronizedField("plan_draft"),
        SynchronizedField("feedback_published_at"),
        SynchronizedField("retention_months"),
    ]

    base_form_class = ConsultationPageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "youth_voice/consultation_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("overview"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("feedback_due")]),
                FieldPanel("audience"),
            ],
            heading="When and who",
        ),
        FieldPanel("how_to_respond"),
        FieldPanel("plan_draft", widget=PlanDraftChooser),
        InlinePanel("related_documents", label="Related document"),
        FieldPanel("contact_details"),
        FieldPanel("data_protection"),
        HelpPanel(
            template="consultations/admin/answered_questionnaire_panel.html", heading="Before you edit"
        ),
        QuestionsPanel("questions", label=_("Question"), heading=_("Questionnaire")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("about_you_asked"), FieldPanel("about_you_required")]),
                FieldPanel("respondent_types"),
                FieldPanel("areas"),
            ],
            heading="About the people answering",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("feedback_published_at"), FieldPanel("retention_months")])],
            heading="How long responses are kept",
        ),
        *FeedbackPromise.feedback_panels,
        HelpPanel(template="consultations/admin/reference_check_panel.html", heading="Question references"),
    ]

    api_fields = [
        APIField("overview"),
        APIField("how_to_respond"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("audience"),
        APIField("contact_details"),
        APIField("data_protection"),
        APIField("plan_draft"),
        APIField("questions"),
    ]

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing time must be after the opening time."})
        if self.feedback_due and self.closes_at and self.feedback_due < timezone.localdate(self.closes_at):
            raise ValidationError(
                {
                    "feedback_due": translation.gettext(
                        "The feedback date must be on or after the closing date."
                    )
                }
            )

    def save(self, *args, **kwargs):
        """Save the questions, then keep their identities in step (publishing by any route)."""
        if kwargs.get("update_fields") is not None:  # e.g. save_revision: the questions are untouched
            return super().save(*args, **kwargs)
        questions = list(self.questions.all())
        stored = storable_questions(questions)
        if len(stored) != len(questions):
            self.questions = stored
        try:
            with transaction.atomic():
                if self.pk:
                    release_changing_references(self)
                result = super().save(*args, **kwargs)
                sync_identities(self)
        finally:
            if len(stored) != len(questions):
                self.questions = questions  # the draft's revision keeps what is still being written
        return result

    @cached_property
    def localized_plan_draft(self):
        """The plan draft in this page's language when it has been translated, else the one named.
        Every language version names the same plan draft (the field is synchronised), so
        questions and paragraphs line up by construction."""
        plan = self.plan_draft
        if plan is None or plan.locale_id == self.locale_id:
            return plan
        return plan.get_translation_or_none(self.locale_id) or plan

    @cached_property
    def public_plan_draft(self):
        """The plan draft young people may read beside the questions, or None: in their language
        when that version is live, else the one named when it is live. A plan that is not live
        answers 404 and its words are still a draft, so until it is published the questionnaire
        neither links to it nor quotes it; the links appear when it is published."""
        for plan in (self.localized_plan_draft, self.plan_draft):
            if plan is not None and plan.live:
                return plan
        return None

    def read_once_per_revision(self, name, read):
        """`read()` once per published revision in each process: every screen and every submission
        needs the questionnaire, which changes only when the page is published again (and then has
        a new revision id, so nothing stale is ever read)."""
        if not self.live_revision_id:
            return read()
        key = (self.pk, self.live_revision_id, name)
        if key not in PER_REVISION:
            if len(PER_REVISION) > 1000:  # old revisions: forget them all rather than grow
                PER_REVISION.clear()
            PER_REVISION[key] = read()
        return PER_REVISION[key]

    @classmethod
    def at_revision(cls, pk, live_revision_id, url_path):
        """The live page at this revision and address, read once per process."""
        key = (pk, live_revision_id, url_path, published_generation())  # its plan or translations may change
        if key not in PER_REVISION:
            PER_REVISION[key] = cls.objects.get(pk=pk)
        return PER_REVISION[key]

    def published_questions(self) -> list:
        return self.read_once_per_revision("questions", lambda: list(self.questions.all()))

    @property
    def answers_page_id(self) -> int | None:
        """The id of the page whose question identities and responses every language version of
        this consultation shares: the first version made (the lowest id among its translations).

        A Welsh version is a translation of the English page (or the other way round): answers
        to either are stored against the same identities, so they are counted together by
        construction. The first version never changes (pages with responses cannot be deleted).
        """
        if not self.pk:  # not saved yet (nothing is remembered, so saving finds it afterwards)
            return None
        if "_answers_page_id" not in self.__dict__:
            self.__dict__["_answers_page_id"] = self.read_once_per_revision(
                "answers-page",
                lambda: (
                    Page.objects.filter(translation_key=self.translation_key)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                    .first()
                    or self.pk
                ),
            )
        return self.__dict__["_answers_page_id"]

    @cached_property
    def answers_page(self) -> "ConsultationPage":
        if self.answers_page_id in (None, self.pk):
            return self
        return ConsultationPage.objects.get(pk=self.answers_page_id)

    def identity_ids(self) -> dict[str, int]:
        """Question reference → the id of the identity its answers are stored against (the same in
        every language version)."""
        from .questions import QuestionIdentity

        return self.read_once_per_revision(
            "identities",
            lambda: dict(
                QuestionIdentity.objects.filter(
                    consultation_id=self.answers_page_id, retired=False
                ).values_list("reference", "pk")
            ),
        )

    def responses_expire_at(self) -> datetime | None:
        """When this consultation's responses lose their contact details and free text.

        `retention_months` after the feedback was published; if it never was, after the
        consultation closed plus `CHORUS_RETENTION_GRACE_MONTHS` (the time feedback may take)
        as well. Open until further notice: not yet known (None)."""
        if self.feedback_published_at:
            return add_months(self.feedback_published_at, self.retention_months)
        if self.closes_at:
            return add_months(self.closes_at, self.retention_months + settings.CHORUS_RETENTION_GRACE_MONTHS)
        return None

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at and (self.closes_at is None or at < self.closes_at)

    @property
    def status(self) -> str:
        now = timezone.now()
        if now < self.opens_at:
            return "not_yet_open"
        return "open" if self.is_open(now) else "closed"

    def accepts_request(self, request) -> bool:
        """Whether every view restriction (password, login, groups) on the page lets this request in.

        Most consultations have none above them, which a cached list of the pages that need
        Wagtail's full check (restricted ones and aliases) tells without a query."""
        ancestors = {self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)}
        if ancestors.isdisjoint(paths_needing_view_checks()):
            return True
        return all(restriction.accept_request(request) for restriction in self.get_view_restrictions())

    @property
    def submit_url(self) -> str:
        """The one address the questionnaire posts to, under the page's own language prefix (the
        language a response records); an unsaved page (a preview) has none."""
        if not self.pk:
            return "#"
        with translation.override(language_of(self)):
            return reverse("youth_voice:submit", args=[self.pk])

    @property
    def code_url(self) -> str:
        if not self.pk:
            return "#"
        with translation.override(language_of(self)):
            return reverse("youth_voice:code", args=[self.pk])

    def area_choices(self) -> list[str]:
        return list(dict.fromkeys(line.strip() for line in self.areas.splitlines() if line.strip()))

    def answered_summary(self) -> dict | None:
        """How many responses and answers there are, for editors about to change the questionnaire."""
        if not self.pk:
            return None
        answered = AnsweredQuestions.for_page(self)
        responses = self.answers_page.responses.filter(status="submitted").count()
        if not responses:
            return None
        by_question = sorted(
            (
                (identity.reference, answered.respondents[key])
                for key, identity in answered.identities.items()
            ),
            key=lambda item: ref_sort_key(item[0]),
        )
        return {"responses": responses, "by_question": by_question}

    def question_urls(self) -> dict[str, str]:
        """Where each question is asked: its section's screen, at the question itself."""
        url, questionnaire = self.url, Questionnaire(self)
        urls = {}
        for section in questionnaire.sections:
            screen = f"?step={section.number}" if questionnaire.stepped else ""
            for question in section.questions:
                urls[question.reference] = f"{url}{screen}#{ref_anchor(question.reference)}"
        return urls

    def reference_check(self) -> ReferenceCheck | None:
        """None when there is no plan draft to compare with."""
        if not self.plan_draft_id:
            return None
        plan_refs = set(self.plan_draft.paragraphs_by_ref())
        question_refs = {q.reference for q in self.questions.all()}
        return ReferenceCheck(
            plan_refs_without_question=sorted(plan_refs - question_refs, key=ref_sort_key),
            questions_without_paragraph=sorted(question_refs - plan_refs, key=ref_sort_key),
        )

    @property
    def plan_paragraphs_by_ref(self):
        """The plan's keyed paragraphs, read once per published version of the plan: every screen
        of the questionnaire shows them, and reading a long plan's body is costly."""
        plan = self.public_plan_draft
        if plan is None:
            return {}
        return cache.get_or_set(plan_paragraphs_cache_key(plan.pk), plan.paragraphs_by_ref, timeout=24 * 3600)

    # The views are youth_voice's; the page itself stays a plain model.
    @path("")
    def questionnaire(self, request):
        return hand_over("youth_voice.views.respond", request, self)

    @path("results/")
    def results(self, request):
        """The published results (404 until an officer publishes them after it closes)."""
        return hand_over("youth_voice.feedback.views.published_results", request, self)


class ConsultationDocument(Orderable):
    """A related document: an uploaded file, or a link to one published elsewhere."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.URLField(
        "or a link", blank=True, help_text="e.g. the easy read version on the council's site"
    )
    label = models.CharField(
        max_length=255, blank=True, help_text="e.g. Easy read version. Defaults to the document title."
    )

    panels = [
        FieldRowPanel([FieldPanel("document", widget=DocumentChooser), FieldPanel("link_url")]),
        FieldPanel("label"),
    ]

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.link_url):
            raise ValidationError("Choose a document or give a link (one of the two).")
        if self.link_url and not self.label:
            raise ValidationError({"label": "Say what the link is, e.g. Easy read version."})

    @property
    def title(self) -> str:
        return self.label or (self.document.title if self.document_id else self.link_url)

    @property
    def url(self) -> str:
        return self.document.url if self.document_id else self.link_url

    @property
    def file_extension(self) -> str:
        return self.document.file_extension.upper() if self.document_id else ""


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later (the month's last day when it is shorter)."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))
