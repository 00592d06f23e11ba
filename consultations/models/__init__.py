from .consultation import ConsultationDocument, ConsultationPage, Question, ReferenceCheck
from .plan import PlanChapter, PlanDraftPage, PlanParagraph
from .response import AgeBand, Answer, Channel, RespondentType, Response

__all__ = [
    "AgeBand",
    "Answer",
    "Channel",
    "ConsultationDocument",
    "ConsultationPage",
    "PlanChapter",
    "PlanDraftPage",
    "PlanParagraph",
    "Question",
    "ReferenceCheck",
    "RespondentType",
    "Response",
]
