from consultations.about_you import AgeBand, Publication, RespondentType

from .access import ConsultationAccess
from .response import Answer, Channel, Response, SpeaksFor, Status, split_code

__all__ = [
    "AgeBand",
    "Answer",
    "Channel",
    "ConsultationAccess",
    "Publication",
    "RespondentType",
    "Response",
    "SpeaksFor",
    "Status",
    "split_code",
]
