"""Question references: the `6.1` in a plan's `Ref – Q 6.1` marker and in the questionnaire.

Real documents write the same reference many ways (`Q 6.1`, `Q6.1`, `q6.1`, `Question 6.1`,
`6.1`); everything is stored and compared in one normal form so the plan and the questionnaire
always agree.
"""

import re

from django.core.exceptions import ValidationError

_PREFIX = re.compile(r"^\s*(?:ref\s*[-–—]?\s*)?(?:q(?:uestion)?\.?\s*)?", re.IGNORECASE)
_SUFFIX = re.compile(r"consultation\s+questionnaire\s*$", re.IGNORECASE)
_NORMAL_FORM = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?$")


def normalise_question_ref(raw: str) -> str:
    """Return the normal form of a question reference (`Q 6.1` -> `6.1`).

    Raises ValidationError when what is left is not a reference.
    """
    text = _SUFFIX.sub("", _PREFIX.sub("", raw or "")).strip().rstrip(".").lower()
    text = re.sub(r"\s+", "", text)
    if not _NORMAL_FORM.match(text):
        raise ValidationError(
            "“%(raw)s” is not a question reference. Write it like 6.1 or Q 6.1.",
            code="invalid_question_ref",
            params={"raw": raw},
        )
    return text


def ref_anchor(ref: str) -> str:
    """The fragment id of a question on its consultation page: `6.1` -> `question-6-1`."""
    return "question-" + ref.replace(".", "-")


def number_anchor(number: str) -> str:
    """The fragment id of a numbered plan paragraph: `9.2` -> `para-9-2`."""
    return "para-" + number.replace(".", "-")


def ref_sort_key(ref: str) -> tuple:
    """Sort `2` before `10` and `6.2` before `6.10`."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"\d+|[a-z]", ref))
