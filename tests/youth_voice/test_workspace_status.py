"""The workspace status of a consultation at every boundary: draft, scheduled, open, closed,
feedback due."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from youth_voice.workspace.status import FEEDBACK_DUE_WITHIN, WorkspaceStatus, consultation_status

LONDON = ZoneInfo("Europe/London")
OPENS = datetime(2027, 3, 1, 0, 0, tzinfo=LONDON)
CLOSES = datetime(2027, 3, 31, 23, 59, tzinfo=LONDON)
FEEDBACK = date(2027, 6, 30)
SECOND = timedelta(seconds=1)


def page(live=True, closes_at=CLOSES, feedback_due=FEEDBACK):
    return SimpleNamespace(live=live, opens_at=OPENS, closes_at=closes_at, feedback_due=feedback_due)


def at_start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("consultation", "now", "scheduled", "expected"),
    [
        # Not published: a draft, whatever its dates, unless its publication is scheduled.
        (page(live=False), OPENS - SECOND, False, WorkspaceStatus.DRAFT),
        (page(live=False), OPENS + SECOND, False, WorkspaceStatus.DRAFT),
        (page(live=False), CLOSES + SECOND, False, WorkspaceStatus.DRAFT),
        (page(live=False), OPENS - SECOND, True, WorkspaceStatus.SCHEDULED),
        # Published: scheduled until the opening time, open from it.
        (page(), OPENS - SECOND, False, WorkspaceStatus.SCHEDULED),
        (page(), OPENS, False, WorkspaceStatus.OPEN),
        # Open until the closing time, closed from it.
        (page(), CLOSES - SECOND, False, WorkspaceStatus.OPEN),
        (page(), CLOSES, False, WorkspaceStatus.CLOSED),
        # Open until further notice stays open.
        (page(closes_at=None), CLOSES + timedelta(days=999), False, WorkspaceStatus.OPEN),
        # Closed: feedback due from FEEDBACK_DUE_WITHIN before the promised date, and after it.
        (page(), at_start_of(FEEDBACK - FEEDBACK_DUE_WITHIN) - SECOND, False, WorkspaceStatus.CLOSED),
        (page(), at_start_of(FEEDBACK - FEEDBACK_DUE_WITHIN), False, WorkspaceStatus.FEEDBACK_DUE),
        (page(), at_start_of(FEEDBACK), False, WorkspaceStatus.FEEDBACK_DUE),
        (page(), at_start_of(FEEDBACK) + timedelta(days=90), False, WorkspaceStatus.FEEDBACK_DUE),
        # No feedback date promised: closed.
        (page(feedback_due=None), CLOSES + timedelta(days=400), False, WorkspaceStatus.CLOSED),
        # Feedback due only once closed, even when the promised date is near.
        (page(feedback_due=date(2027, 4, 1)), CLOSES - SECOND, False, WorkspaceStatus.OPEN),
    ],
)
def test_status_at_each_boundary(consultation, now, scheduled, expected):
    assert consultation_status(consultation, now=now, publish_scheduled=scheduled) == expected


def test_statuses_have_names_people_read():
    assert [label for _value, label in WorkspaceStatus.choices] == [
        "Draft",
        "Scheduled",
        "Open",
        "Closed",
        "Feedback due",
    ]
