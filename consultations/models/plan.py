"""A plan draft: the partnership's numbered plan, with paragraphs keyed to question references."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import ChapterBlock
from ..references import number_anchor


@dataclass(frozen=True)
class PlanParagraph:
    """One numbered paragraph as a reader sees it, with where it sits in the plan."""

    number: str
    heading: str
    text: str
    question_ref: str
    chapter_number: str
    chapter_heading: str
    question_url: str = ""

    @property
    def anchor(self) -> str:
        return number_anchor(self.number)

    @property
    def depth(self) -> int:
        return self.number.count(".")

    @property
    def excerpt(self) -> str:
        return Truncator(strip_tags(self.text)).words(30)


@dataclass(frozen=True)
class PlanChapter:
    number: str
    heading: str
    paragraphs: list

    @property
    def anchor(self) -> str:
        return number_anchor(self.number)


class PlanDraftPage(Page):
    """The plan as published for consultation; `body` holds its chapters and paragraphs."""

    class Stage(models.TextChoices):
        DRAFTING = "drafting", "Drafting"
        CONSULTATION = "consultation", "Out for consultation"
        FINAL = "final", "Final"

    plan_period = models.CharField(max_length=50, help_text="For example 2027–2030")
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.DRAFTING)
    introduction = RichTextField(blank=True, features=["bold", "italic", "ul", "ol", "link"])
    body = StreamField([("chapter", ChapterBlock())], blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "consultations/plan_draft_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("plan_period"),
        FieldPanel("stage"),
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
        APIField("introduction"),
        APIField("body"),
    ]

    def chapters(self, question_urls=None) -> list[PlanChapter]:
        """The body as chapters of paragraphs; keyed paragraphs get their question's URL."""
        question_urls = question_urls or {}
        chapters = []
        for block in self.body:
            if block.block_type != "chapter":
                continue
            chapter = block.value
            paragraphs = [
                PlanParagraph(
                    number=paragraph["number"],
                    heading=paragraph["heading"],
                    text=str(paragraph["text"]),
                    question_ref=paragraph["question_ref"],
                    chapter_number=chapter["number"],
                    chapter_heading=chapter["heading"],
                    question_url=question_urls.get(paragraph["question_ref"], ""),
                )
                for paragraph in chapter["paragraphs"]
            ]
            chapters.append(PlanChapter(chapter["number"], chapter["heading"], paragraphs))
        return chapters

    def paragraphs_by_ref(self) -> dict[str, list[PlanParagraph]]:
        """Every keyed paragraph, grouped by the question reference it carries."""
        grouped = defaultdict(list)
        for chapter in self.chapters():
            for paragraph in chapter.paragraphs:
                if paragraph.question_ref:
                    grouped[paragraph.question_ref].append(paragraph)
        return dict(grouped)

    def current_consultation(self):
        """The live consultation that asks about this draft: the open one, else the latest."""
        from .consultation import ConsultationPage

        consultations = ConsultationPage.objects.live().filter(plan_draft=self)
        return next(
            (c for c in consultations.order_by("-opens_at") if c.is_open()),
            consultations.order_by("-closes_at").first(),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        consultation = self.current_consultation()
        context["consultation"] = consultation
        context["chapters"] = self.chapters(consultation.question_urls() if consultation else None)
        return context

    @property
    def reference_check(self):
        consultation = self.current_consultation()
        return consultation.reference_check() if consultation else None
