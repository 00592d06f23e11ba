"""Published results: what the public may read of a closed consultation once an officer publishes
them. A summary of responses per question, small counts hidden (`figures.suppression`);
individuals' answers and groups' tallies side by side, never added up; quotes only from
`Quote.objects.publishable()`; and the responses of those who agreed to publication, with
anything that may identify someone removed.

Everything is read against the consultation's first language version (where responses are kept)
and worded in the reader's version: its questions' prompts and options, in Welsh or English.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from consultations.kinds.base import Option
from consultations.models.consultation import forget_page_state

from ..analysis.redaction import redacted
from ..figures.charts import grouped_bar_chart
from ..figures.crosstab import GROUPS, INDIVIDUALS
from ..figures.shared import shared_figures, shown_alone
from ..figures.suppression import Table, suppress
from ..models import FlaggedAnswer, Publication, PublishedResults, Response
from ..reports.paper import publishable_quotes
from ..summary import questions_in_order, summarise

RESPONSES_PER_PAGE = 10
# Of the chart's 640 units: the rest holds "Groups: young people tallied: 14 (35.0%)" after a bar.
CHART_BAR_SPACE = 340


def results_are_public(consultation) -> bool:
    """Published by an officer, and the consultation (this language version) has closed."""
    if consultation.status != "closed":
        return False
    return PublishedResults.objects.filter(
        consultation_id=consultation.answers_page_id, published_at__isnull=False
    ).exists()


def publish_results(consultation, *, by, at=None) -> PublishedResults:
    """Make a closed consultation's results public in every language. Raises ValidationError when
    it has not closed."""
    first = consultation.answers_page
    if first.status != "closed":
        raise ValidationError(_("Results can be published once the consultation has closed."))
    with transaction.atomic():
        record, _made = PublishedResults.objects.select_for_update().get_or_create(consultation=first)
        if record.published_at is None:
            record.published_at = at or timezone.now()
            record.changed_by = by
            record.save()
    forget_page_state(Page)  # once committed: the consultation page links to them from now on
    return record


def unpublish_results(consultation, *, by) -> None:
    """Take the results off the public site (the consultation page stops linking to them)."""
    PublishedResults.objects.filter(consultation_id=consultation.answers_page_id).update(
        published_at=None, changed_by=by
    )
    forget_page_state(Page)


def published_results_url(consultation) -> str:
    """The address of this language version's published results, or "" while they are not public."""
    if not consultation or not consultation.pk or not results_are_public(consultation):
        return ""
    url = consultation.url
    return url + consultation.reverse_subpage("results") if url else ""


def results_published_at(consultation):
    """When the results were published, or None while they are not."""
    record = PublishedResults.objects.filter(consultation_id=consultation.answers_page_id).first()
    return record.published_at if record else None


@dataclass(frozen=True)
class Wording:
    """A question as the reader's language version asks it."""

    prompt: str
    options: list[Option]

    def label(self, code: str, fallback: str) -> str:
        return next((option.label for option in self.options if option.code == code), fallback)


def wordings(page, identities) -> dict[int, Wording]:
    """{identity id: Wording} in this language version's words; a question it does not ask (a
    retired one) keeps the words its answers were given to."""
    asked = {question.key: question for question in page.published_questions()}
    wording = {}
    for identity in identities:
        question = asked.get(identity.question_key) if not identity.retired else None
        if question is None:
            wording[identity.pk] = Wording(identity.prompt, identity.options())
        else:
            wording[identity.pk] = Wording(question.prompt, question.kind_class.options(question))
    return wording


@dataclass
class QuestionResults:
    reference: str
    anchor: str
    prompt: str
    figures: object  # the individuals' `Figures`, suppressed (`figures.shared.shared_figures`)
    table: Table | None  # answers by individuals (and groups' tallies beside them), suppressed
    chart: object  # a `GroupedBarChart` of the table, or None
    groups: object  # how many groups gave tallies: a number, or "fewer than 5"
    young_people_in_groups: object
    quotes: list


@dataclass
class Results:
    individuals: object  # individual responses: a number, or "fewer than 5"
    groups: object
    young_people_in_groups: object
    questions: list[QuestionResults]


