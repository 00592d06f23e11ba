"""A plan draft: the partnership's numbered plan, with paragraphs keyed to question references."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from consultations.handover import hand_over
from consultations.references import number_anchor
from consultations.uncrc import parse_articles

from ..blocks import ChapterBlock
from ..text import plain_text
from .aims import PlanAim


@dataclass(frozen=True)
class PlanParagraph:
    """One paragraph as a reader sees it, with where it sits in the plan."""

    number: str
    heading: str
    text: str
    question_ref: str
    chapter_number: str
    chapter_heading: str
    question_url: str = ""
    aims: tuple = ()
    uncrc_articles: tuple = ()
    anchor: str = ""  # by default from the number; unnumbered paragraphs are given one by place

    def __post_init__(self):
        if not self.anchor and self.number:
            object.__setattr__(self, "anchor", number_anchor(self.number))

    @property
    def depth(self) -> int:
        return self.number.count(".")

    @property
    def label(self) -> str:
        """How a reader would cite it: "9.2", else its heading, else its chapter's heading."""
        return self.number or self.heading or self.chapter_heading

    @property
    def excerpt(self) -> str:
        """Plain words to show beside a question, for the template to escape (see `plain_text`)."""
        return Truncator(plain_text(self.text)).words(30)


@dataclass(frozen=True)
class PlanChapter:
    number: str
    heading: str
    paragraphs: list = field(default_factory=list)
    anchor: str = ""

    def __post_init__(self):
        if not self.anchor and self.number:
            object.__setattr__(self, "anchor", number_anchor(self.number))


def chapters_from_body(body, question_urls=None) -> list[PlanChapter]:
    """A StreamField body (a page's, or an old version's) as chapters of paragraphs."""
    question_urls = question_urls or {}
    unique = _UniqueAnchors()
    blocks = [block.value for block in body if block.block_type == "chapter"]
    texts = iter(_expand_all([str(p["text"].source) for chapter in blocks for p in chapter["paragraphs"]]))
    chapters = []
    for chapter_index, chapter in enumerate(blocks, start=1):
        # Numbers make anchors that survive new versions; unnumbered sections are found by place.
        chapter_anchor = unique(
            number_anchor(chapter["number"]) if chapter["number"] else f"section-{chapter_index}"
        )
        paragraphs = [
            PlanParagraph(
                number=paragraph["number"],
                heading=paragraph["heading"],
                text=next(texts) + _table_html(paragraph.get("table")),
                question_ref=paragraph["question_ref"],
                chapter_number=chapter["number"],
                chapter_heading=chapter["heading"],
                anchor=unique(
                    number_anchor(paragraph["number"])
                    if paragraph["number"]
                    else f"{chapter_anchor}-p{index}"
                ),
                question_url=question_urls.get(paragraph["question_ref"], ""),
                aims=tuple(paragraph.get("aims") or ()),
                uncrc_articles=tuple(parse_articles(paragraph.get("uncrc_articles") or "")),
            )
            for index, paragraph in enumerate(chapter["paragraphs"], start=1)
        ]
        chapters.append(PlanChapter(chapter["number"], chapter["heading"], paragraphs, chapter_anchor))
    return chapters


def _table_html(table) -> str:
    """A paragraph's table, shown after its text (and so also printed, compared and searched)."""
    return str(table.render_as_block()) if table and table.get("rows") else ""


_SEAM = "<!--chorus-paragraph-->"


def _expand_all(sources: list[str]) -> list[str]:
    """Rich text of every paragraph made ready to show, with one lookup for all internal links
    in the plan rather than one per paragraph."""
    if not sources:
        return []
    return expand_db_html(_SEAM.join(sources)).split(_SEAM)


class _UniqueAnchors:
    """A plan may repeat a number (the importer keeps both and warns); ids on a page must not."""

    def __init__(self):
        self.seen = set()

    def __call__(self, anchor: str) -> str:
        # The suffix is not a number, so it can never be another paragraph's own anchor.
        candidate, copy = anchor, 1
        while candidate in self.seen:
            copy += 1
            candidate = f"{anchor}-copy{copy}"
        self.seen.add(candidate)
        return candidate


