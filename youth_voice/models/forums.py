"""Youth forums and their meetings: the groups through which partnerships hear most young people.

A forum's facilitators are staff users; its members are young people's own accounts, kept in
`youth_voice.forums`. A group response (`Response` with speaks_for=GROUP) names the forum or the
event it came from, and its tallies are `GroupTally` rows, a series of their own.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


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


@dataclass(frozen=True)
class Places:
    """One kind of place in a forum: how many there are, and how many are held now. `total` is
    None for general places in a forum without a number of seats (no limit)."""

    label: str
    total: int | None
    filled: int
    reserved: "ReservedPlaces | None" = None

    @property
    def vacant(self) -> int | None:
        return None if self.total is None else max(self.total - self.filled, 0)

    @property
    def full(self) -> bool:
        return self.total is not None and self.filled >= self.total


def check_reserved_places(seats, numbers) -> None:
    """Reserved places are part of the seats: together they cannot be more than the seats."""
    reserved = sum(number or 0 for number in numbers)
    if not reserved:
        return
    if seats is None:
        raise ValidationError({"seats": _("Give the number of seats: reserved places are part of them.")})
    if reserved > seats:
        raise ValidationError(
            {
                "seats": _(
                    "The reserved places add up to %(reserved)s, more than the %(seats)s seats. "
                    "Add seats or reserve fewer places."
                )
                % {"reserved": reserved, "seats": seats}
            }
        )


class Forum(ClusterableModel):
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
    seats = models.PositiveSmallIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_("How many young people it has places for. Leave empty for no limit."),
    )
    consultations = models.ManyToManyField(
        "consultations.ConsultationPage",
        blank=True,
        related_name="forums",
        verbose_name=_("consultations put to it"),
    )
    slug = models.SlugField(
        _("public page address"),
        max_length=80,
        blank=True,
        help_text=_(
            "Give an address (such as harrowby-youth-forum) for a public page showing the forum and "
            "its vacant places, never anyone's name. Leave empty for no public page."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=~models.Q(slug=""), name="one_forum_per_public_address"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        check_age_range(self.youngest, self.oldest)

    def places(self) -> list[Places]:
        """Each kind of reserved place, then the general places (the seats left over), with how
        many of each are held by members now. Counts only: never who holds them."""
        held = dict(self.memberships.current().values_list("place").annotate(models.Count("pk")).order_by())
        reserved = list(self.reserved_places.all())
        kinds = [Places(r.label, r.number, held.get(r.pk, 0), r) for r in reserved]
        general = None if self.seats is None else self.seats - sum(r.number for r in reserved)
        return [*kinds, Places(str(_("General places")), general, held.get(None, 0))]

    def check_place_free(self, reserved_places=None) -> None:
        """Refuse a new member a place of a kind that is full (a clear message, on `place`)."""
        wanted = reserved_places.pk if reserved_places else None
        for kind in self.places():
            if (kind.reserved.pk if kind.reserved else None) == wanted and kind.full:
                raise ValidationError(
                    {
                        "place": _("All %(total)s of the forum's %(kind)s are taken.")
                        % {"total": kind.total, "kind": kind.label.lower()}
                    }
                )


class ReservedPlaces(models.Model):
    """Places kept for young people of a kind (say 4 for young people from minority ethnic groups)."""

    forum = ParentalKey(Forum, on_delete=models.CASCADE, related_name="reserved_places")
    label = models.CharField(
        _("places for"),
        max_length=200,
        help_text=_("Say who they are for, e.g. “Places for young people in care”."),
    )
    number = models.PositiveSmallIntegerField(_("number of places"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("reserved places")
        verbose_name_plural = _("reserved places")
        constraints = [
            models.UniqueConstraint(fields=["forum", "label"], name="one_row_per_kind_of_place"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="reserved_places_at_least_one"),
        ]

    def __str__(self):
        return self.label


class ForumEvent(models.Model):
    """A meeting or event of a forum: when, where, and who came (a count and an age range)."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="events", verbose_name=_("forum"))
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    attended = models.PositiveIntegerField(_("how many came"), null=True, blank=True)
    youngest = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    oldest = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    members = models.ManyToManyField(
        "youth_voice.Membership",
        blank=True,
        related_name="events",
        verbose_name=_("members who came"),
        help_text=_("Optional. The count above includes them, and anyone else who came."),
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("forum event")
        verbose_name_plural = _("forum events")

    def __str__(self):
        return f"{self.title} ({self.date:%d %b %Y})"

    def clean(self):
        check_age_range(self.youngest, self.oldest)


def check_attendance(attended, members_ticked: int) -> None:
    """The number who came includes every member ticked as there."""
    if members_ticked and (attended is None or attended < members_ticked):
        raise ValidationError(
            {
                "attended": _(
                    "%(ticked)s members are ticked as there, so at least %(ticked)s came. "
                    "Give a number of %(ticked)s or more."
                )
                % {"ticked": members_ticked}
            }
        )