def consultation_results(page) -> Results:
    """The public summary of a consultation, in `page`'s language."""
    first = page.answers_page
    summary = summarise(first, text_sample_size=0)
    wording = wordings(page, [identity for identity, _question in questions_in_order(first)])
    quotes = {}
    for quote in publishable_quotes(first):
        quotes.setdefault(quote.reference, []).append(quote)
    questions = []
    for item in summary.questions:
        words = wording[item.identity.pk]
        table = _answers_table(item, words)
        questions.append(
            QuestionResults(
                reference=item.reference,
                anchor=item.identity.anchor,
                prompt=words.prompt,
                figures=shared_figures(item.figures),
                table=table,
                chart=grouped_bar_chart(table, bar_space=CHART_BAR_SPACE) if table else None,
                groups=shown_alone(item.groups.groups),
                young_people_in_groups=shown_alone(item.groups.young_people),
                quotes=quotes.get(item.reference, []),
            )
        )
    return Results(
        individuals=shown_alone(summary.total_responses),
        groups=shown_alone(summary.group_responses),
        young_people_in_groups=shown_alone(summary.young_people_in_groups),
        questions=questions,
    )


def _answers_table(item, words) -> Table | None:
    """Individuals' answers (of those who answered), and when groups gave tallies, the groups'
    (of the young people they speak for) in a column beside them: suppressed, never added up."""
    individuals = {choice.code: choice for choice in item.figures.choices}
    tallied = {tally.code: tally for tally in item.groups.tallies} if item.groups.groups else {}
    codes = list(dict.fromkeys([*individuals, *tallied]))
    if not codes or not (item.figures.respondents or tallied):
        return None  # nothing to count: nobody chose an answer
    columns, totals = [INDIVIDUALS], [item.figures.respondents]
    if tallied:
        columns.append(GROUPS)
        totals.append(item.groups.young_people)
    counts = [
        [individuals[code].count if code in individuals else 0]
        + ([tallied[code].count if code in tallied else 0] if tallied else [])
        for code in codes
    ]
    labels = [words.label(code, (individuals.get(code) or tallied.get(code)).label) for code in codes]
    return suppress(Table(row_labels=labels, column_labels=columns, counts=counts, column_totals=totals))


def published_responses(consultation):
    """The sent responses whose senders agreed to publication (with or without their name), oldest
    first: never a confidential one, one emptied by retention or the person's request, nor one with
    an answer flagged for the safeguarding lead."""
    flagged = FlaggedAnswer.objects.filter(answer__response=OuterRef("pk"))
    return (
        Response.objects.for_consultation(consultation.answers_page_id)
        .submitted()
        .filter(publication__in=[Publication.WITH_NAME, Publication.WITHOUT_NAME], removed_at__isnull=True)
        .exclude(Exists(flagged))
        .select_related("forum")
        .prefetch_related("answers__question")
        .order_by("submitted_at", "pk")
    )


@dataclass(frozen=True)
class PublishedAnswer:
    reference: str
    prompt: str
    text: str


@dataclass(frozen=True)
class PublishedResponse:
    attribution: str  # never a contact detail; a name only as `Response.attribution` allows
    language: str
    answers: list[PublishedAnswer]


def as_published(responses, page) -> list[PublishedResponse]:
    """Responses as the public reads them: who (as `Response.attribution` says), and each answer
    in words, in `page`'s language, with whatever may identify someone removed."""
    responses = list(responses)
    answers = {}
    identities = {}
    for response in responses:
        for answer in response.answers.all():
            identities[answer.question_id] = answer.question
            answers.setdefault((response.pk, answer.question_id), []).append(answer)
    wording = wordings(page, identities.values())
    order = [identity for identity, _question in questions_in_order(page.answers_page)]
    published = []
    for response in responses:
        said = []
        for identity in order:
            rows = answers.get((response.pk, identity.pk))
            if not rows:
                continue
            words = wording[identity.pk]
            text = identity.kind_class.describe(words.options, rows)
            said.append(PublishedAnswer(identity.reference, words.prompt, redacted(text)))
        published.append(PublishedResponse(response.attribution(), response.language, said))
    return published