class PlanDraftPage(RoutablePageMixin, Page):
    """The plan as published for consultation; `body` holds its chapters and paragraphs.

    Besides the page itself it serves a large-print view, PDFs, its published versions with
    what changed between them, and which aims and UNCRC articles each part covers.
    """

    class Stage(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        CONSULTATION = "consultation", _("Out for consultation")
        FINAL = "final", _("Final")

    plan_period = models.CharField(max_length=50, help_text="For example 2027–2030")
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.DRAFTING)
    aims_framework = models.CharField(
        max_length=20,
        choices=PlanAim.Framework.choices,
        blank=True,
        help_text="The statutory aims this plan serves; its paragraphs can be tagged with them.",
    )
    introduction = RichTextField(blank=True, features=["bold", "italic", "ul", "ol", "link"])
    body = StreamField([("chapter", ChapterBlock())], blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.PlanHeadlinesPage"]
    template = "consultations/plan_draft_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("plan_period"),
        FieldPanel("stage"),
        FieldPanel("aims_framework"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        HelpPanel(
            template="consultations/admin/reference_check_panel.html",
            heading="Question references",
        ),
    ]

    api_fields = [
        APIField("plan_period"),
        APIField("stage"),
        APIField("aims_framework"),
        APIField("introduction"),
        APIField("body"),
    ]

    def chapters(self, question_urls=None) -> list[PlanChapter]:
        """The body as chapters of paragraphs; keyed paragraphs get their question's URL."""
        return chapters_from_body(self.body, question_urls)

    def paragraphs(self, question_urls=None):
        for chapter in self.chapters(question_urls):
            yield from chapter.paragraphs

    def paragraphs_by_ref(self) -> dict[str, list[PlanParagraph]]:
        """Every keyed paragraph, grouped by the question reference it carries."""
        grouped = defaultdict(list)
        for paragraph in self.paragraphs():
            if paragraph.question_ref:
                grouped[paragraph.question_ref].append(paragraph)
        return dict(grouped)

    def current_consultation(self):
        """The live consultation that asks about this draft: the open one, else the latest."""
        from consultations.models import ConsultationPage

        if self.pk is None:  # previewing a plan draft that has not been saved yet
            return None
        # Every language version of a consultation names the same plan draft (a synchronised field):
        # the reader's is the one in this plan's language, else any.
        about_this_plan = ConsultationPage.objects.live().filter(
            plan_draft__translation_key=self.translation_key
        )
        consultations = about_this_plan.filter(locale_id=self.locale_id)
        if not consultations.exists():
            consultations = about_this_plan
        return next(
            (c for c in consultations.order_by("-opens_at") if c.is_open()),
            consultations.order_by("-closes_at").first(),
        )

    def question_urls(self) -> dict[str, str]:
        consultation = self.current_consultation()
        return consultation.question_urls() if consultation else {}

    def headlines(self):
        from .headlines import PlanHeadlinesPage

        return PlanHeadlinesPage.objects.child_of(self).live().first() if self.pk else None

    def displayed_stage(self, consultation) -> tuple[str, str]:
        """The stage a reader is shown, as (value, label). A plan whose consultation is open is out
        for consultation, whatever stage an editor last set: the badge and the "have your say"
        banner must never disagree."""
        if consultation is not None and consultation.status == "open" and self.stage == self.Stage.DRAFTING:
            return self.Stage.CONSULTATION.value, self.Stage.CONSULTATION.label
        return self.stage, self.get_stage_display()

    def reader_context(self, request, *args, **kwargs) -> dict:
        """What every view of the plan shows around its text: stage, versions, headlines, consultation."""
        consultation = self.current_consultation()
        return super().get_context(request, *args, **kwargs) | {
            "consultation": consultation,
            "stage": self.displayed_stage(consultation),
            "headlines": self.headlines(),
            "latest_version": self.versions.first() if self.pk else None,
        }

    def get_context(self, request, *args, **kwargs):
        context = self.reader_context(request, *args, **kwargs)
        consultation = context["consultation"]
        context["chapters"] = self.chapters(consultation.question_urls() if consultation else None)
        return context

    @property
    def reference_check(self):
        consultation = self.current_consultation()
        return consultation.reference_check() if consultation else None

    def get_route_paths(self):
        """Every address below the page, so that renaming or moving the plan redirects links to its
        versions, PDFs and large print too (wagtail.contrib.redirects reads this)."""
        paths = ["/", "/large-print/", "/pdf/", "/large-print/pdf/", "/aims/", "/versions/"]
        for number in self.versions.values_list("number", flat=True) if self.pk else ():
            paths += [f"/versions/{number}/", f"/versions/{number}/changes/"]
        return paths

    # The views live in consultations.plans.views; these routes only hand over.
    @path("large-print/")
    def large_print(self, request):
        return hand_over("consultations.plans.views.large_print", request, self)

    @path("pdf/")
    def pdf(self, request):
        return hand_over("consultations.plans.views.pdf", request, self, large_print=False)

    @path("large-print/pdf/")
    def large_print_pdf(self, request):
        return hand_over("consultations.plans.views.pdf", request, self, large_print=True)

    @path("aims/")
    def coverage(self, request):
        return hand_over("consultations.plans.views.coverage", request, self)

    @path("versions/")
    def version_list(self, request):
        return hand_over("consultations.plans.views.version_list", request, self)

    @path("versions/<int:number>/")
    def version(self, request, number):
        return hand_over("consultations.plans.views.version_detail", request, self, number)

    @path("versions/<int:number>/changes/")
    def version_changes(self, request, number):
        return hand_over("consultations.plans.views.version_changes", request, self, number)


class PlanVersion(models.Model):
    """A published version of a plan draft, kept whole so it stays readable at its own URL.

    The content is a copy of the published revision's, so purging old revisions never loses
    a version people were sent a link to.
    """

    page = models.ForeignKey(PlanDraftPage, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.JSONField(encoder=DjangoJSONEncoder, help_text="The page as it was published")

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="one_plan_version_per_number")]

    def __str__(self):
        published = date_format(timezone.localtime(self.published_at), "j F Y")
        return gettext("Version %(number)s, published %(date)s") % {"number": self.number, "date": published}

    def as_page(self) -> PlanDraftPage:
        """The plan as it read in this version (not saved; for display and comparison)."""
        return self.page.with_content_json(self.content)
