"""Import a plan draft document as a PlanDraftPage, and draft the questions its markers ask for.

One use case, as plain functions (STYLE: validate, write in one transaction, report the outcome):

    report = import_plan_draft(filename="plan.docx", data=data, consultation=consultation)
    print("\\n".join(report.lines()))

The page is saved the way Wagtail's own editor saves it: a new page is created unpublished with a
first revision, a new version of an existing page is a new revision, and nothing goes live unless
`publish=True` (https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#revision).
A dry run does all the work, reports it and rolls it back.
"""

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from wagtail.models import Site

from consultations.models import ConsultationPage, PlanDraftPage
from consultations.references import ref_sort_key

from .casing import Casing
from .headlines import draft_headlines
from .lines import Line, line_label
from .parsed import Numbering, ParsedPlan
from .parser import parse_plan
from .questionnaire import Reconciliation, reconcile_questionnaire, refuse_locked
from .readers import PlanImportError, read_document

# A plan period must be given (the field is required); when the editor gives none and the document
# does not say, the page says so honestly instead of inventing one.
UNKNOWN_PERIOD = "To be confirmed"
HEADING_MAX_CHARS = 255  # ChapterBlock and ParagraphBlock headings

# `2027–2030`, `2027-30`, `2006-8`, `2008/11`, `2027 to 2030`: a plan period in a title or the
# document's first lines (its cover).
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:[-–—/]|to)\s*(\d{4}|\d{1,2})(?!\d)")
_PERIOD_LINES = 15
_DASHES = re.compile(r"[–—/]")  # `Plan 2008–2011` -> `plan-2008-2011`, not `plan-20082011`


@dataclass(frozen=True)
class ChapterSummary:
    number: str
    heading: str
    paragraphs: int
    refs: list[str]

    def line(self) -> str:
        name = f"{self.number} {self.heading}" if self.number else self.heading
        words = {"name": name, "count": self.paragraphs, "refs": ", ".join(self.refs)}
        if self.refs:
            return (
                ngettext(
                    "%(name)s: %(count)s paragraph; references %(refs)s",
                    "%(name)s: %(count)s paragraphs; references %(refs)s",
                    self.paragraphs,
                )
                % words
            )
        return (
            ngettext(
                "%(name)s: %(count)s paragraph; no question references",
                "%(name)s: %(count)s paragraphs; no question references",
                self.paragraphs,
            )
            % words
        )


# What an import did, by (what, state): "version" a new version of a plan draft, "under" a new plan
# draft under a page, "new" one without a parent given. Collected for the catalogue, read in
# `ImportReport.outcome`.
OUTCOMES = {
    ("version", "would"): gettext_noop(
        "Dry run, nothing was saved. This would save a new version of “%(title)s” (page %(id)s)."
    ),
    ("version", "would_publish"): gettext_noop(
        "Dry run, nothing was saved. This would save a new version of “%(title)s” (page %(id)s) and "
        "publish it."
    ),
    ("version", "published"): gettext_noop("Saved and published a new version of “%(title)s” (page %(id)s)."),
    ("version", "saved_live"): gettext_noop(
        "Saved a new version of “%(title)s” (page %(id)s) as a draft. The published page is unchanged "
        "until it is published."
    ),
    ("version", "saved"): gettext_noop(
        "Saved a new version of “%(title)s” (page %(id)s) as a draft: review it in the admin, then "
        "publish it."
    ),
    ("under", "would"): gettext_noop(
        "Dry run, nothing was saved. This would create the plan draft “%(title)s” under “%(parent)s”."
    ),
    ("under", "would_publish"): gettext_noop(
        "Dry run, nothing was saved. This would create the plan draft “%(title)s” under “%(parent)s” and "
        "publish it."
    ),
    ("under", "published"): gettext_noop(
        "Created and published the plan draft “%(title)s” (page %(id)s) under “%(parent)s”."
    ),
    ("under", "saved"): gettext_noop(
        "Created the plan draft “%(title)s” (page %(id)s) under “%(parent)s” as a draft, not published: "
        "review it in the admin, then publish it."
    ),
    ("new", "would"): gettext_noop(
        "Dry run, nothing was saved. This would create the plan draft “%(title)s”."
    ),
    ("new", "would_publish"): gettext_noop(
        "Dry run, nothing was saved. This would create the plan draft “%(title)s” and publish it."
    ),
    ("new", "published"): gettext_noop("Created and published the plan draft “%(title)s” (page %(id)s)."),
    ("new", "saved"): gettext_noop(
        "Created the plan draft “%(title)s” (page %(id)s) as a draft, not published: review it in the "
        "admin, then publish it."
    ),
}


