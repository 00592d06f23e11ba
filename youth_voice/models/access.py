"""Which officers a consultation is given to: the records youth_voice.access reads.

A separate model rather than a field on the consultation page: who may read children's answers is
not page content, so it is never part of a revision, a translation or a scheduled publish, and it
changes at once when an administrator gives or takes it away. See docs/security.md.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationPage


class ConsultationAccessQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user_id=user.pk)


class ConsultationAccess(models.Model):
    """An officer given one consultation: they read its responses (in every language version)."""

    consultation = models.ForeignKey(
        ConsultationPage,
        on_delete=models.CASCADE,
        related_name="officer_access",
        verbose_name=_("consultation"),
        help_text=_("Every language version of the consultation is given with it."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consultation_access",
        verbose_name=_("officer"),
    )
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    objects = ConsultationAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation given to an officer")
        verbose_name_plural = _("consultations given to officers")
        ordering = ["consultation__title", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="one_access_per_officer")
        ]
        # Partnership readers see published figures of every consultation, never a response.
        permissions = [("view_figures", "Can see the figures of every consultation, without responses")]

    def __str__(self):
        return f"{self.consultation.title} – {self.user.get_username()}"

    def save(self, *args, **kwargs):
        # Responses are kept against a consultation's first language version: access is too, so
        # giving the Welsh version gives the same responses as giving the English one.
        self.consultation = self.consultation.answers_page
        super().save(*args, **kwargs)
