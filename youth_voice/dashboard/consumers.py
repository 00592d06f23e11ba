"""The websocket an officer's live dashboard keeps open: new figures whenever a response is stored.

Authenticated by the admin session (Channels' AuthMiddlewareStack); anyone who may not read the
consultation's responses (youth_voice.access) is refused with close code 4403, whether or not the
consultation exists, so ids cannot be probed.
"""

import asyncio

from channels.db import database_sync_to_async
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.users.models import UserProfile

from consultations.models import ConsultationPage

from .. import access
from ..consumers import GuardedJsonWebsocketConsumer
from .announce import dashboard_group
from .figures import dashboard_figures

FORBIDDEN = 4403
# A burst of responses (a class sending at once, a live vote) makes one refresh, not one each:
# the first announcement starts the wait, those arriving during it ride along.
COALESCE_SECONDS = 0.5


@database_sync_to_async
def _watched(user, page_id):
    """(the consultation's first version, the officer's admin language), or (None, None)."""
    page = ConsultationPage.objects.filter(pk=page_id).first()
    consultation = page and page.answers_page
    if consultation is None or not access.can_watch_responses_arrive(user, consultation):
        return None, None
    return consultation, UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


def figures_message(consultation, user, language) -> dict:
    """The numbers, and the same HTML the page shows without JavaScript, in the officer's language."""
    with override(language):
        figures = dashboard_figures(consultation, user)
        html = render_to_string(
            "youth_voice/dashboard/_figures.html", {"consultation": consultation, "figures": figures}
        )
    return {"type": "figures", **figures.as_message(), "html": html}


class LiveDashboardConsumer(GuardedJsonWebsocketConsumer):
    group = None
    pending = None

    async def connect(self):
        user = self.scope["user"]
        self.consultation, self.language = await _watched(user, self.scope["url_route"]["kwargs"]["page_id"])
        if self.consultation is None:
            # Accepted then closed, so the browser sees the reason and stops reconnecting.
            await self.accept()
            await self.close(code=FORBIDDEN)
            return
        self.group = dashboard_group(self.consultation.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_figures()

    async def disconnect(self, code):
        if self.pending:
            self.pending.cancel()
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        await self.send_error("send_only", "This socket only sends figures.")

    async def dashboard_changed(self, event):
        if self.pending is None:
            self.pending = asyncio.create_task(self.refresh_soon())

    async def refresh_soon(self):
        await asyncio.sleep(COALESCE_SECONDS)
        self.pending = None  # a response stored while reading schedules the next refresh
        await self.send_figures()

    async def send_figures(self):
        message = await database_sync_to_async(figures_message)(
            self.consultation, self.scope["user"], self.language
        )
        await self.send_json(message)
