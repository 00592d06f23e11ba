"""Working days for the escalation timer: Saturdays and Sundays do not count."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

SATURDAY = 5


def escalation_working_days() -> int:
    return int(getattr(settings, "SAFEGUARDING_ESCALATION_WORKING_DAYS", 1))


def add_working_days(start, days: int):
    """The same time of day, `days` weekdays later: Friday 15:00 plus one is Monday 15:00.

    Raised at a weekend, the count starts on Monday: Saturday 10:00 plus one is Tuesday 00:00.
    """
    moment = timezone.localtime(start)
    if moment.weekday() >= SATURDAY:
        moment = (moment + timedelta(days=7 - moment.weekday())).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
    counted = 0
    while counted < days:
        moment += timedelta(days=1)
        if moment.weekday() < SATURDAY:
            counted += 1
    return moment
