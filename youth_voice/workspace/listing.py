"""Every consultation as one row of the officer's workspace, in a fixed number of queries.

One row per consultation whatever its languages: the first version made (the one whose responses
every language version shares, `ConsultationPage.answers_page_id`), as the Responses index does.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import CharField, Count, Exists, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, Revision

from consultations.models import ConsultationPage

from .. import access
from ..models import Status
from .status import WorkspaceStatus, consultation_status


@dataclass(frozen=True)
class WorkspaceRow:
    page: ConsultationPage
    status: WorkspaceStatus
    responses: int | None  # None: not the user's to read
    responses_today: int | None
    latest_response_at: datetime | None
    last_edited_by: object  # a user, or None


def start_of_today(now=None) -> datetime:
    """Midnight at the start of today, in the site's time zone."""
    now = now or timezone.now()
    return timezone.make_aware(datetime.combine(timezone.localdate(now), time.min))


def _mine(user) -> Exists:
    """Any language version of the consultation is owned by (created by) or was last edited by the user."""
    return Exists(
        Page.objects.filter(translation_key=OuterRef("translation_key")).filter(
            Q(owner=user) | Q(latest_revision__user=user)
        )
    )


def workspace_rows(user=None, *, mine=False, status="", now=None) -> list[WorkspaceRow]:
    """The consultations, newest opening first; only the user's own with `mine`, only those of
    `status` (a WorkspaceStatus value) when one is given. One query whatever their number."""
    now = now or timezone.now()
    submitted = Q(responses__status=Status.SUBMITTED)
    first_versions = Page.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    scheduled = Revision.objects.page_revisions().filter(
        object_id=Cast(OuterRef("pk"), output_field=CharField()), approved_go_live_at__isnull=False
    )
    pages = (
        ConsultationPage.objects.annotate(first_version=Subquery(first_versions.values("pk")[:1]))
        .filter(pk=F("first_version"))
        .annotate(
            response_count=Count("responses", filter=submitted),
            today_count=Count(
                "responses", filter=submitted & Q(responses__submitted_at__gte=start_of_today(now))
            ),
            latest_response_at=Max("responses__submitted_at", filter=submitted),
            publish_scheduled=Exists(scheduled),
        )
        .select_related("latest_revision__user")
        .order_by("-opens_at", "-pk")
    )
    if user is not None:
        pages = pages.filter(pk__in=access.consultations_in_workspace_for(user).values("pk"))
    if mine and user is not None:
        pages = pages.filter(_mine(user))
    # Response figures only where the user may read the responses; editors see the rest of the row.
    readable = (
        set(access.consultations_with_responses_for(user).values_list("pk", flat=True)) if user else None
    )
    rows = [
        WorkspaceRow(
            page=page,
            status=consultation_status(page, now=now, publish_scheduled=page.publish_scheduled),
            responses=page.response_count if readable is None or page.pk in readable else None,
            responses_today=page.today_count if readable is None or page.pk in readable else None,
            latest_response_at=page.latest_response_at if readable is None or page.pk in readable else None,
            last_edited_by=page.latest_revision.user if page.latest_revision else None,
        )
        for page in pages
    ]
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def status_counts(rows) -> dict[str, int]:
    """How many rows have each status, in the order statuses are listed."""
    return {choice: sum(row.status == choice for row in rows) for choice in WorkspaceStatus.values}
