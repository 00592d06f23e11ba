"""Ranking: put up to N options in order. Without JavaScript, one select per option."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .base import AnswerRow, Figures, QuestionKind, RankFigure, label_of


class RankSelect(forms.ChoiceField):
    """The place one option is given: blank (not ranked), 1, 2, …"""


class Ranking(QuestionKind):
    code = "ranking"
    label = _("Ranking (put in order)")
    settings = ("options", "max_choices")

    def options(self, question):
        return question.option_list()

    def settings_errors(self, question):
        count = len(self.options(question))
        if count < 2:
            return {"options": _("A ranking needs at least two options.")}
        if question.max_choices and question.max_choices > count:
            return {"max_choices": _("People cannot rank more options than there are.")}
        return {}

    def places(self, question) -> int:
        return question.max_choices or len(self.options(question))

    def rank_name(self, name, option) -> str:
        return f"{name}_rank_{option.code}"

    def field_names(self, question, name):
        return [self.rank_name(name, option) for option in self.options(question)]

    def form_fields(self, question, name, common):
        places = [("", _("Not ranked"))] + [
            (str(place), str(place)) for place in range(1, self.places(question) + 1)
        ]
        return {
            self.rank_name(name, option): RankSelect(choices=places, required=False, label=option.label)
            for option in self.options(question)
        }

    def ranks(self, question, name, data_get) -> dict[str, int]:
        ranks = {}
        for option in self.options(question):
            value = data_get(self.rank_name(name, option))
            if value:
                ranks[option.code] = int(value)
        return ranks

    def validate(self, question, name, cleaned) -> str | None:
        """One message for the whole ranking, or None."""
        ranks = self.ranks(question, name, cleaned.get)
        if question.required and not ranks:
            return _("Put at least one option in order.")
        places = sorted(ranks.values())
        if len(places) != len(set(places)):
            return _("Give each place to only one option.")
        if places != list(range(1, len(places) + 1)):
            return _("Number your choices 1, 2, 3 … without gaps.")
        return None

    def rows(self, question, name, cleaned):
        ranks = self.ranks(question, name, cleaned.get)
        return [
            AnswerRow(option=code, position=place)
            for code, place in sorted(ranks.items(), key=lambda item: item[1])
        ]

    def form_data(self, question, name, rows):
        by_code = {row.option: row.position for row in rows}
        return {
            self.rank_name(name, option): [str(by_code[option.code])] if option.code in by_code else []
            for option in self.options(question)
        }

    def describe(self, options, rows):
        return "; ".join(
            f"{row.position}. {label_of(options, row.option)}"
            for row in sorted(rows, key=lambda r: r.position)
        )

    def figures(self, options, groups, text_count):
        ranked, first, place_total = {}, {}, {}
        for (code, position, _number), count in groups.items():
            ranked[code] = ranked.get(code, 0) + count
            place_total[code] = place_total.get(code, 0) + position * count
            if position == 1:
                first[code] = first.get(code, 0) + count
        ranks = [
            RankFigure(
                option.code,
                option.label,
                ranked.get(option.code, 0),
                first.get(option.code, 0),
                round(place_total[option.code] / ranked[option.code], 2) if ranked.get(option.code) else None,
            )
            for option in options
            if not option.retired or ranked.get(option.code)
        ]
        ranks.sort(key=lambda figure: (figure.average_rank is None, figure.average_rank or 0))
        return Figures(respondents=sum(first.values()), ranks=ranks)

    def csv_columns(self, reference, options):
        return [f"Q{reference} rank {option.code}" for option in options]

    def csv_headings(self, reference, prompt, options):
        place = _("place given to %(option)s")
        return [f"Q{reference} – {prompt}: {place % {'option': option.label}}" for option in options]

    def csv_cells(self, options, rows):
        by_code = {row.option: row.position for row in rows}
        return [str(by_code.get(option.code, "")) for option in options]
