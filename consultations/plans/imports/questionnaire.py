"""A consultation's questionnaire reconciled with a plan draft: the link between them, the questions
the draft's references need, and the prompts drafted for them.

A drafted question is a skeleton for an editor (free text, marked "needs review"), made in one
small function, `draft_question`, so that it is easy to change with the Question model.

An import never rewrites a question that exists. A reference the plan shares with a question the
consultation already asks is that question only when the consultation was keyed to a plan carrying
that reference before, or when the question is worded as the import would word it; otherwise it
may be an unrelated question with the same number (a survey's own Q1, Q2 and Q4), so it is a
`Clash`, and nothing is linked or drafted until the editor says the match is right (`link_anyway`).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations.models import ConsultationPage, Question
from consultations.references import normalise_question_ref, ref_sort_key

from ..text import plain_text
from .parsed import ParsedParagraph, ParsedPlan
from .readers import PlanImportError

PROMPT_MAX_CHARS = 500  # Question.prompt


@dataclass(frozen=True)
class Clash:
    """A reference the plan carries that the questionnaire already asks, worded otherwise, in a
    consultation never keyed to a plan carrying it: perhaps an unrelated question with the same
    number. `asked` is the question's prompt, `plan_asks` the prompt the import would draft."""

    reference: str
    asked: str
    plan_asks: str

    def line(self) -> str:
        return _(
            "Q%(reference)s already asks “%(asked)s”, but the plan's reference %(reference)s is about: "
            "“%(plan_asks)s”"
        ) % {"reference": self.reference, "asked": self.asked, "plan_asks": self.plan_asks}


