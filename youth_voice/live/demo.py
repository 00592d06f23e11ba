"""The demo's live session: finished, with votes from twelve phones and two approved comments."""

import random
import uuid

from ..models import ConsultationAccess, LiveSession
from . import services

PHONES = 12
NAMESPACE = uuid.UUID("b3c9a3f0-7f3e-4d8a-9a55-1c0f5e2d7a41")
COMMENTS = [
    ("More youth clubs open in the evenings", True),
    ("Buses that run after clubs finish", True),
    ("Somewhere quiet to go after school", False),  # left waiting: a facilitator would decide
]


def live_demo(consultation) -> LiveSession:
    """Asked at a youth club by the demo's officer: the first yes/no, scale and free-text
    questions (found, or made once)."""
    officer = ConsultationAccess.objects.filter(consultation_id=consultation.answers_page_id).first().user
    existing = LiveSession.objects.filter(consultation_id=consultation.answers_page_id).first()
    if existing:
        return existing
    by_kind = {}
    for identity in services.askable_questions(consultation):
        by_kind.setdefault(identity.kind, identity)
    chosen = [by_kind[kind] for kind in ("yes_no", "agree_scale", "free_text") if kind in by_kind]
    session = services.start_session(consultation, [i.question_key for i in chosen], user=officer)
    phones = [uuid.uuid5(NAMESPACE, str(i)) for i in range(PHONES)]
    rng = random.Random(2027)  # noqa: S311 - the same demo votes every run, not a secret
    for identity in chosen:
        session = services.control(session.pk, "next")
        for phone in phones:
            services.join(session, phone)
        if identity.kind == "free_text":
            _comment(session, phones, identity)
            continue
        codes = [o.code for o in identity.options() if not o.retired]
        for phone in phones:
            services.record_vote(session.pk, phone, str(identity.question_key), rng.choice(codes))
    services.control(session.pk, "show_results")
    return services.control(session.pk, "end")


def _comment(session, phones, identity):
    for phone, (text, approve) in zip(phones, COMMENTS, strict=False):
        comment = services.record_comment(session.pk, phone, str(identity.question_key), text)
        if approve:
            services.moderate(comment.pk, session.pk, approve=True, user=session.started_by)