@dataclass
class ImportReport:
    """What an import found and did; `lines()` is the human report, `summary_line()` its counts."""

    filename: str
    title: str
    plan_period: str
    chapters: int
    paragraphs: int
    markers: int
    refs: int
    unplaced: int
    chapter_summaries: list[ChapterSummary]
    warnings: list[str]
    question_refs: list[str]
    dry_run: bool = False
    published: bool = False
    page: PlanDraftPage | None = None  # None on a dry run
    parent: object = None  # the page a new draft goes under; None for a new version
    replaced: PlanDraftPage | None = None  # the page a new version was saved for
    reconciliation: Reconciliation | None = None
    numbering: Numbering = field(default_factory=Numbering)
    headlines: object = None  # the draft headlines page drafted from the import, if asked for
    headlines_note: str = ""

    @property
    def created_question_refs(self) -> list[str]:
        return self.reconciliation.created if self.reconciliation else []

    @property
    def orphaned_question_refs(self) -> list[str]:
        return self.reconciliation.orphaned if self.reconciliation else []

    def outcome(self) -> str:
        """One sentence or two: what was (or, on a dry run, would be) saved, in the reader's language."""
        state = "would" if self.dry_run else "published" if self.published else "saved"
        if self.replaced is not None:
            if self.dry_run and self.published:
                state = "would_publish"
            elif state == "saved" and self.replaced.live:
                state = "saved_live"
            words = {"title": self.replaced.title, "id": self.replaced.pk}
            return _(OUTCOMES[("version", state)]) % words
        if self.dry_run and self.published:
            state = "would_publish"
        words = {
            "title": self.title,
            "id": getattr(self.page, "pk", ""),
            "parent": getattr(self.parent, "title", ""),
        }
        where = "under" if self.parent is not None else "new"
        return _(OUTCOMES[(where, state)]) % words

    def lines(self) -> list[str]:
        lines = [
            _("File: %(filename)s") % {"filename": self.filename},
            _("Title: %(title)s; plan period: %(period)s")
            % {"title": self.title, "period": self.plan_period},
            self.outcome(),
            _("Chapters (%(count)s):") % {"count": self.chapters},
            *(f"  {chapter.line()}" for chapter in self.chapter_summaries),
            self.numbering.line(),
        ]
        if self.reconciliation is not None:
            lines.extend(self.reconciliation.lines())
        if self.headlines_note:
            lines.append(self.headlines_note)
        if self.warnings:
            lines.append(_("Check these (%(count)s) before publishing:") % {"count": len(self.warnings)})
            lines.extend(f"  - {warning}" for warning in self.warnings)
        else:
            lines.append(_("Nothing to check: nothing was dropped, merged or guessed."))
        steps = self.to_do()
        if steps:
            lines.append(_("To do:"))
            lines.extend(f"  {number}. {step}" for number, step in enumerate(steps, start=1))
        return lines

    def to_do(self) -> list[str]:
        """What is left for an editor, in order, after this import (or, on a dry run, would be)."""
        steps = []
        if self.warnings:
            steps.append(
                ngettext(
                    "Check the %(count)s point above in the plan draft.",
                    "Check the %(count)s points above in the plan draft.",
                    len(self.warnings),
                )
                % {"count": len(self.warnings)}
            )
        if self.headlines is not None:
            steps.append(
                _("Rewrite the headlines draft “%(title)s” in plain words, then publish it.")
                % {"title": self.headlines.title}
            )
        if self.reconciliation is not None:
            steps.extend(self.reconciliation.to_do())
        if not self.published:
            steps.append(_("Publish the plan draft.") + self._until_live())
        return steps

    def _until_live(self) -> str:
        """Why publishing the plan matters to the consultation linked to it: a survey links to its
        plan only once the plan is live (`ConsultationPage.public_plan_draft`)."""
        reconciliation = self.reconciliation
        plan_live = self.replaced is not None and self.replaced.live
        if reconciliation is None or reconciliation.held_back or plan_live:
            return ""
        return " " + _("Until it is live, “%(title)s” neither links to it nor quotes it.") % {
            "title": reconciliation.consultation.title
        }

    def summary_line(self) -> str:
        return (
            f"imported: chapters={self.chapters} paragraphs={self.paragraphs} markers={self.markers} "
            f"refs={self.refs} unplaced={self.unplaced}"
        )


# --- Building the page body ------------------------------------------------------------------------


