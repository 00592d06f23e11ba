"""The embedded default's channel layer: Channels' in-memory layer, cleaned at most once a second.

Channels cleans out expired messages and group memberships on every send and receive by walking
every channel and membership of the process: with a thousand phones in a live session, that walk
was most of what a vote cost the process (docs/live-dashboard.md). Messages expire after a minute
and memberships after a day, so cleaning a second later changes nothing anyone sees.
"""

import time

from channels.layers import InMemoryChannelLayer


class ThrottledCleaningInMemoryChannelLayer(InMemoryChannelLayer):
    clean_every_seconds = 1.0
    _cleaned_at = float("-inf")

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._cleaned_at >= self.clean_every_seconds:
            self._cleaned_at = now
            super()._clean_expired()
