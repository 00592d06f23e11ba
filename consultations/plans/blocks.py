"""StreamField blocks for a plan draft's body: chapters holding paragraphs, numbered or not."""

import re

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from consultations.references import normalise_question_ref
from consultations.translatable import SynchronisedCharBlock
from consultations.uncrc import format_articles, parse_articles

from .models.aims import aim_choices

PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,4}$")


def _validate_number(value):
    # Plans with only headings import as unnumbered sections, so a number may be left out.
    if value and not PARAGRAPH_NUMBER.match(value):
        raise ValidationError("Write the number like 9, 9.2 or 9.2.1, or leave it empty.")


class PlanTableBlock(blocks.StructBlock):
    """A table from the plan draft, kept as a table: rows of cells, the first row optionally its
    header. A table of terms and what they mean shows as a definition list."""

    kind = blocks.ChoiceBlock(
        choices=[("table", "Table"), ("definitions", "Terms and what they mean")],
        default="table",
        required=False,
    )
    header = blocks.BooleanBlock(required=False, label="The first row is the header")
    rows = blocks.ListBlock(blocks.ListBlock(blocks.TextBlock(required=False), label="Row"), default=[])

    class Meta:
        icon = "table"
        template = "consultations/_plan_table.html"


class ParagraphBlock(blocks.StructBlock):
    number = SynchronisedCharBlock(
        required=False, max_length=20, validators=[_validate_number], help_text="e.g. 9.2"
    )
    heading = blocks.CharBlock(required=False, max_length=255)
    text = blocks.RichTextBlock(required=False, features=["bold", "italic", "ol", "ul", "link"])
    question_ref = SynchronisedCharBlock(
        required=False,
        max_length=20,
        label="Question reference",
        help_text="The consultation question this paragraph is asked about, e.g. 6.1",
    )
    aims = blocks.MultipleChoiceBlock(
        choices=aim_choices, required=False, widget=forms.CheckboxSelectMultiple, label="Plan aims"
    )
    uncrc_articles = SynchronisedCharBlock(
        required=False, max_length=200, label="UNCRC articles", help_text="Article numbers, e.g. 12, 31"
    )
    table = PlanTableBlock(required=False, help_text="A table after the text, if the paragraph has one")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("question_ref"):
            try:
                value["question_ref"] = normalise_question_ref(value["question_ref"])
            except ValidationError as error:
                errors["question_ref"] = error
        try:
            value["uncrc_articles"] = format_articles(parse_articles(value.get("uncrc_articles")))
        except ValidationError as error:
            errors["uncrc_articles"] = error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "pilcrow"
        form_classname = "plan-paragraph"


class ChapterBlock(blocks.StructBlock):
    number = SynchronisedCharBlock(
        required=False, max_length=10, validators=[_validate_number], help_text="e.g. 9"
    )
    heading = blocks.CharBlock(max_length=255)
    paragraphs = blocks.ListBlock(ParagraphBlock())

    class Meta:
        icon = "doc-full"
        label_format = "{number} {heading}"