def build_body(parsed: ParsedPlan, warnings: list[str] | None = None) -> list[dict]:
    """The plan as raw StreamField data for `PlanDraftPage.body`.

    Headings are stored as the parsed plan has them (see `apply_casing`). What the blocks cannot hold
    is adapted and, when `warnings` is given, described there: a
    chapter without a heading gets one ("Chapter 9", "Section 3"), an over-long heading is cut, and
    a paragraph carrying several question references keeps the first (a paragraph block has one).
    """
    warnings = warnings if warnings is not None else []
    body = []
    for position, chapter in enumerate(parsed.chapters, start=1):
        heading = chapter.heading
        if not heading:
            heading = f"Chapter {chapter.number}" if chapter.number else f"Section {position}"
            warnings.append(_no_heading_warning(chapter, position, heading))
        paragraphs = []
        for paragraph in chapter.paragraphs:
            refs = list(dict.fromkeys(paragraph.question_refs))
            if len(refs) > 1:
                warnings.append(
                    _(
                        "Line %(line)s: paragraph %(number)s carries the references %(refs)s. A "
                        "paragraph holds one reference, so it was keyed to %(first)s; split it in the "
                        "editor to key the others."
                    )
                    % {
                        "line": paragraph.source_line,
                        "number": paragraph.number or _("(unnumbered)"),
                        "refs": ", ".join(refs),
                        "first": refs[0],
                    }
                )
            paragraphs.append(
                {
                    "number": paragraph.number,
                    "heading": _fit_heading(paragraph.heading, line_label(paragraph.source_line), warnings),
                    "text": paragraph.html(),
                    "question_ref": refs[0] if refs else "",
                    "aims": [],
                    "uncrc_articles": "",
                    "table": paragraph.table or {"kind": "table", "header": False, "rows": []},
                }
            )
        body.append(
            {
                "type": "chapter",
                "value": {
                    "number": chapter.number,
                    "heading": _fit_heading(heading, _chapter_label(chapter, position), warnings),
                    "paragraphs": paragraphs,
                },
            }
        )
    return body


def apply_casing(parsed: ParsedPlan, lines: list[Line], sentence_case: bool) -> None:
    """Keep the author's capitals, or (when the editor asks) make headings (and the document's title)
    in capitals sentences, keeping the names, acronyms, months and days the document capitalises.
    Prompts drafted from the headings follow the same rule, as they are drafted from these."""
    if not sentence_case:
        return
    casing = Casing.of(lines)
    parsed.title = casing.sentence(parsed.title)
    parsed.cover = [casing.sentence(line) for line in parsed.cover]  # the title may come from it
    for chapter in parsed.chapters:
        chapter.heading = casing.sentence(chapter.heading)
        for paragraph in chapter.paragraphs:
            paragraph.heading = casing.sentence(paragraph.heading)


def keep_tags(body: list[dict], previous: PlanDraftPage) -> None:
    """Give each imported paragraph the aims and UNCRC articles its number had in the previous
    version: editors tag paragraphs in the admin, and a new version of the document must not
    wipe that work."""
    tags = {
        paragraph.number: (list(paragraph.aims), ", ".join(map(str, paragraph.uncrc_articles)))
        for paragraph in previous.paragraphs()
        if paragraph.number and (paragraph.aims or paragraph.uncrc_articles)
    }
    for chapter in body:
        for paragraph in chapter["value"]["paragraphs"]:
            if paragraph["number"] in tags:
                paragraph["aims"], paragraph["uncrc_articles"] = tags[paragraph["number"]]


def _chapter_label(chapter, position: int) -> str:
    """Where a chapter is, as a report line starts: `Chapter 3: …`."""
    if chapter.number:
        return _("Chapter %(number)s") % {"number": chapter.number}
    return _("The unnumbered chapter at position %(position)s") % {"position": position}


def _no_heading_warning(chapter, position: int, heading: str) -> str:
    if chapter.number:
        return _("Chapter %(number)s has no heading; it was called “%(heading)s”.") % {
            "number": chapter.number,
            "heading": heading,
        }
    return _(
        "The unnumbered chapter at position %(position)s has no heading; it was called “%(heading)s”."
    ) % {
        "position": position,
        "heading": heading,
    }


def _fit_heading(heading: str, where: str, warnings: list[str]) -> str:
    if len(heading) <= HEADING_MAX_CHARS:
        return heading
    warnings.append(
        _(
            "%(where)s: the heading is longer than %(most)s characters and was cut short; it may be a "
            "paragraph of text written in a heading style."
        )
        % {"where": where, "most": HEADING_MAX_CHARS}
    )
    return heading[: HEADING_MAX_CHARS - 1].rstrip() + "…"


