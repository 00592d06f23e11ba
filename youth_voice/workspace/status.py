"""Where a consultation is in its life, as officers name it: draft, scheduled, open, closed or
feedback due.

The rule is kept here, in one plain function, so the dashboard, the listing and its filter all say
the same thing. See docs/officers-guide.md.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A closed consultation counts as "feedback due" from this long before the date feedback was
# promised by (and stays so after it) until feedback is given (issue 11 will record that).
FEEDBACK_DUE_WITHIN = timedelta(days=14)


class WorkspaceStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    FEEDBACK_DUE = "feedback_due", _("Feedback due")


def consultation_status(page, *, now=None, publish_scheduled=False) -> WorkspaceStatus:
    """The status of a consultation page at `now`.

    - **draft**: not published, and no publication is scheduled (an unpublished page is a draft
      again, whatever its dates);
    - **scheduled**: a publication is scheduled, or it is published and opens later;
    - **open**: published, opened, and not yet closed (or open until further notice);
    - **feedback due**: published and closed, with a "feedback promised by" date that is at most
      FEEDBACK_DUE_WITHIN away or already past;
    - **closed**: published and closed otherwise.
    """
    now = now or timezone.now()
    if not page.live:
        return WorkspaceStatus.SCHEDULED if publish_scheduled else WorkspaceStatus.DRAFT
    if now < page.opens_at:
        return WorkspaceStatus.SCHEDULED
    if page.closes_at is None or now < page.closes_at:
        return WorkspaceStatus.OPEN
    if page.feedback_due and timezone.localdate(now) >= page.feedback_due - FEEDBACK_DUE_WITHIN:
        return WorkspaceStatus.FEEDBACK_DUE
    return WorkspaceStatus.CLOSED
