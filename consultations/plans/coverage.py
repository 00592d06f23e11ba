"""Which parts of a plan and its questionnaire serve each aim and each UNCRC article."""

from dataclasses import dataclass, field

from consultations.references import ref_sort_key
from consultations.uncrc import ARTICLES, parse_articles

from .models import PlanAim


@dataclass
class AimCoverage:
    aim: PlanAim
    paragraphs: list = field(default_factory=list)
    questions: list = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.paragraphs or self.questions)


@dataclass
class ArticleCoverage:
    number: int
    title: str
    paragraphs: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    aims: list = field(default_factory=list)  # the plan's aims that serve this article


@dataclass(frozen=True)
class Coverage:
    aims: list
    articles: list

    @property
    def uncovered_aims(self) -> list:
        return [entry.aim for entry in self.aims if not entry.covered]


def coverage_for(plan) -> Coverage:
    """Aims of the plan's framework (and any other aim used), then every article anything touches."""
    consultation = plan.current_consultation()
    question_urls = consultation.question_urls() if consultation else {}
    paragraphs = list(plan.paragraphs(question_urls))
    questions = (
        sorted(consultation.questions.prefetch_related("aims"), key=lambda q: ref_sort_key(q.reference))
        if consultation
        else []
    )
    used_codes = {code for p in paragraphs for code in p.aims} | {
        a.code for q in questions for a in q.aims.all()
    }
    aims = [
        aim for aim in PlanAim.objects.all() if aim.framework == plan.aims_framework or aim.code in used_codes
    ]

    by_aim = {aim.code: AimCoverage(aim) for aim in aims}
    articles = {}

    def article(number):
        return articles.setdefault(number, ArticleCoverage(number, ARTICLES[number]))

    for paragraph in paragraphs:
        for code in paragraph.aims:
            if code in by_aim:
                by_aim[code].paragraphs.append(paragraph)
        for number in paragraph.uncrc_articles:
            article(number).paragraphs.append(paragraph)
    for question in questions:
        for aim in question.aims.all():
            by_aim[aim.code].questions.append(question)
        for number in parse_articles(question.uncrc_articles):
            article(number).questions.append(question)
    for aim in aims:
        for number in aim.article_numbers:
            article(number).aims.append(aim)
    return Coverage(list(by_aim.values()), [articles[number] for number in sorted(articles)])
