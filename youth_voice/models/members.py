"""Young people's own forum accounts: an alias and a sign-in code, never an email address or a name.

A facilitator makes the account and gives the member their username and sign-in code (kept only
as a password hash). A member under 13 joins only with a parent's or carer's consent on record.
When a member leaves, the account keeps no personal details (`erased_at`), and their memberships
end, so a forum's places and its past events still add up.
"""

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONSENT_AGE = 13  # under it, a parent or carer's consent is recorded (UK GDPR, Article 8)


class ForumMember(models.Model):
    username = models.CharField(
        _("username"),
        max_length=40,
        unique=True,
        null=True,
        help_text=_("What the member types to sign in, e.g. sky-fox-12. Not their name."),
        error_messages={"unique": _("That username is taken. Choose another.")},
    )
    alias = models.CharField(
        _("alias"), max_length=60, help_text=_("The name the forum knows them by here. Not their real name.")
    )
    code_hash = models.CharField(max_length=128, editable=False)
    age = models.PositiveSmallIntegerField(_("age when they joined"))
    consent_given_on = models.DateField(_("date consent was given"), null=True, blank=True)
    consent_given_by = models.CharField(
        _("consent given by"),
        max_length=120,
        blank=True,
        help_text=_("Who gave it, e.g. “parent: Mrs Jones”."),
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["alias"]
        verbose_name = _("forum member")
        verbose_name_plural = _("forum members")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age__gte=CONSENT_AGE)
                | models.Q(consent_given_on__isnull=False)
                | models.Q(erased_at__isnull=False),
                name="consent_recorded_for_members_under_13",
            )
        ]

    def __str__(self):
        return self.alias or str(_("(left)"))

    @property
    def needs_consent(self) -> bool:
        return self.age is not None and self.age < CONSENT_AGE

    def clean(self):
        if self.needs_consent:
            missing = {}
            if not self.consent_given_on:
                missing["consent_given_on"] = _(
                    "A member under 13 can only join with a parent's or carer's consent: "
                    "give the date it was given."
                )
            if not self.consent_given_by.strip():
                missing["consent_given_by"] = _(
                    "A member under 13 can only join with a parent's or carer's consent: say who gave it."
                )
            if missing:
                raise ValidationError(missing)

    def set_code(self, code: str) -> None:
        self.code_hash = make_password(normalise_code(code))

    def code_matches(self, code: str) -> bool:
        return bool(self.code_hash) and check_password(normalise_code(code), self.code_hash)

    def erase(self) -> None:
        """Forget who they were: the row stays (with its age) only so that counts stay right."""
        self.username = None
        self.alias = ""
        self.code_hash = ""
        self.consent_given_by = ""
        self.consent_recorded_by = None
        self.erased_at = timezone.now()


def normalise_code(code: str) -> str:
    """`abcd 2345` and `ABCD-2345` are the same code: typed on a phone, case and gaps do not count."""
    return "".join(c for c in (code or "").upper() if c.isalnum())


class MembershipQuerySet(models.QuerySet):
    def current(self):
        return self.filter(left_on__isnull=True)


class Membership(models.Model):
    """A member's place in a forum, from the day they joined until the day they left."""

    member = models.ForeignKey(ForumMember, on_delete=models.CASCADE, related_name="memberships")
    forum = models.ForeignKey(
        "youth_voice.Forum", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("forum")
    )
    place = models.ForeignKey(
        "youth_voice.ReservedPlaces",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("place"),
    )
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    left_on = models.DateField(_("left"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["member__alias", "pk"]
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "forum"],
                condition=models.Q(left_on__isnull=True),
                name="one_current_membership_per_forum",
            )
        ]

    def __str__(self):
        return f"{self.member} – {self.forum}"
