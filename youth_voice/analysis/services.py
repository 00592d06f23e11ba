"""Writes for making sense of free text: one function per thing an officer does.

Every write is a person's decision: tagging, accepting a suggested theme (and the answers it
tags), picking a quote, removing words from it. Each validates, writes in a transaction, and
reports what it did; repeating one (a form posted twice) changes nothing more.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Answer, AnswerTheme, Quote, Redaction, RedactionKind, SuggestionDecision, Theme
from .redaction import spans_of


def save_theme(theme: Theme, by) -> Theme:
    """Add or change a codebook theme (already validated by its form, which runs `Theme.clean`)."""
    if theme.pk is None:
        theme.created_by = by
    theme.full_clean()
    theme.save()
    return theme


def _answers_of(theme, answer_ids):
    return Answer.objects.filter(pk__in=answer_ids, question__consultation_id=theme.consultation_id)


def tag_answers(theme: Theme, answer_ids, by) -> int:
    """Tag the answers with the theme; returns how many were not tagged with it before."""
    answers = list(_answers_of(theme, answer_ids).exclude(themes__theme=theme).values_list("pk", flat=True))
    AnswerTheme.objects.bulk_create(
        [AnswerTheme(answer_id=pk, theme=theme, tagged_by=by) for pk in answers], ignore_conflicts=True
    )
    return len(answers)


def untag_answers(theme: Theme, answer_ids) -> int:
    """Take the theme off the answers; returns how many had it."""
    deleted, _by_model = AnswerTheme.objects.filter(
        theme=theme, answer__in=_answers_of(theme, answer_ids)
    ).delete()
    return deleted


@transaction.atomic
def accept_suggestion(question, words: str, theme: Theme, answer_ids, by) -> tuple[Theme, int]:
    """A person accepts a suggested theme (perhaps renamed): the theme is made, the suggestion
    remembered, and the answers the person ticked are tagged. Returns the theme and how many."""
    save_theme(theme, by)
    SuggestionDecision.objects.update_or_create(
        question=question, words=words, defaults={"accepted": True, "theme": theme, "decided_by": by}
    )
    return theme, tag_answers(theme, answer_ids, by)


def reject_suggestion(question, words: str, by) -> None:
    """Remember that a person rejected this suggestion, so it is not offered again."""
    SuggestionDecision.objects.get_or_create(
        question=question, words=words, defaults={"accepted": False, "decided_by": by}
    )


def pick_quote(answer: Answer, excerpt: str, by) -> Quote:
    """Keep an answer (or an exact excerpt of it) as a quote for reports. Refuses a confidential
    response's answer or one flagged for safeguarding, whatever the caller checked before."""
    excerpt = excerpt.strip() or answer.text.strip()
    quote = Quote(answer=answer, excerpt=excerpt, chosen_by=by)
    quote.clean()  # the confidentiality and excerpt rules, before anything is written
    existing = Quote.objects.filter(answer=answer, excerpt=excerpt).first()
    if existing:
        return existing
    quote.full_clean()
    quote.save()
    return quote


def redact(quote: Quote, start: int, end: int, kind: str, by) -> Redaction:
    """Remove a span of the quote's excerpt from what is published, and log who did and when."""
    if kind not in RedactionKind.values or not 0 <= start < end <= len(quote.excerpt):
        raise ValidationError(_("That part of the quote could not be found: reload the page and try again."))
    with transaction.atomic():
        overlapping = quote.redactions.select_for_update().filter(start__lt=end, end__gt=start)
        existing = overlapping.filter(start=start, end=end).first()
        if existing:
            return existing
        if overlapping.exists():
            raise ValidationError(_("Part of that is already removed."))
        return Redaction.objects.create(quote=quote, start=start, end=end, kind=kind, redacted_by=by)


def redact_words(quote: Quote, words: str, kind: str, by) -> int:
    """Remove the words wherever they appear in the quote; returns how many places were removed."""
    spans = spans_of(words, quote.excerpt)
    if not spans:
        raise ValidationError(_("Those words are not in the quote: copy them exactly as they appear."))
    removed = 0
    for start, end in spans:
        if not quote.redactions.filter(start__lt=end, end__gt=start).exists():
            redact(quote, start, end, kind, by)
            removed += 1
    return removed
