"""The registry of question kinds. Each kind is one class; adding one touches its module and this list."""

from .base import (
    ANSWER_MAX_CHARS,
    AnswerRow,
    ChoiceFigure,
    Figures,
    Option,
    QuestionKind,
    RankFigure,
    readable,
)
from .choice import ChooseAny, ChooseOne, YesNo
from .numeric import AgreeScale, Faces, Number, Rating
from .ranking import Ranking
from .text import FreeText

KINDS: dict[str, QuestionKind] = {
    kind.code: kind
    for kind in (
        YesNo(),
        ChooseOne(),
        ChooseAny(),
        FreeText(),
        Number(),
        Rating(),
        AgreeScale(),
        Faces(),
        Ranking(),
    )
}
KIND_CHOICES = [(code, kind.label) for code, kind in KINDS.items()]


def kind_of(code: str) -> QuestionKind:
    return KINDS[code]


__all__ = [
    "ANSWER_MAX_CHARS",
    "KINDS",
    "KIND_CHOICES",
    "AnswerRow",
    "ChoiceFigure",
    "Figures",
    "Option",
    "QuestionKind",
    "RankFigure",
    "kind_of",
    "readable",
]