@dataclass
class Reconciliation:
    """How a consultation's questionnaire compares with a plan draft's question references.

    `created`: references that had no question, for which a skeleton question was drafted (its
    prompt in `created_prompts`). `kept`: references the questionnaire already asks, left as they
    are. `orphaned`: questions whose reference the draft no longer carries; kept, never deleted, as
    they may have answers. `clashes`: see `Clash`; with any, and unless the editor confirmed the
    match, the consultation is left unchanged (`held_back`). `in_draft_only`: the consultation is
    live, so the new questions (and the link to the plan) wait in a draft revision for an editor to
    review and publish rather than appearing to young people at once. `linked`: the consultation now
    names the plan draft it asks about (`previous_plan`, if it named another before).
    """

    consultation: ConsultationPage
    created: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    in_draft_only: bool = False
    linked: bool = False
    previous_plan: str = ""
    plan_title: str = ""
    kept: list[str] = field(default_factory=list)
    created_prompts: dict[str, str] = field(default_factory=dict)
    clashes: list[Clash] = field(default_factory=list)
    held_back: bool = False

    def lines(self) -> list[str]:
        """The report for the command line: heading, warning, findings, then what changed."""
        lines = [
            _("Questionnaire of “%(title)s” (page %(id)s)")
            % {"title": self.consultation.title, "id": self.consultation.pk}
        ]
        if self.clashes:
            lines.append(f"  {self.clash_warning()}")
            lines.extend(f"    - {clash.line()}" for clash in self.clashes)
        lines.extend(f"  {line}" for line in self.findings())
        lines.extend(f"  {label}: {value}" for label, value in self.changes())
        return lines

    def findings(self) -> list[str]:
        """What the import found and did, in sentences (none when it was held back)."""
        if self.held_back:
            return []
        lines = []
        if self.linked:
            lines.append(self._linked_finding())
        words = {"count": len(self.created), "refs": ", ".join(self.created)}
        if self.created and self.in_draft_only:
            lines.append(
                ngettext(
                    "%(count)s new question drafted (%(refs)s), added to a draft of the consultation: review "
                    "it, then publish it.",
                    "%(count)s new questions drafted (%(refs)s), added to a draft of the consultation: "
                    "review it, then publish it.",
                    len(self.created),
                )
                % words
            )
        elif self.created:
            lines.append(
                ngettext(
                    "%(count)s new question drafted (%(refs)s), marked “needs review”: check each prompt "
                    "and type.",
                    "%(count)s new questions drafted (%(refs)s), marked “needs review”: check each prompt "
                    "and type.",
                    len(self.created),
                )
                % words
            )
        else:
            lines.append(_("Every question reference in the draft already has a question."))
        if self.orphaned:
            lines.append(
                ngettext(
                    "%(count)s question not referenced by the draft any more (%(refs)s): kept, as they may "
                    "have answers; remove or re-key them in the admin.",
                    "%(count)s questions not referenced by the draft any more (%(refs)s): kept, as they may "
                    "have answers; remove or re-key them in the admin.",
                    len(self.orphaned),
                )
                % {"count": len(self.orphaned), "refs": ", ".join(self.orphaned)}
            )
        return lines

    def _linked_finding(self) -> str:
        words = {"plan": self.previous_plan}
        if self.previous_plan and self.in_draft_only:
            return (
                _(
                    "Linked to this plan draft instead of “%(plan)s” in a draft of the consultation, so its "
                    "paragraphs link to the questions."
                )
                % words
            )
        if self.previous_plan:
            return (
                _("Linked to this plan draft instead of “%(plan)s”, so its paragraphs link to the questions.")
                % words
            )
        if self.in_draft_only:
            return _(
                "Linked to this plan draft in a draft of the consultation, so its paragraphs link to the "
                "questions."
            )
        return _("Linked to this plan draft, so its paragraphs link to the questions.")

    def clash_warning(self) -> str:
        refs = ", ".join(clash.reference for clash in self.clashes)
        if self.held_back:
            return ngettext(
                "The plan's reference %(refs)s matches a question that already exists with different "
                "wording, so “%(title)s” was left unchanged: no link, no new question. Renumber the plan's "
                "marker or the question, or import again and confirm that the match is right.",
                "The plan's references %(refs)s match questions that already exist with different "
                "wording, so “%(title)s” was left unchanged: no link, no new question. Renumber the plan's "
                "markers or the questions, or import again and confirm that the matches are right.",
                len(self.clashes),
            ) % {"refs": refs, "title": self.consultation.title}
        return ngettext(
            "The plan's reference %(refs)s matches a question that already exists with different wording; "
            "as you confirmed, the question was kept as it is and is now shown beside the plan's "
            "paragraphs.",
            "The plan's references %(refs)s match questions that already exist with different wording; "
            "as you confirmed, the questions were kept as they are and are now shown beside the plan's "
            "paragraphs.",
            len(self.clashes),
        ) % {"refs": refs}

    def changes(self) -> list[tuple[str, str]]:
        """Exactly what changed in the consultation: its plan draft, and its questions added,
        updated (never) and left alone."""
        none = _("None")
        if self.held_back or not self.plan_title:
            plan = _("Not changed")
        elif not self.linked:
            plan = _("Already “%(plan)s”: not changed") % {"plan": self.plan_title}
        elif self.in_draft_only:
            plan = _(
                "Set to “%(plan)s” in a draft of the consultation: young people see it when you publish "
                "the consultation"
            ) % {"plan": self.plan_title}
        else:
            plan = _("Set to “%(plan)s”") % {"plan": self.plan_title}
        if self.linked and self.previous_plan:
            plan += " " + _("(it was “%(plan)s”)") % {"plan": self.previous_plan}
        added = "; ".join(f"Q{ref} “{self.created_prompts.get(ref, '')}”" for ref in self.created)
        left = [
            _("%(refs)s (asked already)") % {"refs": ", ".join(self.kept)} if self.kept else "",
            _("%(refs)s (not in the plan)") % {"refs": ", ".join(self.orphaned)} if self.orphaned else "",
        ]
        return [
            (_("Plan draft"), plan),
            (_("Questions added"), added or none),
            (_("Questions updated"), _("None: an import never changes a question that exists")),
            (_("Questions left alone"), "; ".join(part for part in left if part) or none),
        ]

    def to_do(self) -> list[str]:
        """What an editor still has to do before young people see the questions beside the plan."""
        if self.held_back:
            return [
                _(
                    "Check the questions %(refs)s in “%(title)s” against the plan: renumber what does not "
                    "match, or import again with “Link even where the wording differs” ticked."
                )
                % {
                    "refs": ", ".join(clash.reference for clash in self.clashes),
                    "title": self.consultation.title,
                }
            ]
        steps = []
        if self.created:
            steps.append(
                ngettext(
                    "Review the %(count)s drafted question (%(refs)s) in “%(title)s”: each is free text, "
                    "marked “needs review”; set its prompt and type.",
                    "Review the %(count)s drafted questions (%(refs)s) in “%(title)s”: each is free text, "
                    "marked “needs review”; set its prompt and type.",
                    len(self.created),
                )
                % {
                    "count": len(self.created),
                    "refs": ", ".join(self.created),
                    "title": self.consultation.title,
                }
            )
        if self.orphaned:
            steps.append(
                ngettext(
                    "Decide what to do with %(count)s question the draft no longer refers to.",
                    "Decide what to do with %(count)s questions the draft no longer refers to.",
                    len(self.orphaned),
                )
                % {"count": len(self.orphaned)}
            )
        title = {"title": self.consultation.title}
        if self.in_draft_only and (self.created or self.linked):
            steps.append(_("Publish “%(title)s”, so the changes above reach young people.") % title)
        elif not self.consultation.live:
            steps.append(_("Publish “%(title)s” when it is ready to open.") % title)
        return steps


