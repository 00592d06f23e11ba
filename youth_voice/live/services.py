"""Live sessions' use cases: start, join, vote, comment, moderate and steer; and what is shown.

Everything another process needs is in the database or carried in channel-layer messages (see
docs/live-sessions.md): a presenter connected to one daphne process sees votes taken by another.
Each phone is one individual response (channel "live") to the consultation's own questions; each
vote is that response's answer row for the question, replaced when the vote is changed.
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.kinds import ANSWER_MAX_CHARS, kind_of
from consultations.models.questions import QuestionIdentity

from .. import throttle
from ..models import Answer, Channel, LiveComment, LiveParticipant, LiveSession, LiveState, Response, Status
from ..models.live import CommentStatus
from ..models.response import new_response_reference
from ..services import open_response, store_answers, write_turn

# Kinds a phone answers with one tap: each option is a bar on the presenter screen.
VOTE_KINDS = frozenset({"yes_no", "single_choice", "rating", "agree_scale", "faces"})
# Kinds answered with a comment: approved comments make the word cloud.
COMMENT_KINDS = frozenset({"free_text"})
LIVE_KINDS = VOTE_KINDS | COMMENT_KINDS
COMMENT_MAX_CHARS = 500
PARTICIPANT_SALT = "chorus.live.participant"


# Why a vote or comment was not taken, by the protocol's error code.
REFUSALS = {
    "not_open": _("Voting on this question is not open."),
    "unknown_option": _("Choose one of the answers shown."),
    "wrong_kind": _("This question is not answered that way."),
    "empty_comment": _("Write a comment before sending it."),
    "too_long": _("Comments can be at most 500 characters."),
    "rate_limited": _("Too many votes at once: wait a moment and try again."),
    "closed": _("This consultation has closed, so votes are no longer taken."),
}
# Votes are answered now, so they are new responses: a closed consultation takes none. (What a
# group said before closing is entered as a group response, which closing does not refuse.)
CLOSED_CONSULTATION = _(
    "This consultation has closed, so a live session cannot collect answers for it. "
    "Enter what a group said before it closed as a group response."
)


class LiveError(Exception):
    """A vote or comment that cannot be taken: `code` is one of REFUSALS, `message` its words."""

    def __init__(self, code):
        super().__init__(code)
        self.code, self.message = code, REFUSALS[code]


# --- starting and steering ------------------------------------------------------------------


def askable_questions(consultation):
    """The questions a live session can ask, in the consultation's order: one-tap choices and
    free text (a ranking, a number or ticking several does not fit a phone at an event)."""
    identities = QuestionIdentity.objects.filter(
        consultation_id=consultation.answers_page_id, retired=False, kind__in=LIVE_KINDS
    )
    by_reference = {identity.reference: identity for identity in identities}
    return [by_reference[q.reference] for q in consultation.questions.all() if q.reference in by_reference]


def start_session(consultation, question_keys, *, user, event=None) -> LiveSession:
    return LiveSession.objects.create(
        consultation_id=consultation.answers_page_id,
        question_keys=[str(key) for key in question_keys],
        event=event,
        started_by=user,
    )


def _step(session, action):
    """The session after one facilitator action (unchanged when the action does not apply)."""
    last = len(session.question_keys) - 1
    if action == "next" and session.state == LiveState.WAITING:
        session.state = LiveState.OPEN
    elif action == "next" and session.current < last:
        session.current, session.state = session.current + 1, LiveState.OPEN
    elif action == "previous" and session.current > 0:
        session.current, session.state = session.current - 1, LiveState.OPEN
    elif action == "lock" and session.state == LiveState.OPEN:
        session.state = LiveState.LOCKED
    elif action == "unlock" and session.state == LiveState.LOCKED:
        session.state = LiveState.OPEN
    elif action in ("show_results", "hide_results"):
        session.show_results = action == "show_results"
    elif action == "end":
        session.state, session.ended_at = LiveState.ENDED, timezone.now()


CONTROL_ACTIONS = ("next", "previous", "lock", "unlock", "show_results", "hide_results", "end")


def control(session_id, action) -> LiveSession:
    """Apply a facilitator's action and tell every phone and presenter screen, in any process."""
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session_id)
        if session.state != LiveState.ENDED and action in CONTROL_ACTIONS:
            _step(session, action)
            session.save()
        transaction.on_commit(lambda: broadcast_question(session))
    return session


# --- the participant's identity: a random id, signed; nothing about the young person ----------


def new_participant(session) -> tuple[uuid.UUID, str]:
    """A fresh participant id and its signed form (for the join page's cookie or a welcome frame)."""
    participant = uuid.uuid4()
    return participant, sign_participant(session, participant)


def sign_participant(session, participant) -> str:
    return signing.Signer(salt=PARTICIPANT_SALT).sign(f"{session.pk}:{participant}")


def read_participant(session, signed) -> uuid.UUID | None:
    """The participant id in a signed token given by this session, or None."""
    try:
        session_id, participant = signing.Signer(salt=PARTICIPANT_SALT).unsign(str(signed)).split(":")
        return uuid.UUID(participant) if int(session_id) == session.pk else None
    except (signing.BadSignature, ValueError):
        return None


