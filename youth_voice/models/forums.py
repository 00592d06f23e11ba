"""Youth forums and their meetings: the groups through which partnerships hear most young people.

A forum's facilitators are staff users; its members are young people's own accounts, kept in
`youth_voice.forums`. A group response (`Response` with speaks_for=GROUP) names the forum or the
event it came from, and its tallies are `GroupTally` rows, a series of their own.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ForumKind(models.TextChoices):
    YOUTH_FORUM = "youth_forum", _("Youth forum")
    SHADOW_BOARD = "shadow_board", _("Shadow board")
    YOUTH_CABINET = "youth_cabinet", _("Youth cabinet")
    SCHOOL_COUNCIL = "school_council", _("School council")
    YOUNG_CARERS = "young_carers", _("Young carers' group")
    OTHER = "other", _("Other")


def check_age_range(youngest, oldest, field="oldest"):
    """Both ages optional; when both are given, the youngest is not older than the oldest."""
    if youngest is not None and oldest is not None and youngest > oldest:
        raise ValidationError({field: _("The oldest age cannot be below the youngest.")})


class Forum(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ForumKind.choices, default=ForumKind.YOUTH_FORUM
    )
    area = models.CharField(_("area"), max_length=100, blank=True)
    youngest = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    oldest = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    meets = models.CharField(_("how often it meets"), max_length=200, blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_forums",
        verbose_name=_("facilitators"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self):
        return self.name

    def clean(self):
        check_age_range(self.youngest, self.oldest)


class ForumEvent(models.Model):
    """A meeting or event of a forum: when, where, and who came (a count and an age range)."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="events", verbose_name=_("forum"))
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    attended = models.PositiveIntegerField(_("how many came"), null=True, blank=True)
    youngest = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    oldest = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("forum event")
        verbose_name_plural = _("forum events")

    def __str__(self):
        return f"{self.title} ({self.date:%d %b %Y})"

    def clean(self):
        check_age_range(self.youngest, self.oldest)
