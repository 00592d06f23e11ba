"""Kinds answered with a number: a number in a range, a rating, an agree scale and faces.

Scales store the option chosen and its value, so they are counted like choices and also get a
mean and a median.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .base import AnswerRow, ChoiceFigure, Figures, Option, QuestionKind, percent
from .choice import ChooseOne, choice_figures, first_choices


def mean_and_median(counts: dict) -> tuple[float | None, float | None]:
    """Mean and median of values given as {value: how many}, without expanding them."""
    total = sum(counts.values())
    if not total:
        return None, None
    mean = sum(float(value) * n for value, n in counts.items()) / total
    ordered = sorted(counts.items())
    middle = [(total - 1) // 2, total // 2]  # the one or two middle places, counting from 0
    found, seen = [], 0
    for value, n in ordered:
        while len(found) < 2 and middle[len(found)] < seen + n:
            found.append(float(value))
        seen += n
    return round(mean, 2), round(sum(found) / 2, 2)


class Bounded:
    """A message naming a limit, written as the reader's language writes numbers; Django fills
    in the message's own parameters with `%`, which this ignores."""

    def __init__(self, message, number):
        self.message, self.number = message, number

    def __mod__(self, _params):
        return str(self)

    def __str__(self):
        return self.message % {"number": number_format(self.number.normalize())}


class Number(QuestionKind):
    code = "number"
    label = _("Number")
    settings = ("min_value", "max_value")
    numeric = True

    def settings_errors(self, question):
        low, high = question.min_value, question.max_value
        if low is not None and high is not None and low >= high:
            return {"max_value": _("The largest number allowed must be more than the smallest.")}
        return {}

    def form_fields(self, question, name, common):
        low, high = question.min_value, question.max_value
        messages = {
            "invalid": _("Enter a number, like 3 or 2.5."),
            "max_decimal_places": _("Use at most 2 decimal places."),
        }
        if low is not None:
            messages["min_value"] = Bounded(_("Enter a number of at least %(number)s."), low)
        if high is not None:
            messages["max_value"] = Bounded(_("Enter a number of at most %(number)s."), high)
        return {
            name: forms.DecimalField(
                max_digits=12,
                decimal_places=2,
                min_value=low,
                max_value=high,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "number"}),
                error_messages=messages,
                **common,
            )
        }

    def rows(self, question, name, cleaned):
        value = cleaned.get(name)
        return [AnswerRow(number=value)] if value is not None else []

    def form_data(self, question, name, rows):
        return {name: [format(row.number.normalize(), "f") for row in rows if row.number is not None][:1]}

    def describe(self, options, rows):
        return "".join(format(Decimal(row.number).normalize(), "f") for row in rows if row.number is not None)

    def figures(self, options, groups, text_count):
        counts = {}
        for (_code, _position, number), count in groups.items():
            if number is not None:
                value = Decimal(number).normalize()
                counts[value] = counts.get(value, 0) + count
        respondents = sum(counts.values())
        mean, median = mean_and_median(counts)
        distribution = [
            ChoiceFigure(format(value, "f"), format(value, "f"), n, percent(n, respondents))
            for value, n in sorted(counts.items())
        ]
        return Figures(
            respondents=respondents, choices=distribution, mean=mean, median=median, has_distribution=True
        )


class Scale(ChooseOne):
    """Points on a scale, each an option whose code is its value ("1" … "N")."""

    settings = ("options",)
    numeric = True
    POINTS = {5: []}  # points offered: default labels, highest value first

    def points(self, question) -> int:
        return question.scale_points if question.scale_points in self.POINTS else next(iter(self.POINTS))

    def options(self, question):
        points = self.points(question)
        labels = [option.label for option in question.option_list()] or self.POINTS[points]
        if len(labels) != points:
            labels = self.POINTS[points]
        values = range(points, 0, -1)  # shown highest first
        return [
            Option(str(value), label or str(value))
            for value, label in zip(values, labels or [""] * points, strict=True)
        ]

    def settings_errors(self, question):
        given = question.option_list()
        points = self.points(question)
        if question.scale_points and question.scale_points not in self.POINTS:
            return {"scale_points": f"Choose {' or '.join(str(p) for p in self.POINTS)} points."}
        if given and len(given) != points:
            return {
                "options": f"Give {points} labels, one per point, highest first (or none for the usual ones)."
            }
        return {}

    def rows(self, question, name, cleaned):
        code = cleaned.get(name)
        return [AnswerRow(option=code, number=Decimal(code))] if code else []

    def figures(self, options, groups, text_count):
        respondents = first_choices(groups)
        counts = {}
        for (code, _position, _number), count in groups.items():
            try:
                counts[Decimal(code)] = counts.get(Decimal(code), 0) + count
            except InvalidOperation:
                continue
        mean, median = mean_and_median(counts)
        return Figures(
            respondents=respondents,
            choices=choice_figures(options, groups, respondents),
            mean=mean,
            median=median,
            has_distribution=True,
        )


class Rating(Scale):
    code = "rating"
    label = _("Rating (1 to 5, or 1 to 10)")
    settings = ("scale_points",)
    POINTS = {5: [], 10: []}

    def options(self, question):
        return [Option(str(value), str(value)) for value in range(1, self.points(question) + 1)]

    def settings_errors(self, question):
        if question.scale_points and question.scale_points not in self.POINTS:
            return {"scale_points": _("A rating goes from 1 to 5 or from 1 to 10.")}
        return {}


class AgreeScale(Scale):
    code = "agree_scale"
    label = _("Agree or disagree (5 points)")
    POINTS = {
        5: [
            _("Strongly agree"),
            _("Agree"),
            _("Neither agree nor disagree"),
            _("Disagree"),
            _("Strongly disagree"),
        ]
    }


FACES = {5: "😀🙂😐🙁😢", 3: "😀😐🙁"}


class Faces(Scale):
    """For younger children: faces with words beside them, never a face alone."""

    code = "faces"
    label = _("Faces, for younger children (3 or 5)")
    settings = ("scale_points", "options")
    POINTS = {
        3: [_("Happy"), _("OK"), _("Sad")],
        5: [_("Very happy"), _("Happy"), _("OK"), _("Sad"), _("Very sad")],
    }

    def choices(self, question):
        faces = FACES[self.points(question)]
        return [
            (
                option.code,
                format_html('<span class="face" aria-hidden="true">{}</span> {}', face, option.label),
            )
            for option, face in zip(self.options(question), faces, strict=True)
        ]
