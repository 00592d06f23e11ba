"""The websocket a safeguarding lead's admin pages keep open, to be told of new alerts at once.

Authenticated by the admin session (Channels' AuthMiddlewareStack); anyone without the
safeguarding permission is refused with close code 4403. Site administrators also hear escalations.
"""

from channels.db import database_sync_to_async
from django.conf import settings
from django.utils.translation import gettext, override
from wagtail.users.models import UserProfile

from ..consumers import GuardedJsonWebsocketConsumer
from .alerts import ADMINS_GROUP, LEADS_GROUP
from .models import Category
from .visibility import may_read_flagged

FORBIDDEN = 4403


@database_sync_to_async
def _groups_and_language(user) -> tuple[list[str], str]:
    groups = [LEADS_GROUP] if may_read_flagged(user) else []
    if user.is_authenticated and user.is_active and user.is_superuser:
        groups.append(ADMINS_GROUP)
    if not groups:
        return groups, settings.LANGUAGE_CODE
    return groups, UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


def notice_text(message: dict, language: str) -> str:
    """The notice a browser shows, in the lead's own admin language."""
    with override(language):
        values = {"category": Category(message["category"]).label, "reference": message["reference"]}
        if message["type"] == "safeguarding.escalated":
            return (
                gettext(
                    "A safeguarding alert (%(category)s, response %(reference)s) has not been "
                    "acknowledged in time."
                )
                % values
            )
        return gettext("New safeguarding alert: %(category)s, response %(reference)s.") % values


class SafeguardingAlertConsumer(GuardedJsonWebsocketConsumer):
    groups_joined: list[str]
    language: str

    async def connect(self):
        self.groups_joined, self.language = await _groups_and_language(self.scope["user"])
        if not self.groups_joined:
            # Accepted then closed, so the browser sees the reason and stops reconnecting.
            await self.accept()
            await self.close(code=FORBIDDEN)
            return
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """Anything sent here is answered with an error (bad frames by the base class); the socket
        stays open."""
        await self.send_error("send_only", "This socket only sends alerts.")

    async def safeguarding_message(self, event):
        message = event["message"]
        await self.send_json(message | {"text": notice_text(message, self.language)})
