"""Rate limits, counted in the cache (Redis in production, so every process counts together).

One small limiter serves every limit: a limit is a number of events allowed per window of
seconds, counted per subject (an address, a consultation, a submission key, a response). Windows
are fixed (the count starts again at each whole multiple of `seconds`), so the refusal can say
exactly when to try again. The numbers live in settings (`CHORUS_LIMITS`, documented in
docs/security.md), so an operator can raise them for a large event without a code change.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

# Read through the module, so tests can move time on without sleeping. A count is kept a little
# longer than its window (in real time: the cache's own clock); a test moving time on slower or
# faster than real time widens the margin.
clock = time.time
margin_seconds = 1


@dataclass(frozen=True)
class Limit:
    name: str  # the setting it comes from, e.g. "submit_per_address_burst"
    limit: int
    seconds: int

    @classmethod
    def named(cls, name):
        configured = settings.CHORUS_LIMITS[name]
        return cls(name, int(configured["limit"]), int(configured["seconds"]))

    def _window(self, now) -> int:
        return int(now // self.seconds)

    def key(self, subject, now) -> str:
        return f"limit:{self.name}:{subject}:{self._window(now)}"

    def wait(self, now) -> int:
        """Seconds until this limit's window starts again."""
        return max(1, int((self._window(now) + 1) * self.seconds - now + 0.999))


class Limited(Exception):
    """Over a limit: `retry_after` says in how many seconds it is worth trying again."""

    def __init__(self, limit: Limit, retry_after: int):
        super().__init__(limit.name)
        self.limit = limit
        self.retry_after = retry_after


def client_address(request) -> str:
    # Daphne runs with --proxy-headers in production: REMOTE_ADDR is the client's address.
    return request.META.get("REMOTE_ADDR", "")


def over(checks) -> Limited | None:
    """The first of `checks` ((Limit, subject) pairs) already used up, without counting anything."""
    now = clock()
    for limit, subject in checks:
        if (cache.get(limit.key(subject, now)) or 0) >= limit.limit:
            return Limited(limit, limit.wait(now))
    return None


def count(checks) -> None:
    """Count one event against each of `checks`."""
    now = clock()
    for limit, subject in checks:
        _count_one(limit, subject, now)


def take(checks) -> None:
    """Count one event, or raise Limited (counting nothing) when any of `checks` is used up.

    Counted first and given back when refused: the common case then costs one cache round trip
    per limit instead of a read before each count (a live session's votes pass through here)."""
    now = clock()
    counted = [(limit, subject, _count_one(limit, subject, now)) for limit, subject in checks]
    refused = next((limit for limit, _subject, total in counted if total > limit.limit), None)
    if refused:
        for limit, subject, _total in counted:
            _uncount_one(limit, subject, now)
        raise Limited(refused, refused.wait(now))


def _count_one(limit, subject, now) -> int:
    """Count one event against one limit; returns the window's count with it."""
    key = limit.key(subject, now)
    timeout = limit.seconds + margin_seconds
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired in between
        cache.set(key, 1, timeout=timeout)
        return 1


def _uncount_one(limit, subject, now) -> None:
    try:
        cache.decr(limit.key(subject, now))
    except ValueError:  # expired meanwhile: nothing left to give back
        pass


def _checks(prefix, **subjects):
    """Every configured limit whose name is `<prefix>_per_<subject>[_<anything>]`, with its subject."""
    checks = []
    for name in settings.CHORUS_LIMITS:
        if not name.startswith(prefix + "_per_"):
            continue
        for kind, subject in subjects.items():
            if name == f"{prefix}_per_{kind}" or name.startswith(f"{prefix}_per_{kind}_"):
                checks.append((Limit.named(name), subject))
    return checks


def submission_checks(request, consultation_id, submission_key=None):
    """The limits on sending or saving answers: per address, per consultation and per form."""
    subjects = {"address": client_address(request), "consultation": consultation_id}
    if submission_key is not None:
        subjects["key"] = submission_key
    return _checks("submit", **subjects)


def code_checks(request, consultation_id, reference):
    """The limits on wrong codes: per address, per consultation and per response."""
    return _checks(
        "wrong_code", address=client_address(request), consultation=consultation_id, response=reference
    )


def member_sign_in_checks(request, username):
    """The limits on wrong forum member sign-ins: per address and per username."""
    return _checks("member_sign_in", address=client_address(request), username=(username or "").lower())


def honeypot_filled(consultation_id) -> None:
    """Count a form whose hidden "leave this empty" field was filled (a robot, nearly always)."""
    count([(Limit("honeypot", 1, 24 * 3600), consultation_id)])


def honeypots_today(consultation_id) -> int:
    limit = Limit("honeypot", 1, 24 * 3600)
    return cache.get(limit.key(consultation_id, clock())) or 0
