"""Staff sessions: how long they last, and the second factor required before reaching the admin.

Only staff have accounts (young people answer without one; their resume and change codes are
signed cookies of their own, never a session), so everything here is about staff. See
docs/security.md.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from youth_voice.access import needs_second_factor

from . import accounts  # connects the security log's receivers too

SESSION_BEGAN = "chorus_session_began"
SESSION_LAST_SEEN = "chorus_session_last_seen"
# Recording the last request at most once a minute spares a session write on every request.
LAST_SEEN_RESOLUTION = 60

SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def session_has_expired(session, now: float) -> str | None:
    """Why a signed-in session must end now ("idle" or "too long"), or None while it may go on."""
    began = session.get(SESSION_BEGAN)
    last_seen = session.get(SESSION_LAST_SEEN)
    if began is None or last_seen is None:
        return None
    if now - last_seen > settings.CHORUS_STAFF_SESSION_IDLE:
        return "idle"
    if now - began > settings.CHORUS_STAFF_SESSION_MAX:
        return "too long"
    return None


def record_activity(session, now: float) -> None:
    session.setdefault(SESSION_BEGAN, now)
    if now - session.get(SESSION_LAST_SEEN, 0) >= LAST_SEEN_RESOLUTION:
        session[SESSION_LAST_SEEN] = now


class StaffSessionLimitsMiddleware:
    """Signs a member of staff out after 30 idle minutes, and 12 hours after they signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            reason = session_has_expired(request.session, now)
            if reason is None:
                record_activity(request.session, now)
            else:
                accounts.security_log.info("session ended (%s) user=%s", reason, request.user.pk)
                logout(request)
                if reason == "idle":
                    message = _("You were signed out after 30 minutes without activity. Sign in again.")
                else:
                    message = _("You were signed out because you signed in more than 12 hours ago.")
                messages.info(request, message)
        return self.get_response(request)


class RequireStaffMFAMiddleware:
    """Anyone who can read responses (youth_voice.access.needs_second_factor) is sent to set up an
    authenticator app or a passkey before any admin page, and cannot reach the admin until they have."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(reverse("wagtailadmin_home"))
            and request.path != reverse("wagtailadmin_logout")
            and request.user.is_authenticated
            and needs_second_factor(request.user)
            and not is_mfa_enabled(request.user, SECOND_FACTORS)
        ):
            messages.warning(
                request,
                _(
                    "You can read what young people wrote, so your account needs a second step at "
                    "sign-in. Set up an authenticator app (or add a passkey) to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
