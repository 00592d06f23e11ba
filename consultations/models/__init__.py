from ..plans.models import PlanAim, PlanChapter, PlanDraftPage, PlanHeadlinesPage, PlanParagraph, PlanVersion
from .consultation import ConsultationDocument, ConsultationPage, Question, ReferenceCheck
from .response import AgeBand, Answer, Channel, RespondentType, Response

__all__ = [
    "AgeBand",
    "Answer",
    "Channel",
    "ConsultationDocument",
    "ConsultationPage",
    "PlanAim",
    "PlanChapter",
    "PlanDraftPage",
    "PlanHeadlinesPage",
    "PlanParagraph",
    "PlanVersion",
    "Question",
    "ReferenceCheck",
    "RespondentType",
    "Response",
]
