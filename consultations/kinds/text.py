"""Free text, with a length limit set per question."""

from django.utils.translation import gettext_lazy as _

from .base import ANSWER_MAX_CHARS, AnswerRow, AnswerText, Figures, QuestionKind

LONGEST_LIMIT = 10_000


class FreeText(QuestionKind):
    code = "free_text"
    label = _("Free text")
    settings = ("max_length",)

    def limit(self, question) -> int:
        return question.max_length or ANSWER_MAX_CHARS

    def settings_errors(self, question):
        if question.max_length and question.max_length > LONGEST_LIMIT:
            return {"max_length": f"Answers can be at most {LONGEST_LIMIT:,} characters."}
        return {}

    def form_fields(self, question, name, common):
        return {name: AnswerText(max_length=self.limit(question), **common)}

    def rows(self, question, name, cleaned):
        text = cleaned.get(name) or ""
        return [AnswerRow(text=text)] if text.strip() else []

    def form_data(self, question, name, rows):
        return {name: [row.text for row in rows][:1]}

    def describe(self, options, rows):
        return "".join(row.text for row in rows)

    def figures(self, options, groups, text_count):
        return Figures(respondents=text_count, text_count=text_count)
