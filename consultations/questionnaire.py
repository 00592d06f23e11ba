"""A questionnaire as people answer it (sections, follow-ups), and the rules that keep answers attached
to their questions whatever editors publish.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import translation

from .references import normalise_question_ref


@dataclass
class Section:
    number: int
    heading: str
    questions: list


class Questionnaire:
    """A consultation's questions in order, split into sections where editors start one."""

    def __init__(self, page, questions=None):
        self.page = page
        self.questions = list(page.questions.all() if questions is None else questions)
        self.by_reference = {question.reference: question for question in self.questions}

    @cached_property
    def sections(self) -> list[Section]:
        sections = []
        for question in self.questions:
            if not sections or question.section_heading:
                sections.append(Section(len(sections) + 1, question.section_heading, []))
            sections[-1].questions.append(question)
        return sections

    @property
    def stepped(self) -> bool:
        """Sections are shown one per screen; a questionnaire of one section stays on one page."""
        return len(self.sections) > 1

    def visible(self, data) -> list:
        """The questions shown for the answers in `data` (raw form data): a follow-up only when the
        question it depends on is shown and was answered with one of its options."""
        shown = {}
        for question in self.questions:
            source = self.by_reference.get(question.show_if_reference)
            if not question.show_if_reference or source is None or source is question:
                shown[question.reference] = True  # no condition, or a broken one editors were told about
                continue
            chosen = source.kind_class.chosen_codes(source, source.field_name, data)
            shown[question.reference] = shown.get(source.reference, True) and bool(
                chosen & question.show_if_codes()
            )
        return [question for question in self.questions if shown[question.reference]]


def condition_problems(questions) -> list[tuple]:
    """(question, field, message) for each follow-up condition that cannot work as written."""
    problems = []
    place = {question.reference: index for index, question in enumerate(questions)}
    by_reference = {question.reference: question for question in questions}
    for index, question in enumerate(questions):
        if not question.show_if_reference:
            continue
        try:
            ref = normalise_question_ref(question.show_if_reference)
        except ValidationError:
            continue  # Question.clean has said so on the field itself
        source = by_reference.get(ref)
        if source is None:
            problems.append(
                (question, "show_if_reference", f"There is no question {ref} in this questionnaire.")
            )
        elif _leads_back(question, by_reference):
            problems.append(
                (
                    question,
                    "show_if_reference",
                    f"Questions {question.reference} and {ref} depend on each other.",
                )
            )
        elif place[ref] > index:
            problems.append(
                (
                    question,
                    "show_if_reference",
                    f"Question {ref} comes later: a follow-up must come after the question it depends on.",
                )
            )
        elif not source.kind_class.can_lead:
            problems.append(
                (
                    question,
                    "show_if_reference",
                    f"Question {ref} is answered in words or numbers, so it cannot show other questions.",
                )
            )
        else:
            codes = {option.code for option in source.kind_class.options(source)}
            unknown = sorted(question.show_if_codes() - codes)
            if unknown:
                problems.append(
                    (
                        question,
                        "show_if_options",
                        f"Question {ref} has no option {', '.join(unknown)}. "
                        f"Its options are: {', '.join(sorted(codes))}.",
                    )
                )
    return problems


def _leads_back(question, by_reference) -> bool:
    seen, current = set(), question
    while current is not None and current.show_if_reference:
        if current.reference in seen:
            return True
        seen.add(current.reference)
        current = by_reference.get(current.show_if_reference)
        if current is question:
            return True
    return False


