"""Reads for theme coding: a question's written answers narrowed by the officer's filters, the share
of them coded, and how many carry each theme.

The figures follow who answered (respondent type, age band, channel, area, language, individual or
group, words used) but not the coding filters: "uncoded only" narrows the list to work through,
never the counts. A group's answer is one answer, shown apart from individuals' (never folded in).
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from ..models import Answer, AnswerTheme, SpeaksFor
from ..safeguarding.visibility import with_flags

CODED, UNCODED = "coded", "uncoded"


@dataclass(frozen=True)
class CodedShare:
    coded: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.coded / self.total) if self.total else 0


@dataclass(frozen=True)
class ThemeCount:
    theme: object
    individual: int
    group: int

    @property
    def total(self) -> int:
        return self.individual + self.group


def answers_to_code(identity, filters):
    """The question's written answers, individuals' and groups' agreed ones, that match who
    answered (see the module docstring), most recent first and marked when flagged."""
    answers = with_flags(
        Answer.objects.filter(question=identity, option="", number__isnull=True)
        .of_responses(filters)
        .with_text()
        .select_related("response")
        .order_by("-id")
    )
    if filters.get("contains"):
        answers = answers.filter(text__icontains=filters["contains"])
    return answers


def narrowed(answers, filters):
    """The answers, narrowed further by the coding filters: coded or not, and a theme (a parent
    theme includes the answers coded with any theme inside it)."""
    tagged = AnswerTheme.objects.filter(answer=OuterRef("pk"))
    if filters.get("coded") == CODED:
        answers = answers.filter(Exists(tagged))
    elif filters.get("coded") == UNCODED:
        answers = answers.exclude(Exists(tagged))
    if filters.get("theme"):
        theme = filters["theme"]
        answers = answers.filter(Exists(tagged.filter(Q(theme=theme) | Q(theme__parent=theme))))
    return answers.prefetch_related("themes__theme")


def coded_share(answers) -> CodedShare:
    coded = answers.filter(Exists(AnswerTheme.objects.filter(answer=OuterRef("pk"))))
    return CodedShare(coded=coded.count(), total=answers.count())


def theme_counts(themes, answers) -> list[ThemeCount]:
    """For each theme (in codebook order), the answers coded with it; a parent theme counts the
    answers coded with it or any theme inside it, each answer once."""
    tags = AnswerTheme.objects.filter(answer__in=answers.values("pk"))
    by_group = {
        "individual": Count(
            "answer", distinct=True, filter=Q(answer__response__speaks_for=SpeaksFor.INDIVIDUAL)
        ),
        "group": Count("answer", distinct=True, filter=Q(answer__response__speaks_for=SpeaksFor.GROUP)),
    }
    own = {row["theme"]: row for row in tags.values("theme").annotate(**by_group).order_by()}
    with_children = {
        row["root"]: row
        for row in tags.annotate(root=Coalesce("theme__parent", "theme"))
        .values("root")
        .annotate(**by_group)
        .order_by()
    }
    counts = []
    for theme in themes:
        row = (own if theme.parent_id else with_children).get(theme.pk, {"individual": 0, "group": 0})
        counts.append(ThemeCount(theme, row["individual"], row["group"]))
    return counts


def in_codebook_order(themes):
    """Each top-level theme followed by the themes inside it, alphabetically."""
    themes = list(themes)
    ordered = []
    for parent in (theme for theme in themes if not theme.parent_id):
        ordered.append(parent)
        ordered.extend(theme for theme in themes if theme.parent_id == parent.pk)
    return ordered
