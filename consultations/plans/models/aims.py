"""The statutory aims a plan serves: Wales' seven core aims, England's five outcomes, or local ones."""

from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from consultations.uncrc import articles_field, parse_articles

# (framework, number, code, title, summary, UNCRC articles): seeded by migration 0004. The titles and
# summaries are the statutory wording, so the catalogue translates them (see `PlanAim.shown_title`).
STANDARD_AIMS = [
    (
        "wales_core_aims",
        1,
        "core-aim-1",
        gettext_noop("A flying start in life"),
        gettext_noop("Good care and support from the very start."),
        "3, 5, 6, 18, 24",
    ),
    (
        "wales_core_aims",
        2,
        "core-aim-2",
        gettext_noop("Education and learning"),
        gettext_noop("The chance to learn, at school and beyond."),
        "28, 29",
    ),
    (
        "wales_core_aims",
        3,
        "core-aim-3",
        gettext_noop("Health and freedom from abuse"),
        gettext_noop("Being healthy, and safe from harm and exploitation."),
        "6, 19, 24, 32, 33, 34, 35, 36, 37, 39",
    ),
    (
        "wales_core_aims",
        4,
        "core-aim-4",
        gettext_noop("Play, sport, leisure and culture"),
        gettext_noop("Time and places to play, do sport and enjoy culture."),
        "15, 30, 31",
    ),
    (
        "wales_core_aims",
        5,
        "core-aim-5",
        gettext_noop("Being listened to and respected"),
        gettext_noop("Being heard, respected, and having who you are recognised."),
        "2, 7, 8, 12, 13, 14, 16, 17",
    ),
    (
        "wales_core_aims",
        6,
        "core-aim-6",
        gettext_noop("A safe home and community"),
        gettext_noop("A safe home and a community that supports your well-being."),
        "9, 19, 20, 25, 27",
    ),
    (
        "wales_core_aims",
        7,
        "core-aim-7",
        gettext_noop("Not disadvantaged by poverty"),
        gettext_noop("Money worries should not hold you back."),
        "26, 27, 28",
    ),
    (
        "england_outcomes",
        1,
        "outcome-1",
        gettext_noop("Be healthy"),
        gettext_noop("Healthy in body and mind."),
        "24, 31",
    ),
    (
        "england_outcomes",
        2,
        "outcome-2",
        gettext_noop("Stay safe"),
        gettext_noop("Safe from harm, neglect and bullying."),
        "19, 34, 35, 36",
    ),
    (
        "england_outcomes",
        3,
        "outcome-3",
        gettext_noop("Enjoy and achieve"),
        gettext_noop("Enjoying learning and getting the most from it."),
        "28, 29, 31",
    ),
    (
        "england_outcomes",
        4,
        "outcome-4",
        gettext_noop("Make a positive contribution"),
        gettext_noop("Taking part and having a say in your community."),
        "12, 13, 15",
    ),
    (
        "england_outcomes",
        5,
        "outcome-5",
        gettext_noop("Achieve economic well-being"),
        gettext_noop("Not held back by money, ready for work and life."),
        "26, 27",
    ),
]


STANDARD_WORDING = {
    code: {"title": title, "summary": summary} for _f, _n, code, title, summary, _a in STANDARD_AIMS
}


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
    def shown_title(self) -> str:
        """The title in the reader's language: a standard aim whose wording is unchanged is
        interface text the catalogue translates; a local or reworded aim is shown as written."""
        return self._in_reader_language("title")

    @property
    def shown_summary(self) -> str:
        return self._in_reader_language("summary")

    def _in_reader_language(self, field) -> str:
        standard = STANDARD_WORDING.get(self.code)
        value = getattr(self, field)
        return gettext(value) if standard is not None and standard[field] == value else value

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
