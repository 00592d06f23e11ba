"""What the live dashboard shows: responses by channel (individuals and groups apart), today's
arrivals and the latest written answers, read in a few grouped queries."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from ..models import Answer, Channel, Response
from ..models.response import SpeaksFor
from ..safeguarding.visibility import redact_for, with_flags

LATEST_TEXTS = 10


@dataclass(frozen=True)
class ChannelFigures:
    channel: str
    label: str
    individuals: int
    groups: int
    speaking_for: int  # young people the groups speak for: never added to `individuals`


@dataclass(frozen=True)
class DashboardFigures:
    channels: list[ChannelFigures]
    individuals: int
    groups: int
    speaking_for: int
    today: int  # responses (individual or group) stored since midnight, local time
    latest_texts: list  # Answer rows, redacted for the reader, newest first

    def as_message(self) -> dict:
        """The numbers a connected page (and a test) reads; the page itself swaps in the HTML."""
        return {
            "channels": {
                c.channel: {"individuals": c.individuals, "groups": c.groups, "speaking_for": c.speaking_for}
                for c in self.channels
            },
            "individuals": self.individuals,
            "groups": self.groups,
            "speaking_for": self.speaking_for,
            "today": self.today,
        }


def dashboard_figures(consultation, user, now=None) -> DashboardFigures:
    """The dashboard of one consultation (its first version) as `user` may read it: flagged text
    is redacted by `safeguarding.visibility`, as everywhere else written answers are shown."""
    now = now or timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    stored = Response.objects.for_consultation(consultation).submitted()
    rows = {
        (row["channel"], row["speaks_for"]): row
        for row in stored.values("channel", "speaks_for")
        .annotate(n=Count("*"), people=Sum("group_size"))
        .order_by()
    }
    channels = []
    for channel in Channel:
        individual = rows.get((channel.value, SpeaksFor.INDIVIDUAL), {})
        group = rows.get((channel.value, SpeaksFor.GROUP), {})
        channels.append(
            ChannelFigures(
                channel.value,
                str(channel.label),
                individual.get("n", 0),
                group.get("n", 0),
                group.get("people") or 0,
            )
        )
    today = stored.aggregate(n=Count("pk", filter=Q(submitted_at__gte=midnight)))["n"]
    return DashboardFigures(
        channels=channels,
        individuals=sum(c.individuals for c in channels),
        groups=sum(c.groups for c in channels),
        speaking_for=sum(c.speaking_for for c in channels),
        today=today,
        latest_texts=redact_for(user, latest_texts(consultation)),
    )


def latest_texts(consultation, limit=LATEST_TEXTS):
    """The newest written answers of sent responses, marked when flagged for safeguarding."""
    return with_flags(
        Answer.objects.for_consultation(consultation)
        .filter(option="", number__isnull=True)
        .with_text()
        .select_related("response", "question")
        .order_by("-id")[:limit]
    )
