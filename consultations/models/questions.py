"""A questionnaire's questions: the wording editors revise, and the stable identity answers keep.

`Question` rows belong to the consultation page and are managed by its revisions: wording, help
text, options and order change as editors work. Answers never point at them. They point at a
`QuestionIdentity`, one row per consultation and question reference, which no revision or
translation manages: a question dropped by a revision is retired (kept, not shown), and its
answers stay where they are.
"""

import json
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..kinds import KIND_CHOICES, SETTINGS_FIELDS, Option, kind_of, settings_by_kind
from ..references import normalise_question_ref, ref_anchor
from ..translatable import SynchronisedCharBlock
from ..uncrc import articles_field, format_articles, parse_articles

OPTION_CODE_MAX_CHARS = 40
KIND_SETTINGS_JSON = json.dumps(settings_by_kind())
OPTION_MAX_CHARS = 255


class QuestionReferenceField(models.CharField):
    """A question reference stored in its normal form (`Q 6.1` → `6.1`) however it is saved."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        """Normalised when it reads as a reference. Revisions serialise through this too, and a
        draft may hold a reference still being typed: `Question.save` refuses to store one."""
        value = getattr(model_instance, self.attname)
        try:
            value = normalise_question_ref(value)
        except ValidationError:
            return value
        setattr(model_instance, self.attname, value)
        return value


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=OPTION_MAX_CHARS)
    code = SynchronisedCharBlock(
        required=False,
        max_length=OPTION_CODE_MAX_CHARS,
        help_text="Filled in for you. Answers stay with the code when you reword the label.",
    )

    class Meta:
        icon = "list-ul"
        label_format = "{label}"


def option_code(label: str, taken: set[str]) -> str:
    """A short, readable code for a new option, unique within its question."""
    words, base = (slugify(label) or "option").split("-"), ""
    for word in words:  # long labels make long CSV headers: keep the first words
        if base and len(base) + len(word) >= 24:
            break
        base = f"{base}-{word}" if base else word[:24]
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


def options_from_labels(labels) -> list[tuple]:
    """StreamField items for options written as labels; codes are given when the question is saved."""
    return [{"type": "option", "value": {"label": label, "code": ""}} for label in labels]


class Question(TranslatableMixin, ClusterableModel, Orderable):
    """One question as the questionnaire asks it now, found by its reference (`6.1`).

    Translatable, so wagtail-localize offers its wording (prompt, help text, follow-up, section
    heading, option labels) segment by segment; what answers are matched by is synchronised.
    """

    # Made once and carried by every revision and copy: what links the question to its answers,
    # whatever its reference, wording or place becomes.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    page = ParentalKey("consultations.ConsultationPage", on_delete=models.CASCADE, related_name="questions")
    reference = QuestionReferenceField(help_text="e.g. 6.1 (Q 6.1 is the same)")
    prompt = models.CharField(max_length=500)
    help_text = models.TextField(blank=True)
    required = models.BooleanField(default=False)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default="free_text")
    options = StreamField(
        [("option", OptionBlock())],
        blank=True,
        help_text="For choices and rankings: the options. For scales and faces: labels, highest first "
        "(leave empty for the usual ones).",
    )
    max_choices = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Choose any: the most people may tick. Ranking: how many places."
    )
    max_length = models.PositiveIntegerField(
        null=True, blank=True, help_text="Free text: the longest answer allowed (5,000 characters if empty)."
    )
    min_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    scale_points = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Rating: 5 or 10 points. Faces: 3 or 5."
    )
    follow_up_prompt = models.CharField(
        max_length=255,
        blank=True,
        default="If not, why not?",
        help_text="For yes/no questions: the optional follow-up asked under the answer. Empty for none.",
    )
    section_heading = models.CharField(
        max_length=255,
        blank=True,
        help_text="Starts a new section here. Sections are shown one per screen, with Back and Next.",
    )
    show_if_reference = models.CharField(
        "Show only if question",
        max_length=20,
        blank=True,
        help_text="Ask this only when an earlier question was answered a certain way, e.g. 6.1",
    )
    show_if_options = models.CharField(
        "was answered",
        max_length=255,
        blank=True,
        help_text="Option codes, separated by commas, e.g. no or yes, maybe",
    )
    needs_review = models.BooleanField(
        default=False,
        help_text="Drafted from the plan draft's markers: check the prompt and type, then untick.",
    )
    aims = ParentalManyToManyField("consultations.PlanAim", blank=True, related_name="questions")
    uncrc_articles = articles_field(help_text="Article numbers, e.g. 12, 31")

    # Only the fields the chosen kind uses are shown (static/js/question_editor.js reads them from
    # the kinds registry, given to the kind's select); without the script every field shows.
    panels = [
        HelpPanel(template="consultations/admin/question_status_panel.html"),
        FieldPanel("retire"),  # a field of the editor's form (QuestionForm), shown once answered
        FieldRowPanel(
            [
                FieldPanel("reference"),
                FieldPanel("kind", widget=forms.Select(attrs={"data-kind-settings": KIND_SETTINGS_JSON})),
                FieldPanel("required"),
            ]
        ),
        FieldPanel("prompt"),
        FieldPanel("help_text"),
        *[FieldPanel(name) for name in SETTINGS_FIELDS],
        FieldPanel("section_heading"),
        FieldRowPanel([FieldPanel("show_if_reference"), FieldPanel("show_if_options")]),
        MultiFieldPanel(
            [
                FieldPanel("aims", widget=forms.CheckboxSelectMultiple),
                FieldPanel("uncrc_articles"),
                FieldPanel("needs_review"),
            ],
            heading=_("Tags"),
            classname="collapsed",
        ),
    ]
    # The same in every language: a Welsh answer to 6.1 is an answer to 6.1 (consultations.translatable).
    override_translatable_fields = [
        SynchronizedField("key"),
        SynchronizedField("reference"),
        SynchronizedField("kind"),
        SynchronizedField("show_if_reference"),
        SynchronizedField("show_if_options"),
        SynchronizedField("uncrc_articles"),
    ]

    api_fields = [
        APIField("reference"),
        APIField("prompt"),
        APIField("help_text"),
        APIField("required"),
        APIField("kind"),
        APIField("api_options"),
        APIField("section_heading"),
        APIField("show_if_reference"),
    ]

    class Meta(Orderable.Meta):
        unique_together = [("translation_key", "locale")]
        constraints = [
            models.UniqueConstraint(fields=["page", "reference"], name="one_question_per_reference"),
        ]

    def __str__(self):
        return f"Q{self.reference} {self.prompt}"

    @property
    def kind_class(self):
        return kind_of(self.kind)

    @property
    def anchor(self) -> str:
        return ref_anchor(self.reference)

    @property
    def field_name(self) -> str:
        """The form field of this question's answer; follow-ups and ranks add a suffix."""
        return "q_" + self.reference.replace(".", "-")

    @property
    def scale_size(self) -> int | None:
        """How many points a scale has: changing it changes what its answers mean."""
        kind = self.kind_class
        return kind.points(self) if hasattr(kind, "points") else None

    def option_list(self) -> list[Option]:
        """The options the editor wrote, with their codes (given codes as they are saved).

        Read once per value of `options`: reading a StreamField is slow, and forms ask often."""
        options = self.options
        read = self.__dict__.get("_options_read")
        if read is None or read[0] is not options:
            read = (options, [Option(item.value["code"], item.value["label"]) for item in options or []])
            self.__dict__["_options_read"] = read
        return read[1]

    def api_options(self):
        return [{"code": option.code, "label": option.label} for option in self.kind_class.options(self)]

    def show_if_codes(self) -> set[str]:
        return {code.strip() for code in self.show_if_options.split(",") if code.strip()}

    def give_options_codes(self):
        """Give every option a code the first time it is saved; a reworded option keeps its code."""
        items, taken = [], {item.value["code"] for item in self.options or [] if item.value["code"]}
        for item in self.options or []:
            code = item.value["code"] or option_code(item.value["label"], taken)
            taken.add(code)
            items.append(
                {"type": "option", "value": {"label": item.value["label"], "code": code}, "id": item.id}
            )
        self.options = items

    # Set by the editor's form while a draft is saved: a draft keeps whatever was typed, and its
    # problems are told when it is published (consultations.models.admin_form.QuestionForm).
    checking_draft = False

    @property
    def editor_name(self) -> str:
        """How editors and their messages name the question: "Q4 – Tell us about…"."""
        prompt = Truncator(self.prompt.strip()).chars(60)
        if not self.reference:
            return prompt or gettext("A question with no reference yet")
        return self.editor_name_format() % {"reference": self.reference, "prompt": prompt}

    @staticmethod
    def editor_name_format() -> str:
        """The editor's script names panels the same way as they are typed (question_editor.js)."""
        return gettext("Q%(reference)s – %(prompt)s")

    def is_complete(self) -> bool:
        """Whether it can be stored and asked: a reference that reads as one, and a prompt."""
        try:
            normalise_question_ref(self.reference)
        except ValidationError:
            return False
        return bool(self.prompt.strip())

    def clear_other_kinds_settings(self):
        """Leftovers of another kind (options of a question made free text, say) are not kept."""
        used = set(self.kind_class.settings)
        for name in SETTINGS_FIELDS:
            if name not in used:
                empty = [] if name == "options" else None if self._meta.get_field(name).null else ""
                setattr(self, name, empty)

    def clean(self):
        super().clean()
        errors = {}
        self.clear_other_kinds_settings()
        if self.reference or not self.checking_draft:
            try:
                self.reference = normalise_question_ref(self.reference)
            except ValidationError as error:
                errors["reference"] = error
        try:
            self.uncrc_articles = format_articles(parse_articles(self.uncrc_articles))
        except ValidationError as error:
            errors["uncrc_articles"] = error
        if self.show_if_reference:
            try:
                self.show_if_reference = normalise_question_ref(self.show_if_reference)
            except ValidationError as error:
                errors["show_if_reference"] = error
            if not self.show_if_codes():
                errors["show_if_options"] = _("Say which answers to that question show this one.")
        self.give_options_codes()
        codes = [option.code for option in self.option_list()]
        if len(codes) != len(set(codes)):
            errors["options"] = _("Two options have the same code: give each its own.")
        errors |= self.kind_class.settings_errors(self)
        if errors and not self.checking_draft:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.reference = normalise_question_ref(self.reference)  # never stored unless it reads as one
        self.give_options_codes()
        super().save(*args, **kwargs)


