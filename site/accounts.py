"""allauth customisation: who may have an account, its messages in Welsh and English, and what
sign-ins leave in the security log.

https://docs.allauth.org/en/latest/account/advanced.html#custom-redirects
"""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa import signals as mfa_signals
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy

# allauth has no Welsh catalogue, and Django's lacks its password rules. allauth's pages and emails
# that Chorus shows are overridden in templates/account/ in Chorus's own words; the labels of
# allauth's forms and Django's password rules are theirs, listed here so that `make messages`
# collects them and Chorus's catalogue gives their Welsh (a project catalogue is read before an
# app's: https://docs.djangoproject.com/en/5.2/topics/i18n/translation/#how-django-discovers-translations).
STAFF_ACCOUNT_STRINGS = [
    gettext_noop("Email"),
    gettext_noop("Password"),
    gettext_noop("Remember Me"),
    gettext_noop("Forgot your password?"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Password (again)"),
    gettext_noop("Email address"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
]


class StaffAccountAdapter(DefaultAccountAdapter):
    """Accounts are for staff, created by an administrator; nobody signs themselves up.

    Young people respond without an account, so public sign-up would only collect personal
    data we do not need.
    """

    # The messages a staff member can meet signing in or resetting a password, in Chorus's words.
    error_messages = DefaultAccountAdapter.error_messages | {
        "account_inactive": _("This staff account has been switched off."),
        "email_password_mismatch": _("That email address and password do not match a staff account."),
        "enter_current_password": _("Type your current password."),
        "incorrect_password": _("That is not your password."),
        "invalid_or_expired_key": _("The link is wrong or has expired."),
        "invalid_login": _("You cannot sign in with these details."),
        "invalid_password_reset": _("The link to reset your password is wrong or has already been used."),
        "too_many_login_attempts": _("Too many tries to sign in. Wait a few minutes, then try again."),
        "unknown_email": _("There is no staff account with that email address."),
        "rate_limited": _("Too many requests. Wait a few minutes, then try again."),
    }

    # The ways to confirm who you are before a sensitive change, in Chorus's words (by allauth's id).
    reauthentication_descriptions = {
        "reauthenticate": _("Use your password"),
        "mfa_reauthenticate": _("Use a code from your authenticator app, or a recovery code"),
        "mfa_reauthenticate:webauthn": _("Use a passkey or security key"),
    }

    def is_open_for_signup(self, request):
        return False

    def get_reauthentication_methods(self, user):
        return [
            method
            | {"description": self.reauthentication_descriptions.get(method["id"], method["description"])}
            for method in super().get_reauthentication_methods(user)
        ]


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
