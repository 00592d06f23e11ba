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
# Every editor field some kind uses (options, the follow-up, min and max…): a question's editor
# shows only its own kind's, and a question keeps no leftovers of another kind's.
SETTINGS_FIELDS = tuple(dict.fromkeys(name for kind in KINDS.values() for name in kind.settings))


def settings_by_kind() -> dict[str, list[str]]:
    """{kind code: the editor fields it uses}, for the editor's script."""
    return {code: list(kind.settings) for code, kind in KINDS.items()}


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
    "SETTINGS_FIELDS",
    "settings_by_kind",
    "kind_of",
    "readable",
]