def refuse_locked(page, user) -> None:
    lock = page.get_lock()
    if lock is not None and (user is None or lock.for_user(user)):
        raise PlanImportError(
            _(
                "“%(title)s” is locked or waiting for approval, so a new version cannot be saved now. Unlock "
                "it (or finish its workflow) in the admin and import again."
            )
            % {"title": page.title}
        )


@dataclass(frozen=True)
class _Place:
    """A paragraph that carries a reference: enough to write a question about it."""

    number: str
    heading: str
    first_sentence: str
    chapter_heading: str


def reconcile_questionnaire(
    consultation: ConsultationPage, source, *, user=None, plan=None, link_anyway=False
) -> Reconciliation:
    """Link the consultation to `plan` and draft a question for every reference in `source` that it
    does not ask yet.

    `source` is a ParsedPlan or a PlanDraftPage. A new question is free text, marked "needs
    review", with a prompt made from the paragraphs that carry the reference (see `_prompt`).
    Questions whose reference `source` no longer carries are reported, never deleted: they may have
    answers. `plan` (the imported page) becomes the consultation's plan draft, so the published plan
    links each keyed paragraph to its question. References that may name unrelated questions
    (`Clash`) leave the consultation unchanged unless `link_anyway`; existing questions are never
    changed.

    The changes are saved the way the page editor would save them, so the admin and the live
    site agree. If the consultation is not live, they are saved on the page and in a new revision
    (publishing that revision later keeps them). If it is live, its rows are what young people see,
    so they go into a new draft revision only, and appear when an editor publishes it.
    """
    places = _places(source)
    with transaction.atomic():
        consultation = ConsultationPage.objects.select_for_update().get(pk=consultation.pk)
        refuse_locked(consultation, user)
        draft = consultation.get_latest_revision_as_object()
        asked = {_normal(q.reference): q for q in consultation.questions.all()}
        asked |= {_normal(q.reference): q for q in draft.questions.all()}  # the latest wording
        existing = set(asked)
        reconciliation = Reconciliation(
            consultation=consultation,
            orphaned=sorted(existing - set(places), key=ref_sort_key),
            kept=sorted(existing & set(places), key=ref_sort_key),
            in_draft_only=consultation.live,
            plan_title=draft.plan_draft.title if draft.plan_draft is not None else "",
            clashes=_clashes(draft, asked, places),
        )
        if reconciliation.clashes and not link_anyway:
            reconciliation.held_back = True
            return reconciliation
        if plan is not None and draft.plan_draft_id != plan.pk:
            previous = draft.plan_draft
            reconciliation.previous_plan = previous.title if previous is not None else ""
            reconciliation.linked = True
            reconciliation.plan_title = plan.title
            draft.plan_draft = plan
            if not consultation.live:
                consultation.plan_draft = plan
                consultation.save(update_fields=["plan_draft"])
        missing = [ref for ref in sorted(places, key=ref_sort_key) if ref not in existing]
        if not missing and not reconciliation.linked:
            return reconciliation
        orders = [q.sort_order for q in draft.questions.all() if q.sort_order is not None]
        last = max([*orders, consultation.questions.aggregate(last=Max("sort_order"))["last"] or 0])
        for order, ref in enumerate(missing, start=last + 1):
            question = draft_question(consultation, ref, _prompt(places[ref]), order)
            question.full_clean()
            if not consultation.live:
                question.save()
            draft.questions.add(question)
            reconciliation.created.append(ref)
            reconciliation.created_prompts[ref] = question.prompt
        # The draft's own fields are unchanged (but for the plan it names) and were valid when
        # saved, so only the questions (validated above) need checking.
        draft.save_revision(user=user, log_action=True, clean=False)
    return reconciliation


def draft_question(consultation: ConsultationPage, ref: str, prompt: str, order: int) -> Question:
    """A skeleton question for a reference the questionnaire lacks: free text, needing review."""
    return Question(
        page=consultation,
        reference=ref,
        prompt=prompt,
        kind="free_text",
        needs_review=True,
        sort_order=order,
    )