class AnsweredQuestions:
    """What has been answered in a consultation, by question reference: what editors may no longer change."""

    def __init__(self, kinds=None, respondents=None, codes=None):
        self.kinds = kinds or {}
        self.respondents = respondents or {}
        self.codes = codes or {}

    @classmethod
    def for_page(cls, page):
        from .models import QuestionIdentity  # the models import this module

        owner = getattr(page, "answers_page_id", None) or page.pk  # every language version's answers
        identities = QuestionIdentity.objects.filter(consultation_id=owner, answers__isnull=False)
        kinds, respondents, codes = {}, {}, defaultdict(set)
        for reference, kind, count in identities.values_list("reference", "kind").annotate(
            n=Count("answers__response", distinct=True)
        ):
            kinds[reference], respondents[reference] = kind, count
        for reference, code in identities.values_list("reference", "answers__option").distinct():
            if code:
                codes[reference].add(code)
        return cls(kinds, respondents, dict(codes))

    def refusals(self, question, stored_reference=None) -> list[tuple[str, str]]:
        """(field, message) for each change to `question` that would detach answers from it."""
        refusals = []
        if stored_reference and stored_reference != question.reference and stored_reference in self.kinds:
            refusals.append(
                (
                    "reference",
                    f"Question {stored_reference} has {self._answers(stored_reference)}, so its reference "
                    "cannot change: add a new question instead.",
                )
            )
        ref = question.reference
        if ref not in self.kinds:
            return refusals
        if self.kinds[ref] != question.kind:
            refusals.append(
                (
                    "kind",
                    f"Question {ref} has {self._answers(ref)}, so its kind cannot change: "
                    "add a new question instead.",
                )
            )
        removed = self.codes.get(ref, set()) - {
            option.code for option in question.kind_class.options(question)
        }
        if removed:
            refusals.append(
                (
                    "options",
                    f"Question {ref}: the options {', '.join(sorted(removed))} have answers, "
                    "so they cannot be removed. You can reword them.",
                )
            )
        return refusals

    def _answers(self, ref) -> str:
        n = self.respondents.get(ref, 0)
        return f"{n} answer{'s' if n != 1 else ''}"


def release_changing_references(page):
    """Before a page saves its questions, free the references of rows about to take another one, so
    that two questions can swap references in one edit under the database's uniqueness rule."""
    from .models import Question

    wanted = {question.pk: question.reference for question in page.questions.all() if question.pk}
    stored = Question.objects.filter(page=page, pk__in=wanted).values_list("pk", "reference")
    changing = [pk for pk, reference in stored if normalise_question_ref(wanted[pk]) != reference]
    for pk in changing:  # "~<pk>" is no reference, so it cannot collide with one
        Question.objects.filter(pk=pk).update(reference=f"~{pk}")


def sync_identities(page):
    """After a page has saved its questions: give each its identity and retire those no longer asked.

    Refuses (ValidationError) a change that would detach answers: a new kind for an answered
    question, or an answered option removed. A dropped question is retired, never refused.
    """
    from .models import QuestionIdentity

    answered = AnsweredQuestions.for_page(page)
    if page.answers_page_id != page.pk:
        return _sync_translation_identities(page, answered)
    identities = {identity.reference: identity for identity in page.question_identities.all()}
    problems, current = [], set()
    for question in page.questions.all():
        problems += [message for _field, message in answered.refusals(question)]
        with translation.override(settings.LANGUAGE_CODE):  # the usual labels (Yes, Agree…), as words
            options = [{"code": o.code, "label": str(o.label)} for o in question.kind_class.options(question)]
        codes = {option["code"] for option in options}
        identity = identities.get(question.reference) or QuestionIdentity(
            consultation=page, reference=question.reference
        )
        kept = [
            option | {"retired": True}
            for option in identity.known_options
            if option["code"] not in codes and option["code"] in answered.codes.get(question.reference, set())
        ]
        identity.kind, identity.prompt, identity.retired = question.kind, question.prompt, False
        identity.known_options = options + kept
        identity.save()
        current.add(question.reference)
    if problems:
        raise ValidationError(problems)
    retired = [ref for ref in identities if ref not in current]
    page.question_identities.filter(reference__in=retired).update(retired=True)


def _sync_translation_identities(page, answered):
    """A language version's questions share the identities of the first version (its answers page).

    Their references, kinds and option codes are synchronised from the source, so normally there
    is nothing to do; the same refusals apply all the same (a translation edited by hand must not
    detach answers), and a question only the translation asks gets an identity of its own on the
    answers page. Nothing is retired here: which questions are asked is the source's to decide.
    """
    from .models import QuestionIdentity

    owner = page.answers_page_id
    problems = []
    known = set(QuestionIdentity.objects.filter(consultation_id=owner).values_list("reference", flat=True))
    for question in page.questions.all():
        problems += [message for _field, message in answered.refusals(question)]
        if question.reference not in known:
            with translation.override(settings.LANGUAGE_CODE):
                options = [
                    {"code": o.code, "label": str(o.label)} for o in question.kind_class.options(question)
                ]
            QuestionIdentity.objects.create(
                consultation_id=owner,
                reference=question.reference,
                kind=question.kind,
                prompt=question.prompt,
                known_options=options,
            )
    if problems:
        raise ValidationError(problems)
