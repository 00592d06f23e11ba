"""Screening free text when it is saved, whatever the channel (online, paper typed in, live).

`screen_answers` is called from the one place answers are stored (`youth_voice.services`), inside
the same transaction: a flagged answer is never visible unflagged, even for a moment. The leads are
told once the transaction commits.
"""

from django.utils import timezone

from .alerts import notify_after_commit
from .models import Alert, AuditEvent, FlaggedAnswer, SafeguardingRule, record
from .rules import Match, Rule, RuleSet
from .working_days import add_working_days, escalation_working_days

_COMPILED = {}


def current_rules() -> RuleSet:
    """The enabled rules, compiled; compiled again only when a rule has changed (in any process:
    the rules are read each time, which is one small query, and compared)."""
    rows = tuple(SafeguardingRule.objects.enabled().values_list("pk", "category", "kind", "text"))
    if _COMPILED.get("rows") != rows:
        _COMPILED.update(rows=rows, rules=RuleSet([Rule(*row) for row in rows]))
    return _COMPILED["rules"]


def screen_text(text: str, rules: RuleSet | None = None) -> Match | None:
    """The first rule a text matches, or None. Usable on its own (the `safeguarding_screen` command)."""
    return (rules or current_rules()).screen(text)


def screen_answers(response, answers, *, at=None) -> list[Alert]:
    """Flag each stored answer whose text matches a rule; returns the new alerts.

    An answer carried over unchanged from an earlier version of the response (the young person
    changed another answer) is flagged again under its existing alert rather than raising a new one.
    """
    typed = [answer for answer in answers if answer.text and answer.text.strip()]
    if not typed:
        return []
    at = at or timezone.now()
    rules, raised = current_rules(), []
    for answer in typed:
        match = rules.screen(answer.text)
        if match is None:
            continue
        alert = Alert.objects.filter(
            response=response, question_id=answer.question_id, text=answer.text
        ).first()
        if alert is None:
            alert = _raise(response, answer, match, at)
            raised.append(alert)
        FlaggedAnswer.objects.create(answer=answer, alert=alert)
    notify_after_commit(raised)
    return raised


def _raise(response, answer, match, at) -> Alert:
    alert = Alert.objects.create(
        response=response,
        question_id=answer.question_id,
        text=answer.text,
        category=match.category,
        rule_id=match.rule.pk,
        rule_text=match.rule.text[:300],
        matched=match.words[:300],
        raised_at=at,
        due_at=add_working_days(at, escalation_working_days()),
    )
    record(alert, AuditEvent.RAISED, detail=f"Rule “{match.rule.text}” matched “{match.words}”.", at=at)
    return alert


def response_needs_help(response) -> bool:
    """Whether the young person should be shown where to get help (their answers were flagged)."""
    return FlaggedAnswer.objects.filter(answer__response=response).exists()