def _clean_body(raw: list[dict]):
    """The body validated by its blocks, exactly as the page editor would validate it."""
    stream_block = PlanDraftPage._meta.get_field("body").stream_block
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        data = error.as_json_data() if hasattr(error, "as_json_data") else {}
        details = "; ".join(message.rstrip(".") for message in _block_messages(data))
        raise PlanImportError(
            _(
                "The plan cannot be saved as it was read: %(details)s. Correct the document and import "
                "it again."
            )
            % {"details": details or error}
        ) from None


def _block_messages(data, path: str = "") -> list[str]:
    """Flatten Wagtail's nested block errors into `chapter 2 › paragraphs 3 › number: message`."""
    if isinstance(data, list):
        return [message for item in data for message in _block_messages(item, path)]
    if not isinstance(data, dict):
        return []
    messages = [
        f"{path}: {strip_tags(text)}" if path else strip_tags(text) for text in data.get("messages", [])
    ]
    for key, value in (data.get("blockErrors") or {}).items():
        label = (
            _("chapter %(position)s") % {"position": int(key) + 1}
            if not path
            else (f"{int(key) + 1}" if str(key).isdigit() else key)
        )
        messages.extend(_block_messages(value, f"{path} › {label}" if path else label))
    return messages


# --- Importing -------------------------------------------------------------------------------------


def import_plan_draft(
    *,
    filename: str,
    data: bytes,
    encoding: str | None = None,
    parent=None,
    title: str | None = None,
    plan_period: str | None = None,
    replace: PlanDraftPage | None = None,
    consultation: ConsultationPage | None = None,
    publish: bool = False,
    dry_run: bool = False,
    sentence_case: bool = False,
    headlines: bool = False,
    user=None,
    link_anyway: bool = False,
) -> ImportReport:
    """Read, parse and save a plan draft; raises PlanImportError, having written nothing, on bad input.

    Without `replace`, a new unpublished PlanDraftPage is created under `parent` (default: the
    default site's home page). With `replace`, a new revision of that page is saved, keeping its
    title and plan period unless new ones are given. `publish=True` publishes the revision.
    `consultation` is linked to the plan draft and has its questionnaire reconciled with it (see
    `reconcile_questionnaire`; `link_anyway` confirms references that match questions worded
    otherwise). `sentence_case` makes headings in capitals sentences (see
    `apply_casing`); `headlines` drafts an unpublished headlines page from the chapters (see
    `draft_headlines`). `user` is recorded on the revisions and in the page history; permission checks are the
    caller's (the admin view checks them, the management command runs as the site operator).
    """
    lines = read_document(filename, data, encoding=encoding)
    parsed = parse_plan(lines)
    apply_casing(parsed, lines, sentence_case)
    warnings = list(parsed.warnings)
    body = build_body(parsed, warnings)
    if replace is not None:
        keep_tags(body, replace.get_latest_revision_as_object())
    title, title_note = _title(title, replace, parsed, filename)
    plan_period, period_note = _plan_period(plan_period, replace, title, lines)
    warnings.extend(note for note in (title_note, period_note) if note)
    if replace is None:
        parent = parent or _default_parent()
        if not PlanDraftPage.can_create_at(parent):
            raise PlanImportError(
                _("A plan draft cannot be created under “%(title)s”; choose the home page.")
                % {"title": parent.title}
            )
    report = ImportReport(
        filename=PurePath(filename).name,
        title=title,
        plan_period=plan_period,
        chapters=len(parsed.chapters),
        paragraphs=parsed.paragraph_count,
        markers=parsed.marker_count,
        refs=len(parsed.refs),
        unplaced=parsed.unplaced,
        chapter_summaries=_chapter_summaries(parsed, body),
        warnings=warnings,
        question_refs=parsed.refs,
        dry_run=dry_run,
        published=publish,
        parent=parent if replace is None else None,
        replaced=replace,
        numbering=parsed.numbering,
    )
    try:
        with transaction.atomic():
            cleaned_body = _clean_body(body)
            if replace is None:
                page, revision = _create_page(parent, title, plan_period, cleaned_body, user)
            else:
                page, revision = _save_new_version(replace, title, plan_period, cleaned_body, user)
            if consultation is not None:
                report.reconciliation = reconcile_questionnaire(
                    consultation, parsed, user=user, plan=page, link_anyway=link_anyway
                )
            if headlines:
                by_when = f"By the end of {plan_period}" if plan_period != UNKNOWN_PERIOD else UNKNOWN_PERIOD
                report.headlines, report.headlines_note = draft_headlines(page, parsed, by_when, user)
            if dry_run:
                transaction.set_rollback(True)
            elif publish:
                revision.publish(user=user)
    except ValidationError as error:
        raise PlanImportError(
            _("The plan draft cannot be saved: %(details)s") % {"details": _validation_message(error)}
        ) from None
    report.page = None if dry_run else PlanDraftPage.objects.get(pk=page.pk)
    return report


