"""A board paper: the text an editor adjusts before a consultation's paper is generated for a
partnership board (youth_voice.reports builds its figures, quotes and recommendations from the data)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BoardPaper(models.Model):
    consultation = models.OneToOneField(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="board_paper"
    )
    meeting = models.CharField(
        _("board meeting"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Children's Partnership Board, 12 March"),
    )
    purpose = models.TextField(_("purpose"))
    target_population = models.PositiveIntegerField(
        _("how many young people it was meant for"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "The size of the population the consultation was meant to reach, to show the share reached."
        ),
    )
    target_description = models.CharField(
        _("who it was meant for"),
        max_length=300,
        blank=True,
        help_text=_("e.g. 11 to 18 year olds in Harrowby"),
    )
    what_young_people_said = models.TextField(_("what young people said"))
    impact = models.TextField(_("impact"))
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_population__isnull=True) | models.Q(target_population__gte=1),
                name="board_paper_population_positive",
            )
        ]

    def __str__(self):
        return str(_("Board paper: %(title)s") % {"title": self.consultation.title})
