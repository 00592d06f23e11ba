"""The headlines of a plan draft: its vision and priorities in plain words, for young people and families."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from consultations.references import normalise_question_ref, number_anchor, ref_sort_key
from consultations.translatable import SynchronisedCharBlock

from ..blocks import PARAGRAPH_NUMBER


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", text or "") if part.strip()]


class PriorityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text="Short and plain, e.g. Someone to talk to")
    summary = blocks.TextBlock(help_text="What it means, in words a 10-year-old would use")
    what_will_change = blocks.TextBlock(label="What will be different")
    by_when = blocks.CharBlock(max_length=60, help_text="e.g. By September 2028")
    plan_sections = SynchronisedCharBlock(
        required=False,
        max_length=200,
        help_text="The chapters and paragraphs behind it, by number, e.g. 9, 9.19",
    )
    question_refs = SynchronisedCharBlock(
        required=False, max_length=200, label="Questions", help_text="e.g. 6.1, 6.2"
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        bad_numbers = [n for n in _split(value["plan_sections"]) if not PARAGRAPH_NUMBER.match(n)]
        if bad_numbers:
            errors["plan_sections"] = ValidationError(
                f"“{bad_numbers[0]}” is not a chapter or paragraph number. Write numbers like 9 or 9.2."
            )
        try:
            refs = [normalise_question_ref(ref) for ref in _split(value["question_refs"])]
            value["question_refs"] = ", ".join(sorted(set(refs), key=ref_sort_key))
        except ValidationError as error:
            errors["question_refs"] = error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "pick"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Priority:
    title: str
    summary: str
    what_will_change: str
    by_when: str
    sections: list  # of Link, into the full draft
    questions: list  # of Link, to the consultation's questions


class PlanHeadlinesPage(Page):
    """A child of the full plan draft, which links to it and back."""

    vision = RichTextField(features=["bold", "italic"], help_text="The plan's vision in a sentence or two")
    priorities = StreamField([("priority", PriorityBlock())], blank=True)

    parent_page_types = ["consultations.PlanDraftPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "consultations/plan_headlines_page.html"

    content_panels = [*Page.content_panels, FieldPanel("vision"), FieldPanel("priorities")]
    api_fields = [APIField("vision"), APIField("priorities")]

    def plan(self):
        return self.get_parent().specific

    def priority_list(self, plan) -> list[Priority]:
        """The priorities with their links resolved against the plan draft and its consultation."""
        plan_url = plan.url
        question_urls = plan.question_urls()
        headings = {}
        for chapter in plan.chapters():
            headings[chapter.number] = chapter.heading
            for paragraph in chapter.paragraphs:
                headings[paragraph.number] = paragraph.heading or paragraph.chapter_heading
        priorities = []
        for block in self.priorities:
            value = block.value
            sections = [
                Link(f"{number} {headings[number]}".strip(), f"{plan_url}#{number_anchor(number)}")
                for number in _split(value["plan_sections"])
                if number in headings
            ]
            questions = [
                Link(gettext("Question %(reference)s") % {"reference": ref}, question_urls[ref])
                for ref in _split(value["question_refs"])
                if ref in question_urls
            ]
            priorities.append(
                Priority(
                    value["title"],
                    value["summary"],
                    value["what_will_change"],
                    value["by_when"],
                    sections,
                    questions,
                )
            )
        return priorities

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plan = self.plan()
        if not plan.live and not getattr(request, "is_preview", False):
            raise Http404("The plan these headlines summarise is not published")
        context |= {"plan": plan, "priorities": self.priority_list(plan)}
        return context
