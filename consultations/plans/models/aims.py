"""The statutory aims a plan serves: Wales' seven core aims, England's five outcomes, or local ones."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from consultations.uncrc import articles_field, parse_articles

# (framework, number, code, title, summary, UNCRC articles): seeded by migration 0004.
STANDARD_AIMS = [
    (
        "wales_core_aims",
        1,
        "core-aim-1",
        "A flying start in life",
        "Good care and support from the very start.",
        "3, 5, 6, 18, 24",
    ),
    (
        "wales_core_aims",
        2,
        "core-aim-2",
        "Education and learning",
        "The chance to learn, at school and beyond.",
        "28, 29",
    ),
    (
        "wales_core_aims",
        3,
        "core-aim-3",
        "Health and freedom from abuse",
        "Being healthy, and safe from harm and exploitation.",
        "6, 19, 24, 32, 33, 34, 35, 36, 37, 39",
    ),
    (
        "wales_core_aims",
        4,
        "core-aim-4",
        "Play, sport, leisure and culture",
        "Time and places to play, do sport and enjoy culture.",
        "15, 30, 31",
    ),
    (
        "wales_core_aims",
        5,
        "core-aim-5",
        "Being listened to and respected",
        "Being heard, respected, and having who you are recognised.",
        "2, 7, 8, 12, 13, 14, 16, 17",
    ),
    (
        "wales_core_aims",
        6,
        "core-aim-6",
        "A safe home and community",
        "A safe home and a community that supports your well-being.",
        "9, 19, 20, 25, 27",
    ),
    (
        "wales_core_aims",
        7,
        "core-aim-7",
        "Not disadvantaged by poverty",
        "Money worries should not hold you back.",
        "26, 27, 28",
    ),
    ("england_outcomes", 1, "outcome-1", "Be healthy", "Healthy in body and mind.", "24, 31"),
    (
        "england_outcomes",
        2,
        "outcome-2",
        "Stay safe",
        "Safe from harm, neglect and bullying.",
        "19, 34, 35, 36",
    ),
    (
        "england_outcomes",
        3,
        "outcome-3",
        "Enjoy and achieve",
        "Enjoying learning and getting the most from it.",
        "28, 29, 31",
    ),
    (
        "england_outcomes",
        4,
        "outcome-4",
        "Make a positive contribution",
        "Taking part and having a say in your community.",
        "12, 13, 15",
    ),
    (
        "england_outcomes",
        5,
        "outcome-5",
        "Achieve economic well-being",
        "Not held back by money, ready for work and life.",
        "26, 27",
    ),
]


@register_snippet
class PlanAim(models.Model):
    class Framework(models.TextChoices):
        WALES_CORE_AIMS = "wales_core_aims", _("The seven core aims (Wales)")
        ENGLAND_OUTCOMES = "england_outcomes", _("The five outcomes (England)")
        LOCAL = "local", _("Local aims")

    framework = models.CharField(max_length=20, choices=Framework.choices)
    number = models.PositiveSmallIntegerField(help_text=_("Its place in the framework's list"))
    # Plan paragraphs store this code, so renaming an aim never breaks a tag.
    code = models.SlugField(max_length=40, unique=True, help_text=_("e.g. core-aim-5"))
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text=_("What it means, in plain words"))
    uncrc_articles = articles_field(help_text=_("The articles this aim serves, e.g. 12, 13"))

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


def ensure_standard_aims(model=None) -> None:
    """Put back any of the standard aims that are missing (the demo relies on them).

    `model` is the migration's historical PlanAim when seeding.
    """
    for framework, number, code, title, summary, articles in STANDARD_AIMS:
        (model or PlanAim).objects.get_or_create(
            code=code,
            defaults={
                "framework": framework,
                "number": number,
                "title": title,
                "summary": summary,
                "uncrc_articles": articles,
            },
        )
