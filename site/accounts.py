"""allauth customisation: who may have an account, and what sign-ins leave in the security log.

https://docs.allauth.org/en/latest/account/advanced.html#custom-redirects
"""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa import signals as mfa_signals
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver


class StaffAccountAdapter(DefaultAccountAdapter):
    """Accounts are for staff, created by an administrator; nobody signs themselves up.

    Young people respond without an account, so public sign-up would only collect personal
    data we do not need.
    """

    def is_open_for_signup(self, request):
        return False


# --- What is logged (logger "chorus.security"; see docs/security.md) ---
# Connected when chorus.staff_sessions is loaded with the middleware, before any request is served.
security_log = logging.getLogger("chorus.security")


def _address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    security_log.info("sign-in user=%s address=%s", user.pk, _address(request))


@receiver(user_logged_out)
def log_sign_out(sender, request, user, **kwargs):
    security_log.info("sign-out user=%s", getattr(user, "pk", None))


@receiver(user_login_failed)
def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    # Django has already hidden the password; the address typed is a member of staff's.
    security_log.warning(
        "sign-in failed login=%s address=%s",
        credentials.get("email") or credentials.get("username"),
        _address(request),
    )


@receiver(mfa_signals.authenticator_added)
@receiver(mfa_signals.authenticator_removed)
@receiver(mfa_signals.authenticator_reset)
def log_second_factor_change(sender, request, user, authenticator, signal, **kwargs):
    change = {
        mfa_signals.authenticator_added: "added",
        mfa_signals.authenticator_removed: "removed",
        mfa_signals.authenticator_reset: "reset",
    }[signal]
    security_log.info("second factor %s user=%s type=%s", change, user.pk, authenticator.type)


@receiver(mfa_signals.authentication_failed)
def log_failed_second_factor(sender, request, user, **kwargs):
    security_log.warning("second factor failed user=%s address=%s", user.pk, _address(request))