def _clashes(draft, asked: dict, places: dict) -> list[Clash]:
    """References shared with questions that may be unrelated (see `Clash`): not carried by the
    plan the consultation names now, and worded otherwise than the import would word them."""
    named = draft.plan_draft
    keyed = {_normal(ref) for ref in named.paragraphs_by_ref()} if named is not None else set()
    clashes = []
    for ref in sorted(set(asked) & set(places) - keyed, key=ref_sort_key):
        plan_asks = _prompt(places[ref])
        if _wording(asked[ref].prompt) != _wording(plan_asks):
            clashes.append(Clash(ref, asked[ref].prompt, plan_asks))
    return clashes


def _wording(prompt: str) -> str:
    return " ".join(prompt.casefold().split()).rstrip("?.!: ")


def _normal(ref: str) -> str:
    try:
        return normalise_question_ref(ref)
    except ValidationError:
        return ref


def _places(source) -> dict[str, list[_Place]]:
    """Every paragraph carrying each reference, in the plan's order."""
    places: dict[str, list[_Place]] = {}
    if isinstance(source, ParsedPlan):
        for chapter in source.chapters:
            for paragraph in chapter.paragraphs:
                place = _Place(
                    paragraph.number, paragraph.heading, paragraph.first_sentence(), chapter.heading
                )
                for ref in dict.fromkeys(paragraph.question_refs):
                    places.setdefault(ref, []).append(place)
        return places
    for chapter in source.chapters():
        for paragraph in chapter.paragraphs:
            if paragraph.question_ref:
                sentence = _first_sentence_of_html(paragraph.text)
                place = _Place(paragraph.number, paragraph.heading, sentence, chapter.heading)
                places.setdefault(paragraph.question_ref, []).append(place)
    return places


def _first_sentence_of_html(html: str) -> str:
    text = plain_text(html)
    return ParsedParagraph(pieces=[("p", text)]).first_sentence() if text else ""


def _prompt(places: list[_Place]) -> str:
    """The question a paragraph's reference asks about, named by the paragraph's own heading or
    first sentence, never a neighbour's:
    "What do you think about 9.2 “Help children build friendships” (Mental health…)?", and for a
    reference on several paragraphs "What do you think about paragraphs 4.50–4.55 Youth services…?"
    (in a plan without numbers, the sections are named instead)."""
    first = places[0]
    numbered = list(dict.fromkeys(place.number for place in places if place.number))
    numbers = number_ranges(numbered)
    if len(numbered) > 1:
        numbers = f"paragraphs {numbers}"
    sections = list(dict.fromkeys(place.heading or place.chapter_heading for place in places))
    chapter = first.chapter_heading
    if not numbered and len(sections) > 1:
        named = _listed_sections(sections)
    else:
        subject = first.heading or (f"“{first.first_sentence}”" if first.first_sentence else "")
        named = " ".join(part for part in (numbers, subject) if part)
        if named and chapter and chapter != first.heading:
            named = f"{named} ({chapter})"
    prompt = f"What do you think about {named or chapter or 'this part of the plan'}?"
    return prompt if len(prompt) <= PROMPT_MAX_CHARS else prompt[: PROMPT_MAX_CHARS - 2] + "…?"


def _listed_sections(names: list[str], most: int = 4) -> str:
    """`“Being healthy”, “Staying safe” and “Enjoying school”` (and how many more)."""
    quoted = [f"“{name}”" for name in names[:most]]
    if len(names) > most:
        return ", ".join(quoted) + f" and {len(names) - most} more sections"
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def number_ranges(numbers: list[str]) -> str:
    """`4.50, 4.51 … 4.55` -> `4.50–4.55`; `4.2, 4.7, 5.1` -> `4.2, 4.7 and 5.1`."""
    groups: list[list[str]] = []
    for number in dict.fromkeys(numbers):
        if groups and _follows(groups[-1][-1], number):
            groups[-1].append(number)
        else:
            groups.append([number])
    parts = [group[0] if len(group) == 1 else f"{group[0]}–{group[-1]}" for group in groups]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _follows(before: str, after: str) -> bool:
    head_before, _, last_before = before.rpartition(".")
    head_after, _, last_after = after.rpartition(".")
    return (
        head_before == head_after
        and last_before.isdigit()
        and last_after.isdigit()
        and int(last_after) == int(last_before) + 1
    )
