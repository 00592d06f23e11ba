"""Kinds answered by choosing: yes or no (with an optional follow-up), choose one, choose any."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .base import (
    FOLLOW_UP_MAX_CHARS,
    AnswerRow,
    AnswerText,
    ChoiceFigure,
    Figures,
    Option,
    QuestionKind,
    label_of,
    percent,
)


def choice_figures(options, groups, respondents) -> list[ChoiceFigure]:
    counts = {}
    for (code, _position, _number), count in groups.items():
        if code:
            counts[code] = counts.get(code, 0) + count
    return [
        ChoiceFigure(
            option.code,
            option.label,
            counts.get(option.code, 0),
            percent(counts.get(option.code, 0), respondents),
            option.retired,
        )
        for option in options
        if not option.retired or counts.get(option.code)
    ]


def first_choices(groups) -> int:
    """People who chose anything: each answer's first option is stored at position 1."""
    return sum(count for (code, position, _number), count in groups.items() if code and position == 1)


class ChooseOne(QuestionKind):
    code = "single_choice"
    label = _("Choose one")
    settings = ("options",)
    can_lead = True
    tallied = True

    def options(self, question):
        return question.option_list()

    def settings_errors(self, question):
        if len(self.options(question)) < 2:
            return {"options": _("A choice question needs at least two options.")}
        return {}

    def choices(self, question):
        return [(option.code, option.label) for option in self.options(question)]

    def form_fields(self, question, name, common):
        return {name: forms.ChoiceField(choices=self.choices(question), widget=forms.RadioSelect, **common)}

    def chosen_codes(self, question, name, data):
        return {data.get(name)} - {None, ""}

    def rows(self, question, name, cleaned):
        return [AnswerRow(option=cleaned[name])] if cleaned.get(name) else []

    def form_data(self, question, name, rows):
        return {name: [row.option for row in rows if row.option][:1]}

    def describe(self, options, rows):
        return "; ".join(label_of(options, row.option) for row in rows if row.option)

    def figures(self, options, groups, text_count):
        respondents = first_choices(groups)
        return Figures(respondents=respondents, choices=choice_figures(options, groups, respondents))

    def csv_code_cells(self, options, rows):
        return [";".join(row.option for row in rows if row.option)]


class YesNo(ChooseOne):
    code = "yes_no"
    label = _("Yes or no, with an optional follow-up")
    settings = ("follow_up_prompt",)
    OPTIONS = [Option("yes", _("Yes")), Option("no", _("No"))]

    def options(self, question):
        return self.OPTIONS

    def settings_errors(self, question):
        return {}

    def form_fields(self, question, name, common):
        fields = super().form_fields(question, name, common)
        if question.follow_up_prompt:
            fields[name + "_why"] = AnswerText(
                max_length=FOLLOW_UP_MAX_CHARS, rows=3, label=question.follow_up_prompt, required=False
            )
        return fields

    def field_names(self, question, name):
        return [name, name + "_why"] if question.follow_up_prompt else [name]

    def rows(self, question, name, cleaned):
        rows = super().rows(question, name, cleaned)
        why = cleaned.get(name + "_why") or ""
        # The follow-up is its own row, so Yes and No count only those who chose.
        if why.strip():
            rows.append(AnswerRow(text=why))
        return rows

    def form_data(self, question, name, rows):
        data = super().form_data(question, name, rows)
        data[name + "_why"] = [row.text for row in rows if not row.option][:1]
        return data

    def describe(self, options, rows):
        parts = [label_of(options, row.option) for row in rows if row.option]
        parts += [row.text for row in rows if not row.option and row.text]
        return " — ".join(parts)

    def figures(self, options, groups, text_count):
        figures = super().figures(options, groups, text_count)
        figures.text_count = text_count
        return figures

    def csv_columns(self, reference, options):
        return [f"Q{reference}", f"Q{reference} why"]

    def csv_headings(self, reference, prompt, options):
        why = _("why (follow-up)")
        return [f"Q{reference} – {prompt}", f"Q{reference} – {prompt}: {why}"]

    def csv_cells(self, options, rows):
        choice = "; ".join(label_of(options, row.option) for row in rows if row.option)
        return [choice, self._why(rows)]

    def csv_code_cells(self, options, rows):
        return [*super().csv_code_cells(options, rows), self._why(rows)]

    @staticmethod
    def _why(rows) -> str:
        return "".join(row.text for row in rows if not row.option)


class ChooseAny(ChooseOne):
    code = "multiple_choice"
    label = _("Choose any")
    settings = ("options", "max_choices")

    def settings_errors(self, question):
        errors = super().settings_errors(question)
        if question.max_choices and question.max_choices > len(self.options(question)):
            errors["max_choices"] = _("The most people may choose cannot be more than the number of options.")
        return errors

    def form_fields(self, question, name, common):
        limit = question.max_choices

        def at_most(values):
            if limit and len(values) > limit:
                raise ValidationError(
                    ngettext(
                        "Choose at most %(limit)d (you chose %(chosen)d).",
                        "Choose at most %(limit)d (you chose %(chosen)d).",
                        limit,
                    )
                    % {"limit": limit, "chosen": len(values)},
                    code="too_many_choices",
                )

        return {
            name: forms.MultipleChoiceField(
                choices=self.choices(question),
                widget=forms.CheckboxSelectMultiple,
                validators=[at_most],
                **common,
            )
        }

    def choices_each(self, question):
        return question.max_choices or len(self.options(question))

    def chosen_codes(self, question, name, data):
        return set(data.getlist(name)) - {""}

    def rows(self, question, name, cleaned):
        # A code repeated in the POST counts once; positions number the ticks from 1.
        codes = list(dict.fromkeys(cleaned.get(name) or []))
        return [AnswerRow(option=code, position=place) for place, code in enumerate(codes, start=1)]

    def form_data(self, question, name, rows):
        return {name: [row.option for row in sorted(rows, key=lambda row: row.position) if row.option]}

    def figures(self, options, groups, text_count):
        respondents = first_choices(groups)  # one row per tick; each person's first is at position 1
        return Figures(respondents=respondents, choices=choice_figures(options, groups, respondents))

    def csv_columns(self, reference, options):
        return [f"Q{reference} {option.code}" for option in options]

    def csv_headings(self, reference, prompt, options):
        return [f"Q{reference} – {prompt}: {option.label}" for option in options]

    def csv_cells(self, options, rows):
        chosen = {row.option for row in rows}
        ticked = str(_("yes"))
        return [ticked if option.code in chosen else "" for option in options]

    def csv_code_cells(self, options, rows):
        chosen = {row.option for row in rows}
        return ["1" if option.code in chosen else "" for option in options]

    def import_columns(self, question, name):
        options = self.options(question)
        columns = self.csv_columns(question.reference, options)
        return [(column, name, option.code) for column, option in zip(columns, options, strict=True)]
