from ..plans.models import PlanAim, PlanChapter, PlanDraftPage, PlanHeadlinesPage, PlanParagraph, PlanVersion
from .consultation import ConsultationDocument, ConsultationPage, ReferenceCheck
from .questions import Question, QuestionIdentity

__all__ = [
    "ConsultationDocument",
    "ConsultationPage",
    "PlanAim",
    "PlanChapter",
    "PlanDraftPage",
    "PlanHeadlinesPage",
    "PlanParagraph",
    "PlanVersion",
    "Question",
    "QuestionIdentity",
    "ReferenceCheck",
]
