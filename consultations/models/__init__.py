from .aims import PlanAim
from .consultation import ConsultationDocument, ConsultationPage, Question, ReferenceCheck
from .headlines import PlanHeadlinesPage
from .plan import PlanChapter, PlanDraftPage, PlanParagraph, PlanVersion
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
