"""The UN Convention on the Rights of the Child: article numbers and short titles.

Plan paragraphs and questions are tagged with article numbers; these titles let a page say what
each number means in plain words.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

ARTICLES = {
    1: "Who counts as a child",
    2: "No discrimination",
    3: "The child's best interests come first",
    4: "Governments make these rights real",
    5: "Guidance from families as children grow",
    6: "Life, survival and development",
    7: "A name, a nationality and care",
    8: "Keeping your identity",
    9: "Not being separated from parents without good reason",
    10: "Families living in different countries",
    11: "Protection from being taken abroad unlawfully",
    12: "Being listened to and taken seriously",
    13: "Freedom of expression",
    14: "Freedom of thought, belief and religion",
    15: "Meeting others and joining groups",
    16: "Privacy",
    17: "Reliable information and the media",
    18: "Both parents share responsibility, with support",
    19: "Protection from violence, abuse and neglect",
    20: "Care for children who cannot live with their family",
    21: "Adoption",
    22: "Refugee children",
    23: "Disabled children",
    24: "Health and health services",
    25: "Regular review of care away from home",
    26: "Social security",
    27: "A decent standard of living",
    28: "Education",
    29: "What education is for",
    30: "Minority culture, language and religion",
    31: "Play, rest, leisure and culture",
    32: "Protection from harmful work",
    33: "Protection from drugs",
    34: "Protection from sexual exploitation",
    35: "Protection from abduction, sale and trafficking",
    36: "Protection from other exploitation",
    37: "No cruel treatment; detention only as a last resort",
    38: "Protection in war",
    39: "Recovery after harm",
    40: "Fair treatment in the justice system",
    41: "Higher standards in national law apply",
    42: "Everyone should know these rights",
    43: "The Committee on the Rights of the Child",
    44: "Governments report on progress",
    45: "Working with UN agencies",
    46: "Signing the Convention",
    47: "Ratifying the Convention",
    48: "Joining the Convention",
    49: "When the Convention takes effect",
    50: "Amending the Convention",
    51: "Reservations",
    52: "Leaving the Convention",
    53: "The Convention's depositary",
    54: "The official languages of the Convention",
}


def parse_articles(text: str) -> list[int]:
    """`"12, 31 and 13"` -> `[12, 13, 31]`. Raises ValidationError naming what is not an article."""
    numbers = set()
    for part in re.split(r"[,;\s]+|\band\b", text or ""):
        token = part.strip().lower().removeprefix("article").removeprefix("art.").strip()
        if not token:
            continue
        if not token.isdigit() or int(token) not in ARTICLES:
            raise ValidationError(
                "“%(token)s” is not a UNCRC article: write article numbers from 1 to 54, like 12, 31.",
                code="invalid_article",
                params={"token": part.strip()},
            )
        numbers.add(int(token))
    return sorted(numbers)


def format_articles(numbers) -> str:
    return ", ".join(str(n) for n in sorted(numbers))


def validate_articles(text: str) -> None:
    parse_articles(text)


def articles_field(help_text: str) -> models.CharField:
    """The column that tags an aim or a question with article numbers, e.g. "12, 31"."""
    return models.CharField(
        "UNCRC articles", max_length=200, blank=True, validators=[validate_articles], help_text=help_text
    )
