"""Published versions of a plan draft, and what changed between two of them, paragraph by paragraph."""

import difflib
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from consultations.references import ref_sort_key

from .models import PlanVersion
from .text import plain_text


def record_published_version(page, revision) -> PlanVersion | None:
    """Keep the version just published, numbered after the last; None if nothing a reader sees
    changed (a new SEO title, or the same document imported again, is not a new version)."""
    content = revision.content
    with transaction.atomic():
        latest = page.versions.select_for_update().first()
        if latest and not compare_pages(latest.as_page(), page).any:
            return None
        number = (page.versions.aggregate(Max("number"))["number__max"] or 0) + 1
        return PlanVersion.objects.create(
            page=page,
            number=number,
            published_at=revision.approved_go_live_at or timezone.now(),
            revision=revision,
            content=content,
        )


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # "added", "removed", "changed"
    label: str
    anchor: str
    old_ref: str
    new_ref: str
    text_diff: str  # HTML: words removed in <del>, added in <ins>
    tags_changed: bool = False  # its aims or UNCRC articles

    @property
    def ref_moved(self) -> bool:
        return self.old_ref != self.new_ref

    @property
    def kind_label(self) -> str:
        return str(CHANGE_KINDS[self.kind])


CHANGE_KINDS = {
    "added": pgettext_lazy("a paragraph", "Added"),
    "removed": pgettext_lazy("a paragraph", "Removed"),
    "changed": pgettext_lazy("a paragraph", "Changed"),
}


@dataclass(frozen=True)
class RefMove:
    ref: str
    old_places: list
    new_places: list


@dataclass(frozen=True)
class Comparison:
    changes: list
    ref_moves: list
    other_changes: list = field(default_factory=list)  # e.g. ["the title", "the stage"]

    @property
    def any(self) -> bool:
        return bool(self.changes or self.other_changes)

    def count(self, kind) -> int:
        return sum(1 for change in self.changes if change.kind == kind)

    @property
    def added(self) -> int:
        return self.count("added")

    @property
    def removed(self) -> int:
        return self.count("removed")

    @property
    def changed(self) -> int:
        return self.count("changed")


def _words(html: str) -> list[str]:
    return plain_text(html).split()


def word_diff(old_html: str, new_html: str) -> str:
    """The paragraph's words with removals in <del> and additions in <ins>, escaped."""
    old, new = _words(old_html), _words(new_html)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            parts.append(f"<del>{escape(' '.join(old[i1:i2]))}</del>")
        if op in ("replace", "insert"):
            parts.append(f"<ins>{escape(' '.join(new[j1:j2]))}</ins>")
        if op == "equal":
            parts.append(escape(" ".join(old[i1:i2])))
    return mark_safe(" ".join(parts))  # noqa: S308 - every piece above is escaped


# What a reader sees of a plan besides its paragraphs, as the comparison names it.
PAGE_PARTS = {
    _("the title"): lambda page, chapters: page.title,
    _("the plan period"): lambda page, chapters: page.plan_period,
    _("the stage"): lambda page, chapters: page.stage,
    _("the introduction"): lambda page, chapters: _words(page.introduction),
    _("chapter headings"): lambda page, chapters: [(c.anchor, c.heading) for c in chapters],
}


def compare_pages(old_page, new_page) -> Comparison:
    """What a reader would see changed between two states of a plan draft; editing details that
    show nowhere (block ids, editor keys, SEO fields) are not changes."""
    old_chapters, new_chapters = old_page.chapters(), new_page.chapters()
    comparison = compare(old_chapters, new_chapters)
    comparison.other_changes.extend(
        name
        for name, part in PAGE_PARTS.items()
        if part(old_page, old_chapters) != part(new_page, new_chapters)
    )
    return comparison


def compare(old_chapters, new_chapters) -> Comparison:
    """Every paragraph added, removed or changed from the old chapters to the new, in reading order.

    Paragraphs are matched by anchor: their number, or their place when unnumbered. A removed
    paragraph is listed where it used to stand.
    """
    old = {p.anchor: p for chapter in old_chapters for p in chapter.paragraphs}
    new = {p.anchor: p for chapter in new_chapters for p in chapter.paragraphs}
    old_position = {anchor: index for index, anchor in enumerate(old)}
    removed = [p for anchor, p in old.items() if anchor not in new]
    changes = []
    for anchor, paragraph in new.items():
        before = old.get(anchor)
        if before is None:
            changes.append(_change("added", None, paragraph))
            continue
        while removed and old_position[removed[0].anchor] < old_position[anchor]:
            changes.append(_change("removed", removed.pop(0), None))
        if _comparable(before) != _comparable(paragraph):
            changes.append(_change("changed", before, paragraph))
    changes.extend(_change("removed", paragraph, None) for paragraph in removed)
    return Comparison(changes, _ref_moves(old.values(), new.values()))


def _comparable(paragraph) -> tuple:
    return (paragraph.heading, _words(paragraph.text), paragraph.question_ref, _tags(paragraph))


def _tags(paragraph) -> tuple:
    return (tuple(sorted(paragraph.aims)), paragraph.uncrc_articles)


def _change(kind, before, after) -> ParagraphChange:
    shown = after or before
    return ParagraphChange(
        kind,
        shown.label,
        shown.anchor,
        before.question_ref if before else "",
        after.question_ref if after else "",
        word_diff(_reading(before), _reading(after)),
        tags_changed=bool(before and after and _tags(before) != _tags(after)),
    )


def _reading(paragraph) -> str:
    return f"{paragraph.heading} {paragraph.text}" if paragraph else ""


def _places_by_ref(paragraphs) -> dict[str, list[str]]:
    places = {}
    for paragraph in paragraphs:
        if paragraph.question_ref:
            places.setdefault(paragraph.question_ref, []).append(paragraph.label)
    return places


def _ref_moves(old_paragraphs, new_paragraphs) -> list[RefMove]:
    """Questions whose paragraphs in the plan differ between the two versions."""
    old, new = _places_by_ref(old_paragraphs), _places_by_ref(new_paragraphs)
    return [
        RefMove(ref, old.get(ref, []), new.get(ref, []))
        for ref in sorted(old.keys() | new.keys(), key=ref_sort_key)
        if old.get(ref, []) != new.get(ref, [])
    ]


def on_plan_published(sender, instance, revision, **kwargs):
    """`page_published` receiver (connected in apps.py) for plan drafts."""
    record_published_version(instance, revision)