def _default_parent():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise PlanImportError(_("There is no default site to add the plan draft to; choose a parent page."))
    return site.root_page.specific


def _title(given: str | None, replace, parsed: ParsedPlan, filename: str) -> tuple[str, str]:
    """The page title and, when it was guessed from the cover, a note saying so."""
    if (given or "").strip():
        return given.strip(), ""
    if replace is not None:
        return replace.draft_title, ""
    if parsed.title:
        return parsed.title, ""
    if parsed.cover:
        title = parsed.cover[0][:255]
        return title, _("The title “%(title)s” was taken from the cover's first line; check it.") % {
            "title": title
        }
    return _title_from(filename), ""


def _title_from(filename: str) -> str:
    """`cyp_plan_draft_v3.docx` -> "Cyp plan draft v3"."""
    stem = PurePath(filename or "").stem
    title = " ".join(re.sub(r"[_.]+|(?<=[^\W\d])-(?=[^\W\d])", " ", stem).split())
    return (title[:1].upper() + title[1:])[:255] if title else "Plan draft"


def _plan_period(given: str | None, replace, title: str, lines: list[Line]) -> tuple[str, str]:
    """The plan period and, when it was not given, a note saying where it came from."""
    if (given or "").strip():
        return given.strip(), ""
    if replace is not None:
        return replace.plan_period, ""
    first_lines = [line.text for line in lines if line.text.strip()][:_PERIOD_LINES]
    period = find_period(title)
    if period:
        return period, _("The plan period “%(period)s” was read from the title; check it.") % {
            "period": period
        }
    for text in first_lines:
        period = find_period(text)
        if period:
            return period, _("The plan period “%(period)s” was read from the document; check it.") % {
                "period": period
            }
    return UNKNOWN_PERIOD, (
        _("No plan period was given or found, so it reads “%(period)s”; set it before publishing.")
        % {"period": UNKNOWN_PERIOD}
    )


def find_period(text: str) -> str:
    """`2006-8` -> `2006–2008`, `2006–08`, `2008/11`, `2008-2011`: the first plan period in the text."""
    for match in _PERIOD.finditer(text):
        start, end = match[1], match[2]
        end = end if len(end) == 4 else start[: 4 - len(end)] + end
        if 0 < int(end) - int(start) <= 10:
            return f"{start}–{end}"
    return ""


def _chapter_summaries(parsed: ParsedPlan, body: list[dict]) -> list[ChapterSummary]:
    summaries = []
    for chapter, block in zip(parsed.chapters, body, strict=True):
        refs = {ref for paragraph in chapter.paragraphs for ref in paragraph.question_refs}
        summaries.append(
            ChapterSummary(
                number=chapter.number,
                heading=block["value"]["heading"],
                paragraphs=len(chapter.paragraphs),
                refs=sorted(refs, key=ref_sort_key),
            )
        )
    return summaries


def _create_page(parent, title, plan_period, body, user):
    """A new page, unpublished, with its first revision: what Wagtail's "Save draft" does."""
    page = PlanDraftPage(
        title=title,
        slug=_free_slug(parent, title),
        plan_period=plan_period,
        body=body,
        live=False,
        has_unpublished_changes=True,
        owner=user,
    )
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    return page, revision


def _free_slug(parent, title: str) -> str:
    base = slugify(_DASHES.sub("-", title), allow_unicode=True)[:240] or "plan-draft"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, suffix = base, 1
    while slug in taken:
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug


def _save_new_version(page: PlanDraftPage, title, plan_period, body, user):
    """A new revision of the page's latest draft (keeping any unpublished edits to other fields)."""
    page = PlanDraftPage.objects.select_for_update().get(pk=page.pk)  # its latest state, held until saved
    refuse_locked(page, user)
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.plan_period = plan_period
    draft.body = body
    revision = draft.save_revision(user=user, log_action=True)
    return draft, revision


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)
