"""StreamField blocks for a plan draft's body: numbered chapters holding numbered paragraphs."""

import re

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .references import normalise_question_ref

PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,4}$")


def _validate_number(value):
    if not PARAGRAPH_NUMBER.match(value or ""):
        raise ValidationError("Write the number like 9, 9.2 or 9.2.1.")


class ParagraphBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=20, validators=[_validate_number], help_text="e.g. 9.2")
    heading = blocks.CharBlock(required=False, max_length=255)
    text = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul", "link"])
    question_ref = blocks.CharBlock(
        required=False,
        max_length=20,
        label="Question reference",
        help_text="The consultation question this paragraph is asked about, e.g. 6.1",
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("question_ref"):
            try:
                value["question_ref"] = normalise_question_ref(value["question_ref"])
            except ValidationError as error:
                raise StructBlockValidationError(block_errors={"question_ref": error}) from None
        return value

    class Meta:
        icon = "pilcrow"
        form_classname = "plan-paragraph"


class ChapterBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=10, validators=[_validate_number], help_text="e.g. 9")
    heading = blocks.CharBlock(max_length=255)
    paragraphs = blocks.ListBlock(ParagraphBlock())

    class Meta:
        icon = "doc-full"
        label_format = "{number} {heading}"
