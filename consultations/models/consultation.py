"""A consultation and its questionnaire of questions keyed to question references."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from ..references import normalise_question_ref, ref_anchor, ref_sort_key
from ..uncrc import articles_field, format_articles, parse_articles

OPTION_MAX_CHARS = 255  # an answer stores the option chosen in a 255-character column
RICH_TEXT_FEATURES = ["bold", "italic", "h2", "h3", "ul", "ol", "link", "document-link"]


@dataclass(frozen=True)
class ReferenceCheck:
    """Where a consultation and its plan draft disagree about question references."""

    plan_refs_without_question: list[str]
    questions_without_paragraph: list[str]

    @property
    def all_match(self) -> bool:
        return not (self.plan_refs_without_question or self.questions_without_paragraph)


class ConsultationPageForm(WagtailAdminPageForm):
    """Admin form rules that span several questions, which a single field cannot check."""

    def clean(self):
        cleaned_data = super().clean()
        opens_at, closes_at = cleaned_data.get("opens_at"), cleaned_data.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", "The closing time must be after the opening time.")

        questions = self.formsets.get("questions")
        if questions is None or not questions.is_valid():
            return cleaned_data
        seen = set()
        for form in questions.forms:
            if form in questions.deleted_forms:
                if form.instance.pk and form.instance.answers.exists():
                    self.add_error(
                        None,
                        f"Question {form.instance.reference} already has answers, so it cannot be "
                        "removed: young people's answers are always kept.",
                    )
                continue
            if not form.has_changed() and not form.instance.pk:
                continue
            ref = form.instance.reference  # normalised by Question.clean
            if ref in seen:
                form.add_error("reference", f"Question {ref} appears twice; each reference must be unique.")
            seen.add(ref)
        return cleaned_data


class ConsultationPage(RoutablePageMixin, Page):
    """A consultation open for responses between two times, with its questionnaire."""

    overview = RichTextField(features=RICH_TEXT_FEATURES)
    how_to_respond = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    audience = models.CharField(
        max_length=255, blank=True, help_text="Who the consultation is for, e.g. young people aged 11–25"
    )
    contact_details = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    data_protection = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Who reads the responses, what is published and how names are kept out of it.",
    )
    plan_draft = models.ForeignKey(
        "consultations.PlanDraftPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The plan draft this consultation asks about.",
    )

    base_form_class = ConsultationPageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "consultations/consultation_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("overview"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("audience")],
            heading="When and who",
        ),
        FieldPanel("how_to_respond"),
        FieldPanel("plan_draft"),
        InlinePanel("related_documents", label="Related document"),
        FieldPanel("contact_details"),
        FieldPanel("data_protection"),
        InlinePanel("questions", label="Question", heading="Questionnaire"),
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

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at

    @property
    def status(self) -> str:
        now = timezone.now()
        if now < self.opens_at:
            return "not_yet_open"
        return "open" if now < self.closes_at else "closed"

    def accepts_request(self, request) -> bool:
        """Whether every view restriction (password, login, groups) on the page lets this request in."""
        return all(restriction.accept_request(request) for restriction in self.get_view_restrictions())

    @property
    def submit_url(self) -> str:
        """Where the response form posts; a preview of an unsaved page has nowhere to post."""
        return reverse("consultation_submit", args=[self.pk]) if self.pk else "#"

    def question_urls(self) -> dict[str, str]:
        url = self.url
        return {q.reference: f"{url}#{ref_anchor(q.reference)}" for q in self.questions.all()}

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
        return self.plan_draft.paragraphs_by_ref() if self.plan_draft_id else {}

    # The response form and its confirmation live in consultations.views; these routes only
    # hand over so the page stays a plain model.
    @path("")
    def respond(self, request):
        from ..views import respond

        return respond(request, self)

    @path("thanks/<str:reference>/")
    def thanks(self, request, reference):
        from ..views import thanks

        return thanks(request, self, reference)


class ConsultationDocument(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(
        max_length=255, blank=True, help_text="e.g. Easy read version. Defaults to the document title."
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    @property
    def title(self) -> str:
        return self.label or self.document.title


class Question(ClusterableModel, Orderable):
    """One question of a consultation's questionnaire, found by its reference (`6.1`)."""

    class Kind(models.TextChoices):
        YES_NO = "yes_no", "Yes or no, with an optional “if not, why?”"
        SINGLE_CHOICE = "single_choice", "Choose one"
        MULTIPLE_CHOICE = "multiple_choice", "Choose any"
        FREE_TEXT = "free_text", "Free text"

    CHOICE_KINDS = (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE)
    YES, NO = "Yes", "No"

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="questions")
    reference = models.CharField(max_length=20, help_text="e.g. 6.1 (Q 6.1 is the same)")
    prompt = models.CharField(max_length=500)
    help_text = models.TextField(blank=True)
    required = models.BooleanField(default=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FREE_TEXT)
    options = models.TextField(blank=True, help_text="For choice questions: one option per line.")
    follow_up_prompt = models.CharField(
        max_length=255,
        blank=True,
        default="If not, why not?",
        help_text="For yes/no questions: the optional follow-up asked under the answer.",
    )
    needs_review = models.BooleanField(
        default=False,
        help_text="Drafted from the plan draft's markers: check the prompt and type, then untick.",
    )
    aims = ParentalManyToManyField("consultations.PlanAim", blank=True, related_name="questions")
    uncrc_articles = articles_field(help_text="Article numbers, e.g. 12, 31")

    panels = [
        FieldRowPanel([FieldPanel("reference"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("prompt"),
        FieldPanel("help_text"),
        FieldPanel("options"),
        FieldPanel("follow_up_prompt"),
        FieldRowPanel(
            [FieldPanel("aims", widget=forms.CheckboxSelectMultiple), FieldPanel("uncrc_articles")]
        ),
        FieldPanel("needs_review"),
    ]
    api_fields = [
        APIField("reference"),
        APIField("prompt"),
        APIField("help_text"),
        APIField("required"),
        APIField("kind"),
        APIField("option_list"),
    ]

    class Meta(Orderable.Meta):
        indexes = [models.Index(fields=["page", "reference"])]

    def __str__(self):
        return f"Q{self.reference} {self.prompt}"

    def clean(self):
        super().clean()
        try:
            self.reference = normalise_question_ref(self.reference)
        except ValidationError as error:
            raise ValidationError({"reference": error}) from None
        try:
            self.uncrc_articles = format_articles(parse_articles(self.uncrc_articles))
        except ValidationError as error:
            raise ValidationError({"uncrc_articles": error}) from None
        if self.kind in self.CHOICE_KINDS and len(self.option_list) < 2:
            raise ValidationError({"options": "A choice question needs at least two options, one per line."})
        too_long = [option for option in self.option_list if len(option) > OPTION_MAX_CHARS]
        if too_long:
            raise ValidationError(
                {
                    "options": f"Each option must be at most {OPTION_MAX_CHARS} characters: "
                    f"“{too_long[0][:40]}…” is longer."
                }
            )

    @property
    def option_list(self) -> list[str]:
        if self.kind == self.Kind.YES_NO:
            return [self.YES, self.NO]
        return list(dict.fromkeys(line.strip() for line in self.options.splitlines() if line.strip()))

    @property
    def anchor(self) -> str:
        return ref_anchor(self.reference)
