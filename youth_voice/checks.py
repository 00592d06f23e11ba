"""System checks: the demo must never be part of a live site.

Registered as a deployment check (`manage.py check --deploy`), so a production deployment whose
database holds the demo officer (its password is printed in the README) fails loudly.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, register
from django.db import DatabaseError
from django.db.models import Q

from .demo import OFFICER_EMAIL, OFFICER_USERNAME


def demo_users():
    """Users the demo creates (the officer), found by its username or its address."""
    return get_user_model().objects.filter(Q(username=OFFICER_USERNAME) | Q(email__iexact=OFFICER_EMAIL))


@register(Tags.security, deploy=True)
def no_demo_users_in_production(app_configs=None, **kwargs):
    if not settings.CHORUS_PRODUCTION:
        return []
    try:
        found = list(demo_users().values_list("username", flat=True))
    except DatabaseError:  # not migrated yet: there can be no demo user either
        return []
    if not found:
        return []
    return [
        Error(
            "The demo officer exists in this production database; its password is public.",
            hint=f"Delete the user(s) {', '.join(found)} (the demo is for local use only).",
            id="youth_voice.E001",
        )
    ]
