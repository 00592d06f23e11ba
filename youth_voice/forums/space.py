"""What a member sees in their own space: their forums, the consultations put to each, and what
each forum said (its group responses), read, never written."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from consultations.about_you import Publication

from ..models import Answer, GroupTally, Response


@dataclass
class SaidByForum:
    """One group response: how many it spoke for, how, and what it said (in questionnaire terms)."""

    response: Response
    lines: list = field(default_factory=list)  # (question prompt, what was said)


@dataclass
class PutToForum:
    consultation: object  # in the member's language where there is a version in it
    is_open: bool
    said: list


def _option_label(identity, code):
    labels = {option["code"]: option["label"] for option in identity.known_options}
    return labels.get(code, code)


def _said(response) -> SaidByForum:
    said = SaidByForum(response)
    if response.publication == Publication.CONFIDENTIAL:
        return said  # the forum asked for it to be kept confidential: shown as recorded, never quoted
    for tally in response.tallies.all():
        said.lines.append(
            (tally.question.prompt, f"{_option_label(tally.question, tally.option)}: {tally.count}")
        )
    for answer in response.answers.all():
        said.lines.append(
            (answer.question.prompt, answer.text or _option_label(answer.question, answer.option))
        )
    return said


def put_to_forum(forum, at=None) -> list[PutToForum]:
    """The consultations put to `forum`, newest first, each with what the forum said in it."""
    responses = (
        Response.objects.groups()
        .submitted()
        .filter(forum=forum)
        .order_by("received_on", "pk")
        .prefetch_related(
            Prefetch(
                "tallies", GroupTally.objects.select_related("question").order_by("question__reference", "pk")
            ),
            Prefetch(
                "answers", Answer.objects.select_related("question").order_by("question__reference", "pk")
            ),
        )
    )
    by_consultation = {}
    for response in responses:
        by_consultation.setdefault(response.consultation_id, []).append(_said(response))
    put = []
    for consultation in forum.consultations.live().order_by("-opens_at"):
        shown = consultation.localized
        put.append(PutToForum(shown, shown.is_open(at), by_consultation.get(consultation.pk, [])))
    return put
