"""What a board paper says, worked out once from a consultation and its `BoardPaper` text; the
HTML, PDF and Word writers only lay it out.

The paper is shared beyond the officers, so every figure goes through `figures.suppression`
(counts under 5 say "fewer than 5") and quotes come only from `Quote.objects.publishable()`:
confidential words can never reach it.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from ..figures.shared import suppress_summary
from ..figures.suppression import Shown, Table, suppress
from ..models import BoardPaper, Channel, Quote, Response
from ..models.feedback import RAG
from ..summary import summarise


@dataclass(frozen=True)
class PaperQuote:
    text: str
    attribution: str
    reference: str


@dataclass(frozen=True)
class PaperRecommendation:
    label: str  # "R1"
    text: str
    owner: str
    due_date: object
    status: str  # in words: "On track (Amber)"


@dataclass(frozen=True)
class Record:
    """Who was asked, how, how many (individuals and groups apart), which groups, and reach."""

    who: str
    channels: list[tuple[str, Shown]]
    individuals: Shown
    groups: Shown
    young_people_in_groups: Shown
    forums: list[str]
    reach_percent: Shown | None  # None when no target population was given

    @property
    def how_many(self) -> str:
        said = _("%(individuals)s individual responses") % {"individuals": self.individuals}
        if self.groups.value == 0:
            return said
        return _("%(said)s; %(groups)s groups speaking for %(people)s young people") % {
            "said": said,
            "groups": self.groups,
            "people": self.young_people_in_groups,
        }


@dataclass
class PaperContent:
    title: str
    meeting: str
    purpose: str
    record: Record
    what_young_people_said: str
    impact: str
    summary: object  # a suppressed ConsultationSummary
    quotes: list[PaperQuote]
    recommendations: list[PaperRecommendation]


def _shown(count: int) -> Shown:
    return suppress(Table(["all"], ["count"], [[count]])).shown(("cell", 0, 0))


def prefilled_paper(consultation) -> BoardPaper:
    """A new board paper whose texts are drafted from the data, for an editor to adjust."""
    summary = summarise(consultation, text_sample_size=0)
    record = consultation_record(consultation, None, summary)
    items = list(consultation.feedback_items.all())
    return BoardPaper(
        consultation=consultation,
        purpose=_(
            "To tell the board what young people said in “%(title)s” and ask it to agree the recommendations."
        )
        % {"title": consultation.title},
        what_young_people_said="\n".join(item.you_said for item in items)
        or _("%(how_many)s were received.") % {"how_many": record.how_many},
        impact="\n".join(item.we_did for item in items),
    )


def board_paper_for(consultation) -> BoardPaper:
    """The consultation's saved board paper, or a new one drafted from its data (not saved)."""
    try:
        return consultation.board_paper
    except BoardPaper.DoesNotExist:
        return prefilled_paper(consultation)


def consultation_record(consultation, paper, summary) -> Record:
    responses = Response.objects.for_consultation(consultation).submitted()
    by_channel = dict(responses.order_by().values_list("channel").annotate(n=Count("*")))
    forums = sorted(
        set(responses.groups().exclude(forum=None).values_list("forum__name", flat=True))
        | set(responses.exclude(forum=None).values_list("forum__name", flat=True))
    )
    reached = summary.total_responses + summary.young_people_in_groups
    reach = None
    if paper is not None and paper.target_population:
        reach = Shown(round(100 * reached / paper.target_population, 1)) if reached >= 5 else Shown(None, "–")
    return Record(
        who=paper.target_description if paper is not None else "",
        channels=[(label, _shown(by_channel[code])) for code, label in Channel.choices if code in by_channel],
        individuals=_shown(summary.total_responses),
        groups=_shown(summary.group_responses),
        young_people_in_groups=_shown(summary.young_people_in_groups),
        forums=forums,
        reach_percent=reach,
    )


def publishable_quotes(consultation) -> list[PaperQuote]:
    quotes = Quote.objects.publishable().filter(answer__response__consultation=consultation)
    return [
        PaperQuote(quote.published_text(), quote.attribution(), quote.answer.question.reference)
        for quote in quotes.select_related("answer__question", "answer__response")
    ]


def paper_content(paper: BoardPaper) -> PaperContent:
    consultation = paper.consultation
    summary = summarise(consultation, text_sample_size=0)
    record = consultation_record(consultation, paper, summary)
    recommendations = [
        PaperRecommendation(
            f"R{recommendation.number}",
            recommendation.text,
            recommendation.owner,
            recommendation.due_date,
            f"{recommendation.get_status_display()} ({RAG[recommendation.status][1]})",
        )
        for recommendation in consultation.recommendations.order_by("number")
    ]
    return PaperContent(
        title=consultation.title,
        meeting=paper.meeting,
        purpose=paper.purpose,
        record=record,
        what_young_people_said=paper.what_young_people_said,
        impact=paper.impact,
        summary=suppress_summary(summary),
        quotes=publishable_quotes(consultation),
        recommendations=recommendations,
    )
