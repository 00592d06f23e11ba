"""The form an officer fills in for a group's response: where it came from, whom it speaks for,
and per question either tallies or the group's agreed answer.

Agreed answers use each question kind's own fields and checks (the public form's, through
`ResponseForm`), none of them required: a group answers what it discussed. Tally fields are named
after the question's fields (`q_6-2_tally_a-week`), so an officer's typing survives an error.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations.about_you import Publication
from consultations.questionnaire import Questionnaire

from ..forms import ResponseForm
from ..models import Forum, ForumEvent, GroupMethod
from ..models.forums import check_age_range
from .services import DETAIL_FIELDS, where_from
from .tallies import tally_problem

AGE_LIMIT = 25  # the oldest a young person the partnerships hear can be
# Bounds every tally too (none may pass the group's size), within what every database's integer holds.
LARGEST_GROUP = 100_000


def tally_name(question, code) -> str:
    return f"{question.field_name}_tally_{code}"


class TallyField(forms.IntegerField):
    """How many of the group chose one option: a whole number, 0 or more, or blank (not counted)."""

    def __init__(self, question, option):
        where = _("Question %(reference)s, “%(option)s”") % {
            "reference": question.reference,
            "option": option.label,
        }
        super().__init__(
            label=option.label,
            required=False,
            min_value=0,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "class": "tally"}),
            error_messages={
                "invalid": _("%(where)s: enter a whole number, like 14.") % {"where": where},
                "min_value": _("%(where)s: a tally cannot be below 0.") % {"where": where},
            },
        )


def _age_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=AGE_LIMIT,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter an age in whole years, like 14."),
            "min_value": _("Enter an age in whole years, like 14."),
            "max_value": _("Enter an age of %(limit_value)s or under."),
        },
    )


class GroupResponseForm(ResponseForm):
    """Bound to posted data to record or correct; `initial` (see `initial_for`) to show a stored one.
    `forums`: those the group may come from (youth_voice.access.group_forums_for), with their events."""

    def __init__(self, page, data=None, *, initial=None, new=True, forums=None):
        forums = Forum.objects.all() if forums is None else forums
        questions = Questionnaire(page).questions
        self.agreed = [q for q in questions if data is not None and _typed(data, q)]
        super().__init__(page, questions, data, initial=initial, with_about_you=False, shown=self.agreed)
        for name in list(self.fields):
            self.fields[name].required = False
        if not new:
            del self.fields["submission_key"]
        self.fields.update(
            forum=forms.ModelChoiceField(
                label=_("Forum"),
                queryset=forums,
                required=False,
                empty_label=_("Choose a forum"),
            ),
            event=forms.ModelChoiceField(
                label=_("Or one of its meetings or events"),
                queryset=ForumEvent.objects.filter(forum__in=forums).select_related("forum"),
                required=False,
                empty_label=_("Not at an event"),
            ),
            group_size=forms.IntegerField(
                label=_("How many young people does it speak for?"),
                min_value=2,
                max_value=LARGEST_GROUP,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                error_messages={
                    "required": _("Enter how many young people the group speaks for, like 20."),
                    "invalid": _("Enter how many young people the group speaks for, like 20."),
                    "min_value": _("A group speaks for at least 2 young people."),
                    "max_value": _("A group speaks for at most %(limit_value)s young people."),
                },
            ),
            youngest=_age_field(_("Youngest age")),
            oldest=_age_field(_("Oldest age")),
            method=forms.ChoiceField(
                label=_("How did the group reach its view?"),
                choices=GroupMethod.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how the group reached its view.")},
            ),
            notes=forms.CharField(
                label=_("Notes"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("What the facilitator noted; no names of young people."),
            ),
            publication=forms.ChoiceField(
                label=_("Can we publish what the group said?"),
                choices=Publication.choices,
                initial=Publication.WITHOUT_NAME,
                widget=forms.RadioSelect,
            ),
        )
        self.fields["event"].label_from_instance = lambda event: f"{event.forum} – {event}"
        for question in questions:
            if question.kind_class.tallied:
                for option in question.kind_class.options(question):
                    self.fields[tally_name(question, option.code)] = TallyField(question, option)

    def chosen_forum(self):
        """The forum chosen (or started on), if it is one of those offered; else None."""
        try:
            return self.fields["forum"].to_python(self["forum"].value())
        except ValidationError:
            return None

    @property
    def sections(self):
        """(question, agreed-answer fields, tally fields) for each question, in order."""
        return [
            (
                question,
                [self[name] for name in question.kind_class.field_names(question, question.field_name)],
                [self[name] for name in self._tally_names(question)],
            )
            for question in self.questions
        ]

    @staticmethod
    def _tally_names(question) -> list[str]:
        if not question.kind_class.tallied:
            return []
        return [tally_name(question, option.code) for option in question.kind_class.options(question)]

    def clean(self):
        cleaned_data = super().clean()
        # A forum or event not offered has its own error already: one message is enough.
        chosen = cleaned_data.get("forum") or cleaned_data.get("event")
        if not chosen and "forum" not in self.errors and "event" not in self.errors:
            self.add_error("forum", _("Choose the forum, or the event, the group's response came from."))
        try:
            check_age_range(cleaned_data.get("youngest"), cleaned_data.get("oldest"))
        except ValidationError as error:
            self.add_error(None, error)
        group_size = cleaned_data.get("group_size")
        for question in self.questions:
            names = self._tally_names(question)
            counts = self._counts(question)
            if counts and question in self.agreed:
                self.add_error(
                    names[0],
                    _("Question %(reference)s: give either tallies or an agreed answer, not both.")
                    % {"reference": question.reference},
                )
            elif counts and group_size and all(name not in self.errors for name in names):
                problem = tally_problem(question, counts, group_size)
                if problem:
                    self.add_error(names[0], problem)
        return cleaned_data

    def _counts(self, question) -> dict[str, int]:
        """{option code: count} of the tallies typed for a question (blank ones left out)."""
        counts = {}
        for option in question.kind_class.options(question) if question.kind_class.tallied else []:
            value = self.cleaned_data.get(tally_name(question, option.code))
            if value is not None:
                counts[option.code] = value
        return counts

    def tallies(self) -> list[tuple]:
        """(question, {option code: count}) for each question answered with tallies."""
        return [(q, self._counts(q)) for q in self.questions if self._counts(q)]

    def contents(self) -> dict:
        """What the group said and where it came from, as the services take it."""
        details = {name: self.cleaned_data.get(name) for name in DETAIL_FIELDS}
        return {
            "details": details | {"notes": details["notes"] or ""},
            "where": where_from(self.cleaned_data.get("forum"), self.cleaned_data.get("event")),
            "answers": self.answers(),
            "tallies": self.tallies(),
        }


def _typed(data, question) -> bool:
    """Whether anything was typed or chosen in a question's agreed-answer fields."""
    names = question.kind_class.field_names(question, question.field_name)
    return any(value.strip() for name in names for value in data.getlist(name))


def initial_for(response) -> dict:
    """A stored group response as the form's initial values, to view and correct it."""
    initial = {name: getattr(response, name) for name in DETAIL_FIELDS}
    initial |= {"forum": response.forum_id, "event": response.event_id}
    asked = {question.reference: question for question in Questionnaire(response.consultation).questions}
    answers = {}
    for answer in response.answers.select_related("question"):
        answers.setdefault(answer.question.reference, []).append(answer)
    for reference, rows in answers.items():
        question = asked.get(reference)
        if question is not None:
            for name, values in question.kind_class.form_data(question, question.field_name, rows).items():
                initial[name] = values if len(values) > 1 else (values[0] if values else "")
    for tally in response.tallies.select_related("question"):
        question = asked.get(tally.question.reference)
        if question is not None:
            initial[tally_name(question, tally.option)] = tally.count
    return initial
