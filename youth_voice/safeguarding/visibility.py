"""What a user may see of an answer: a flagged answer's text only with the safeguarding permission.

Every view or export that shows typed answers reads them through `with_flags` and passes them
through `redact_for` (or asks `text_for` one at a time); new views must do the same.
"""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from .models import PERMISSION, FlaggedAnswer

FLAGGED_PLACEHOLDER = _("Flagged for the safeguarding lead")


def may_read_flagged(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(PERMISSION))


def with_flags(answers):
    """Answers annotated with `safeguarding_flagged`, so no query per answer is needed."""
    return answers.annotate(safeguarding_flagged=Exists(FlaggedAnswer.objects.filter(answer=OuterRef("pk"))))


def _flagged(answer) -> bool:
    if hasattr(answer, "safeguarding_flagged"):
        return answer.safeguarding_flagged
    return FlaggedAnswer.objects.filter(answer_id=answer.pk).exists()


def text_for(user, answer) -> str:
    """The text this user may read of this answer."""
    if answer.text and _flagged(answer) and not may_read_flagged(user):
        return str(FLAGGED_PLACEHOLDER)
    return answer.text


def redact_for(user, answers) -> list:
    """The answers (model instances, changed in memory only) with flagged text replaced for users
    who may not read it; `user=None` (an export with no one behind it) always redacts."""
    answers = list(answers)
    allowed = may_read_flagged(user)
    for answer in answers:
        answer.safeguarding_flagged = _flagged(answer)
        if answer.safeguarding_flagged and answer.text and not allowed:
            answer.text = str(FLAGGED_PLACEHOLDER)
    return answers
