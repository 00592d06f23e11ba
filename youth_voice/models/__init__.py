from consultations.about_you import AgeBand, Publication, RespondentType

from .audit import DataRemoval, RemovalKind
from .response import Answer, Channel, Response, SpeaksFor, Status, split_code

__all__ = [
    "AgeBand",
    "Answer",
    "Channel",
    "DataRemoval",
    "Publication",
    "RemovalKind",
    "RespondentType",
    "Response",
    "SpeaksFor",
    "Status",
    "split_code",
]
