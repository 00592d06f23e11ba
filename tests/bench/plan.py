"""Plan-draft figures for `make bench`: importing a 150 KB draft, and the weight of its page."""

import random

from home.models import ensure_home_page
from tests.bench.content import median_ms

WORDS = (
    "children young people partnership services support schools families health safe local plan "
    "every will help youth club council community listen views access learning play transport "
    "waiting times wellbeing housing carers forum priorities progress review outcomes together"
).split()


def plan_text(paragraphs=300, markers=50, target_bytes=150_000, seed=3) -> str:
    """A plain-text draft laid out like a Word export: 15 chapters, numbered paragraphs, some
    numbers on a line of their own, headings in capitals, bullets, and `Ref – Q` markers."""
    rng = random.Random(seed)
    chapters = 15
    per_chapter = paragraphs // chapters
    words_per_paragraph = max(10, target_bytes // paragraphs // 8)
    marked = set(rng.sample(range(paragraphs), markers))
    lines, index = [], 0
    for chapter in range(1, chapters + 1):
        lines += [f"{chapter}\t{' '.join(rng.sample(WORDS, 3)).upper()}", ""]
        for number in range(1, per_chapter + 1):
            text = " ".join(rng.choices(WORDS, k=words_per_paragraph)).capitalize() + "."
            if number % 7 == 1:
                lines += [f"{chapter}.{number}", "\t", f"{' '.join(rng.sample(WORDS, 2)).upper()}", text]
            else:
                lines.append(f"{chapter}.{number}\t{text}")
            if number % 5 == 0:
                lines += [f"• {' '.join(rng.sample(WORDS, 6))}", f"• {' '.join(rng.sample(WORDS, 5))}"]
            if index in marked:
                dash = rng.choice(["–", "-"])
                lines.append(f"Ref {dash} Q {chapter}.{rng.randint(1, 3)} Consultation Questionnaire")
            lines.append("")
            index += 1
    return "\n".join(lines)


def home_page():
    return ensure_home_page()  # the English one: the Welsh questionnaire has a Welsh home too


def make_bench_plan() -> str:
    """The published 300-paragraph draft that `plan_page_bytes` weighs; returns its URL."""
    from consultations.plans.imports.importer import import_plan_draft

    report = import_plan_draft(
        filename="bench-plan.txt",
        data=plan_text().encode(),
        parent=home_page(),
        title="Bench plan",
        publish=True,
    )
    return report.page.url


def time_import(paragraphs=300, markers=50, target_bytes=150_000, runs=None):
    """Median ms to import a generated draft (by default the 150 KB one), and to save the same body
    as a page without reading it."""
    from consultations.models import PlanDraftPage
    from consultations.plans.imports import parse_plan, read_document
    from consultations.plans.imports.importer import build_body, import_plan_draft

    data = plan_text(paragraphs=paragraphs, markers=markers, target_bytes=target_bytes).encode()
    body = build_body(parse_plan(read_document("bench.txt", data)))
    counter = iter(range(1_000))
    times = {} if runs is None else {"runs": runs}

    def import_once():
        import_plan_draft(
            filename="bench.txt", data=data, parent=home_page(), title=f"Import {next(counter)}"
        )

    def save_once():
        page = PlanDraftPage(
            title=f"Saved {next(counter)}",
            slug=f"saved-{len(data)}-{next(counter)}",
            plan_period="x",
            body=body,
        )
        home_page().add_child(instance=page)
        page.save_revision()

    return median_ms(import_once, **times), median_ms(save_once, **times), len(data)


def time_import_1mb():
    """The same for a generated 1 MB draft: 2,000 paragraphs and 300 markers."""
    return time_import(paragraphs=2_000, markers=300, target_bytes=1_000_000, runs=3)
