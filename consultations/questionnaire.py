"""A questionnaire as people answer it (sections, follow-ups), and the rules that keep answers attached
to their questions whatever editors publish.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, ProtectedError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        questions = page.questions.all() if questions is None else questions
        # A draft's preview may hold a question still being written: only complete ones are asked.
        self.questions = [question for question in questions if question.is_complete()]
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
    """What has been answered in a consultation, by question key: what editors may no longer change."""

    def __init__(self, identities=None, respondents=None, codes=None):
        self.identities = identities or {}  # question key -> the asked identity that has answers
        self.respondents = respondents or {}
        self.codes = codes or {}

    @classmethod
    def for_page(cls, page):
        from .models import QuestionIdentity  # the models import this module

        owner = getattr(page, "answers_page_id", None) or page.pk  # every language version's answers
        asked = QuestionIdentity.objects.filter(consultation_id=owner, retired=False, answers__isnull=False)
        identities, respondents, codes = {}, {}, defaultdict(set)
        for identity in asked.annotate(n=Count("answers__response", distinct=True)):
            identities[identity.question_key], respondents[identity.question_key] = identity, identity.n
        for key, code in asked.values_list("question_key", "answers__option").distinct():
            if code:
                codes[key].add(code)
        return cls(identities, respondents, dict(codes))

    def count(self, question) -> int:
        return self.respondents.get(question.key, 0)

    def answers(self, question) -> str:
        """ "27 answers", in the reader's language."""
        count = self.count(question)
        return ngettext("%(count)s answer", "%(count)s answers", count) % {"count": count}

    def refusals(self, question) -> list[tuple[str, str]]:
        """(field, message) for each change to `question` that would change what its answers mean."""
        identity = self.identities.get(question.key)
        if identity is None:
            return []
        named = {"question": question.editor_name, "answers": self.answers(question)}
        if identity.kind != question.kind:
            message = _(
                "%(question)s has %(answers)s, so its kind cannot change: add a new question instead."
            )
            return [("kind", message % named)]
        if identity.points != question.scale_size:
            message = _(
                "%(question)s has %(answers)s, so its number of points cannot change: "
                "add a new question instead."
            )
            return [("scale_points", message % named)]
        removed = self.codes.get(question.key, set()) - {
            option.code for option in question.kind_class.options(question)
        }
        if removed:
            message = _(
                "%(question)s: the options %(codes)s have answers, so they cannot be removed. "
                "You can reword them."
            )
            return [("options", message % (named | {"codes": ", ".join(sorted(removed))}))]
        return []

    def removal_refusal(self, question) -> str | None:
        """Why an answered question cannot simply be removed, and what to do instead; None if it can."""
        if question.key not in self.identities:
            return None
        return _(
            "%(question)s has %(answers)s, so it can't be removed. To stop asking it, tick “Stop asking "
            "this question” in its panel: its answers are kept and still shown in the summary."
        ) % {"question": question.editor_name, "answers": self.answers(question)}

    def rewordings(self, question) -> list[str]:
        """What an editor reworded in an answered question, said so they know its answers stay."""
        identity = self.identities.get(question.key)
        if identity is None or identity.kind != question.kind:
            return []
        named = {"question": question.editor_name, "answers": self.answers(question)}
        notes = []
        if identity.prompt != question.prompt:
            count = self.count(question)
            message = ngettext(
                "%(question)s was reworded: its %(count)s answer stays attached to it.",
                "%(question)s was reworded: its %(count)s answers stay attached to it.",
                count,
            )
            notes.append(message % {"question": question.editor_name, "count": count})
        before = {option["code"]: option["label"] for option in identity.known_options}
        for option in _options(question):  # the usual labels as the identity keeps them
            code, label = option["code"], option["label"]
            if before.get(code, label) != label:
                message = _(
                    "%(question)s: the option “%(before)s” is now “%(after)s”; its answers stay with it."
                )
                notes.append(message % (named | {"before": before[code], "after": label}))
        return notes


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
    """After a page has saved its questions, bring their identities in step. Never refuses: the
    admin form refuses what editors should not do, and publishing by any route must not fail.

    Each question keeps its identity (found by the question's key) while what its answers mean
    stays the same: new wording, reference, order or option labels. An identity is retired, with
    its answers kept, when its question is dropped, or is given a new kind or scale once answered;
    the question then starts a new identity. Options removed once answered stay known, marked
    retired, so their answers are still read under their label.
    """
    from .models import QuestionIdentity

    if page.answers_page_id != page.pk:
        return _sync_translation_identities(page)
    answered = AnsweredQuestions.for_page(page)
    asked = {identity.question_key: identity for identity in page.question_identities.filter(retired=False)}
    questions = list(page.questions.all())
    kept, fresh = [], []
    for question in questions:
        identity = asked.pop(question.key, None)
        if (
            identity is not None
            and question.key in answered.identities
            and (identity.kind != question.kind or identity.points != question.scale_size)
        ):
            asked[question.key] = identity  # its answers meant something else: retire it below
            identity = None
        if identity is None:
            fresh.append((question, QuestionIdentity(consultation=page, question_key=question.key)))
        else:
            kept.append((question, identity))
    _retire(asked.values(), answered)
    # References move between kept identities (a swap, say): free them first, as for questions.
    for _question, identity in kept:
        QuestionIdentity.objects.filter(pk=identity.pk).update(reference=f"~{identity.pk}")
    for question, identity in kept + fresh:
        options = _options(question)
        codes = {option["code"] for option in options}
        removed = [
            option | {"retired": True}
            for option in identity.known_options
            if option["code"] not in codes and option["code"] in answered.codes.get(question.key, set())
        ]
        identity.reference, identity.kind, identity.points = (
            question.reference,
            question.kind,
            question.scale_size,
        )
        identity.prompt, identity.known_options = question.prompt, options + removed
        identity.save()


def _retire(identities, answered):
    """Identities no longer asked: kept, retired, if anyone answered them; else forgotten."""
    for identity in identities:
        answered_identity = answered.identities.get(identity.question_key)
        if answered_identity is None or answered_identity.pk != identity.pk:
            try:
                identity.delete()
                continue
            except ProtectedError:  # answered just now
                pass
        identity.retired = True
        identity.save(update_fields=["retired"])


def _options(question) -> list[dict]:
    """A question's options as an identity remembers them; the usual labels (Yes, Agree…) as
    English words, whatever language is active."""
    with translation.override(settings.LANGUAGE_CODE):
        return [{"code": o.code, "label": str(o.label)} for o in question.kind_class.options(question)]


def _sync_translation_identities(page):
    """A language version's questions share the identities of the first version (its answers page).

    Their keys, references, kinds and option codes are synchronised from the source, so normally
    there is nothing to do. A question only the translation asks (edited there by hand) gets an
    identity of its own on the answers page. Nothing is retired here: which questions are asked,
    and what their identities say, is the source's to decide.
    """
    from .models import QuestionIdentity

    owner = page.answers_page_id
    known = QuestionIdentity.objects.filter(consultation_id=owner, retired=False)
    keys, references = set(), set()
    for key, reference in known.values_list("question_key", "reference"):
        keys.add(key)
        references.add(reference)
    for question in page.questions.all():
        if question.key in keys or question.reference in references:
            continue
        QuestionIdentity.objects.create(
            consultation_id=owner,
            question_key=question.key,
            reference=question.reference,
            kind=question.kind,
            points=question.scale_size,
            prompt=question.prompt,
            known_options=_options(question),
        )
