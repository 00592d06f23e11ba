"""The UN Convention on the Rights of the Child: article numbers and short titles.

Plan paragraphs and questions are tagged with article numbers; these titles let a page say what
each number means in plain words. They are interface text (fixed, not edited), translated in the
catalogue.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

ARTICLES = {
    1: _("Who counts as a child"),
    2: _("No discrimination"),
    3: _("The child's best interests come first"),
    4: _("Governments make these rights real"),
    5: _("Guidance from families as children grow"),
    6: _("Life, survival and development"),
    7: _("A name, a nationality and care"),
    8: _("Keeping your identity"),
    9: _("Not being separated from parents without good reason"),
    10: _("Families living in different countries"),
    11: _("Protection from being taken abroad unlawfully"),
    12: _("Being listened to and taken seriously"),
    13: _("Freedom of expression"),
    14: _("Freedom of thought, belief and religion"),
    15: _("Meeting others and joining groups"),
    16: _("Privacy"),
    17: _("Reliable information and the media"),
    18: _("Both parents share responsibility, with support"),
    19: _("Protection from violence, abuse and neglect"),
    20: _("Care for children who cannot live with their family"),
    21: _("Adoption"),
    22: _("Refugee children"),
    23: _("Disabled children"),
    24: _("Health and health services"),
    25: _("Regular review of care away from home"),
    26: _("Social security"),
    27: _("A decent standard of living"),
    28: _("Education"),
    29: _("What education is for"),
    30: _("Minority culture, language and religion"),
    31: _("Play, rest, leisure and culture"),
    32: _("Protection from harmful work"),
    33: _("Protection from drugs"),
    34: _("Protection from sexual exploitation"),
    35: _("Protection from abduction, sale and trafficking"),
    36: _("Protection from other exploitation"),
    37: _("No cruel treatment; detention only as a last resort"),
    38: _("Protection in war"),
    39: _("Recovery after harm"),
    40: _("Fair treatment in the justice system"),
    41: _("Higher standards in national law apply"),
    42: _("Everyone should know these rights"),
    43: _("The Committee on the Rights of the Child"),
    44: _("Governments report on progress"),
    45: _("Working with UN agencies"),
    46: _("Signing the Convention"),
    47: _("Ratifying the Convention"),
    48: _("Joining the Convention"),
    49: _("When the Convention takes effect"),
    50: _("Amending the Convention"),
    51: _("Reservations"),
    52: _("Leaving the Convention"),
    53: _("The Convention's depositary"),
    54: _("The official languages of the Convention"),
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
                _("“%(token)s” is not a UNCRC article: write article numbers from 1 to 54, like 12, 31."),
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
        _("UNCRC articles"), max_length=200, blank=True, validators=[validate_articles], help_text=help_text
    )
