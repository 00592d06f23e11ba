"""The statutory aims a plan serves: Wales' seven core aims, England's five outcomes, or local ones."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from ..uncrc import parse_articles, validate_articles


@register_snippet
class PlanAim(models.Model):
    class Framework(models.TextChoices):
        WALES_CORE_AIMS = "wales_core_aims", "The seven core aims (Wales)"
        ENGLAND_OUTCOMES = "england_outcomes", "The five outcomes (England)"
        LOCAL = "local", "Local aims"

    framework = models.CharField(max_length=20, choices=Framework.choices)
    number = models.PositiveSmallIntegerField(help_text="Its place in the framework's list")
    # Plan paragraphs store this code, so renaming an aim never breaks a tag.
    code = models.SlugField(max_length=40, unique=True, help_text="e.g. core-aim-5")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="What it means, in plain words")
    uncrc_articles = models.CharField(
        "UNCRC articles",
        max_length=200,
        blank=True,
        validators=[validate_articles],
        help_text="The articles this aim serves, e.g. 12, 13",
    )

    panels = [
        FieldPanel("framework"),
        FieldPanel("number"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("uncrc_articles"),
    ]

    class Meta:
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="one_aim_per_number")]

    def __str__(self):
        return f"{self.get_framework_display()} {self.number}: {self.title}"

    @property
    def article_numbers(self) -> list[int]:
        return parse_articles(self.uncrc_articles)


def aim_choices():
    """Choices for a plan paragraph's aims, read when the editing form is built."""
    return [(aim.code, f"{aim.number}. {aim.title}") for aim in PlanAim.objects.all()]
