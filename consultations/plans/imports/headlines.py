"""A headlines page drafted from an imported plan: chapter titles and first sentences for an
editor to rewrite in plain words. Never published here."""

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations.models import PlanDraftPage, PlanHeadlinesPage
from consultations.references import ref_sort_key

from .parsed import ParsedPlan

HEADLINES_TITLE_CHARS = 120  # PriorityBlock.title
QUESTION_REFS_CHARS = 200  # PriorityBlock.question_refs
REWRITE = "To rewrite in plain words: "


def draft_headlines(page: PlanDraftPage, parsed: ParsedPlan, by_when: str, user=None):
    """A draft headlines page under the plan, one priority per chapter (its title and opening
    sentence, to be done `by_when`), for an editor to rewrite in plain words. It is never published
    here: words written for officials are not yet words for young people. A plan that has headlines
    already keeps them. Returns the page (or None) and a line for the report."""
    if PlanHeadlinesPage.objects.child_of(page).exists():
        return None, _("Headlines: this plan draft has a headlines page already; it was left as it is.")
    priorities = []
    for chapter in parsed.chapters:
        sentence = next((p.first_sentence() for p in chapter.paragraphs if p.first_sentence()), "")
        refs = sorted({ref for p in chapter.paragraphs for ref in p.question_refs}, key=ref_sort_key)
        title = chapter.heading or (f"Chapter {chapter.number}" if chapter.number else "Section")
        priorities.append(
            {
                "type": "priority",
                "value": {
                    "title": _shortened(title, HEADLINES_TITLE_CHARS),
                    "summary": REWRITE + (sentence or title),
                    "what_will_change": REWRITE + "what will be different for children and young people.",
                    "by_when": _shortened(by_when, 60),
                    "plan_sections": chapter.number,
                    "question_refs": _listed(refs, QUESTION_REFS_CHARS),
                },
            }
        )
    opening = next((p.first_sentence() for p in parsed.paragraphs if p.first_sentence()), "")
    headlines = PlanHeadlinesPage(
        title=_shortened(f"{page.title}: the headlines", 255),
        slug="headlines",
        vision=f"<p>{escape(REWRITE + (opening or 'the plan’s vision in a sentence or two.'))}</p>",
        priorities=priorities,
        live=False,
        has_unpublished_changes=True,
        owner=user,
    )
    page.add_child(instance=headlines)
    headlines.save_revision(user=user, log_action=True)
    return headlines, ngettext(
        "Headlines: a draft “%(title)s” with %(count)s priority (one per chapter) was created, not "
        "published.",
        "Headlines: a draft “%(title)s” with %(count)s priorities (one per chapter) was created, not "
        "published.",
        len(priorities),
    ) % {"title": headlines.title, "count": len(priorities)}


def _shortened(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _listed(refs: list[str], most: int) -> str:
    """As many whole references as fit (a cut one would not validate in the editor)."""
    listed = ""
    for ref in refs:
        candidate = f"{listed}, {ref}" if listed else ref
        if len(candidate) > most:
            break
        listed = candidate
    return listed