def join(session, participant) -> bool:
    """Count a phone in; True when it had not joined before."""
    _row, created = LiveParticipant.objects.get_or_create(session=session, participant=participant)
    return created


def session_by_code(code) -> LiveSession | None:
    code = "".join(str(code or "").split()).upper()
    return LiveSession.objects.filter(join_code=code).first()


# --- votes and comments ---------------------------------------------------------------------


def _identity(session, key) -> QuestionIdentity:
    return QuestionIdentity.objects.get(
        consultation_id=session.consultation_id, question_key=key, retired=False
    )


def _open_question(session_id, key, kinds):
    sessions = LiveSession.objects.select_related("event").annotate(closes_at=F("consultation__closes_at"))
    session = sessions.get(pk=session_id)
    if not session.accepts_votes or str(key) != session.current_key:
        raise LiveError("not_open")
    if session.closes_at is not None and session.closes_at <= timezone.now():
        raise LiveError("closed")
    identity = _identity(session, key)
    if identity.kind not in kinds:
        raise LiveError("wrong_kind")
    return session, identity


def _live_response(session, participant, at) -> Response:
    return Response(
        consultation_id=session.consultation_id,
        submission_key=participant,
        status=Status.SUBMITTED,
        channel=Channel.LIVE,
        live_session=session,
        event=session.event,
        forum_id=session.event.forum_id if session.event else None,
        created_at=at,
        submitted_at=at,
    )


def _replace_answer(session, participant, identity, answer: Answer, at):
    """The participant's answer to this question becomes `answer` (screened like any other), in
    one transaction: a phone's first answer inserts its response and the answer together.

    A thousand phones voting at once are mostly first answers, so those are written first with
    nothing else (no lock, no savepoint); the unique submission key turns a phone that has
    answered before (or, rarely, a reference drawn twice) into the locked replacement below."""
    answer.question = identity
    try:
        with write_turn():
            response = _live_response(session, participant, at)
            response.reference = new_response_reference()
            response.set_secret()
            response.save(force_insert=True)
            answer.response = response
            store_answers(response, [answer], at=at)
        return response.pk
    except IntegrityError:
        answer.pk = None
    with write_turn():
        response, opened = open_response(_live_response(session, participant, at))
        if not opened:  # locked: one participant's sockets and page posts take turns
            Answer.objects.filter(response=response, question=identity).delete()
            if response.submitted_at < at:
                Response.objects.filter(pk=response.pk).update(changed_at=at)
        answer.response = response
        store_answers(response, [answer], at=at)
    return response.pk


def _take_turn(participant):
    try:
        throttle.take([(throttle.Limit.named("live_vote_per_participant"), participant)])
    except throttle.Limited:
        raise LiveError("rate_limited") from None


def record_vote(session_id, participant, key, option) -> int:
    """Store a participant's vote; a changed vote replaces the first. Returns the response's id
    (for `vote_heard`); raises a LiveError."""
    session, identity = _open_question(session_id, key, VOTE_KINDS)
    codes = {o.code for o in identity.options() if not o.retired}
    if option not in codes:
        raise LiveError("unknown_option")
    _take_turn(participant)
    number = Decimal(option) if kind_of(identity.kind).numeric else None
    return _replace_answer(
        session, participant, identity, Answer(option=option, number=number), timezone.now()
    )


def record_comment(session_id, participant, key, text) -> LiveComment:
    """Keep a comment for the facilitators to approve. The participant's answer to the question
    is all their comments on it, one a line, screened for safeguarding like any free text."""
    text = str(text or "").strip()
    if not text:
        raise LiveError("empty_comment")
    if len(text) > COMMENT_MAX_CHARS:
        raise LiveError("too_long")
    session, identity = _open_question(session_id, key, COMMENT_KINDS)
    _take_turn(participant)
    comment = LiveComment.objects.create(
        session=session, question_key=str(key), participant=participant, text=text
    )
    said = LiveComment.objects.filter(session=session, question_key=str(key), participant=participant)
    answer_text = "\n".join(said.values_list("text", flat=True))[:ANSWER_MAX_CHARS]
    _replace_answer(session, participant, identity, Answer(text=answer_text), comment.created_at)
    return comment


def moderate(comment_id, session_id, *, approve: bool, user) -> LiveComment | None:
    """A facilitator approves (to the presenter screen) or rejects a comment."""
    comment = LiveComment.objects.filter(pk=comment_id, session_id=session_id).first()
    if comment is None:
        return None
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.moderated_by = user
    comment.save(update_fields=["status", "moderated_by"])
    transaction.on_commit(lambda: notify_presenters(session_id))
    return comment


# --- what phones and the presenter screen are sent --------------------------------------------


def question_message(session) -> dict:
    """The protocol's `question` frame: the state and the question on screen (or null)."""
    key = session.current_key
    question = None
    if key and session.state != LiveState.ENDED:
        identity = _identity(session, key)
        question = {
            "key": key,
            "reference": identity.reference,
            "prompt": identity.prompt,
            "kind": identity.kind,
            "options": [{"code": o.code, "label": str(o.label)} for o in identity.options() if not o.retired],
        }
    return {
        "type": "question",
        "state": session.state,
        "index": session.current,
        "count": len(session.question_keys),
        "show_results": session.show_results,
        "question": question,
    }


