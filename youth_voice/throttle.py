"""Limits on guessing codes, counted in the cache (Redis in production, so every process counts together)."""

from django.conf import settings
from django.core.cache import cache


def _client(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def _keys(request, reference):
    limits = settings.CHORUS_CODE_ATTEMPTS
    return [
        (f"wrong-code:address:{_client(request)}", limits["per_address"]),
        (f"wrong-code:response:{reference}", limits["per_response"]),
    ]


def code_attempts_blocked(request, reference: str) -> bool:
    """Whether this address, or anyone trying this response's reference, has guessed wrong too often."""
    return any((cache.get(key) or 0) >= limit["limit"] for key, limit in _keys(request, reference))


def record_wrong_code(request, reference: str) -> None:
    for key, limit in _keys(request, reference):
        if not cache.add(key, 1, timeout=limit["seconds"]):
            try:
                cache.incr(key)
            except ValueError:  # expired in between
                cache.set(key, 1, timeout=limit["seconds"])
