from consultations.about_you import AgeBand, Publication, RespondentType

from .response import Answer, Channel, Response, SpeaksFor, Status, split_code

__all__ = [
    "AgeBand",
    "Answer",
    "Channel",
    "Publication",
    "RespondentType",
    "Response",
    "SpeaksFor",
    "Status",
    "split_code",
]