def in_reader_language(message, session) -> dict:
    """The question frame worded as the consultation's version in the active language (a phone
    reading Welsh gets the Welsh prompt and labels); option codes are the same in every version."""
    question = message["question"]
    page = session.consultation.localized
    if question is None or page.pk == session.consultation_id:
        return message
    asked = page.questions.filter(reference=question["reference"]).first()
    if asked is None:
        return message
    labels = {o.code: str(o.label) for o in kind_of(asked.kind).options(asked)}
    options = [o | {"label": labels.get(o["code"], o["label"])} for o in question["options"]]
    return message | {"question": question | {"prompt": asked.prompt, "options": options}}


@dataclass
class Results:
    """The `results` frame for the question on screen: counted from the database, then kept up
    to date by the votes announced to the presenter screen until it is counted again. Each phone
    has one vote a question, so a vote heard twice, or already counted, is counted once."""

    frame: dict  # type, question, joined, comments, cloud
    votes: dict  # response id → option ("" for a comment)

    def take(self, vote) -> bool:
        """Count an announced vote (question, response, option); False when not on screen."""
        if vote["question"] != self.frame["question"]:
            return False
        self.votes[vote["response"]] = vote["option"]
        return True

    def message(self) -> dict:
        counts = Counter(option for option in self.votes.values() if option)
        return self.frame | {"answered": len(self.votes), "counts": dict(counts)}


def count_results(session_id) -> Results:
    """The results for the question on screen, counted from the database."""
    session = LiveSession.objects.get(pk=session_id)
    key = session.current_key
    frame = {"type": "results", "question": key, "joined": session.participants.count()}
    if key is None:
        return Results(frame | {"comments": [], "cloud": []}, {})
    answers = Answer.objects.filter(response__live_session=session, question=_identity(session, key))
    approved = list(session.comments.approved().on(key).values_list("text", flat=True))
    return Results(
        frame | {"comments": approved, "cloud": [[w.word, w.size] for w in word_cloud(approved)]},
        dict(answers.values_list("response_id", "option")),
    )


def results_message(session_id) -> dict:
    """The protocol's `results` frame for the question on screen, counted from the database."""
    return count_results(session_id).message()


def vote_heard(key, response_id, option) -> dict:
    """The presenters' message about a vote stored: enough to count it without a recount."""
    return {"type": "live.changed", "vote": {"question": str(key), "response": response_id, "option": option}}


def own_answer(session, participant) -> str | None:
    """What this participant answered to the question on screen (an option code or their
    comments), or None: the no-JavaScript page says so and lets them change it."""
    key = session.current_key
    if key is None or participant is None:
        return None
    rows = Answer.objects.filter(
        response__live_session=session, response__submission_key=participant, question__question_key=key
    ).values_list("option", "text")
    return next((option or text for option, text in rows), None)


def participants_group(session_id) -> str:
    return f"live-{session_id}"


def presenters_group(session_id) -> str:
    return f"live-{session_id}-presenters"


def broadcast_question(session) -> None:
    async_to_sync(get_channel_layer().group_send)(
        participants_group(session.pk), {"type": "live.question", "message": question_message(session)}
    )


def notify_presenters(session_id) -> None:
    async_to_sync(get_channel_layer().group_send)(presenters_group(session_id), {"type": "live.changed"})


# --- the word cloud -------------------------------------------------------------------------

# Short and common: words that would fill any cloud whatever was said, in English and Welsh.
STOP_WORDS = frozenset(
    """a about all also am an and any are as at be because been but by can could do for from get
    had has have he her him his how i if in into is it its just like me more my no not of on or our
    out she so some than that the their them then there they this to too up us was we were what
    when which who will with would you your yn y yr a ac ar at ei eu fy i o mae ond oes roedd sy
    sydd wedi fel gyda hefyd hi fe fo nhw ni chi ti dw dwi ydw ydy yw bod mewn am ddim iawn na neu
    pan beth""".split()
)
CLOUD_WORDS = 30
CLOUD_SIZES = 5


@dataclass(frozen=True)
class CloudWord:
    word: str
    count: int
    size: int  # 1 (said once) to CLOUD_SIZES (said most)


def word_cloud(texts) -> list[CloudWord]:
    """The most said words of some comments, alphabetically, each with a size from its count."""
    words = Counter(
        word
        for text in texts
        for word in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
        if len(word) > 1 and word not in STOP_WORDS
    )
    common = words.most_common(CLOUD_WORDS)
    if not common:
        return []
    most = common[0][1]
    return sorted(
        (
            CloudWord(word, count, 1 + round((CLOUD_SIZES - 1) * (count - 1) / max(most - 1, 1)))
            for word, count in common
        ),
        key=lambda cloud_word: cloud_word.word,
    )


def cookie_name(session) -> str:
    """The join page's cookie: one a session, so a phone can be in two sessions in a day."""
    return f"live-{session.join_code}"