class QuestionIdentity(models.Model):
    """A question as answers know it, which no revision or translation manages.

    It follows its question (by `question_key`) through new wording, references and order, and
    remembers the kind, the points of a scale and every option code offered (with the last label
    each had), so answers are always read as they were given. When its question is dropped, or is
    given a new kind or scale once answered, it is retired: no longer asked, its answers kept and
    still summarised; the question, if still asked, starts a new identity. One identity is asked
    per consultation and reference at a time.
    """

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="question_identities"
    )
    question_key = models.UUIDField()
    reference = QuestionReferenceField()
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    points = models.PositiveSmallIntegerField(null=True, blank=True)  # a scale's, else empty
    prompt = models.CharField(max_length=500)
    # [{"code": …, "label": …, "retired": bool}] in the questionnaire's order, retired ones last.
    known_options = models.JSONField(default=list)
    retired = models.BooleanField(default=False, help_text="No longer asked. Its answers are kept.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "reference"],
                condition=models.Q(retired=False),
                name="one_asked_identity_per_reference",
            ),
            models.UniqueConstraint(
                fields=["consultation", "question_key"],
                condition=models.Q(retired=False),
                name="one_asked_identity_per_question",
            ),
        ]

    def __str__(self):
        return f"Q{self.reference}"

    @property
    def anchor(self) -> str:
        return ref_anchor(self.reference)

    @property
    def kind_class(self):
        return kind_of(self.kind)

    @property
    def column_reference(self) -> str:
        """How CSV columns name it: a retired question is told apart from one asked now."""
        return f"{self.reference} retired {self.pk}" if self.retired else self.reference

    def options(self) -> list[Option]:
        return [Option(o["code"], o["label"], o.get("retired", False)) for o in self.known_options]
