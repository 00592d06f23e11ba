from consultations.about_you import AgeBand, Publication, RespondentType

# Safeguarding's models live in their own package and register here, as part of this app.
from ..safeguarding.models import Alert, AuditEntry, FlaggedAnswer, SafeguardingRule
from .access import ConsultationAccess
from .audit import DataRemoval, RemovalKind
from .feedback import (
    FeedbackEmail,
    FeedbackItem,
    FeedbackStatus,
    ProgressUpdate,
    Recommendation,
    RecommendationStatus,
)
from .forums import Forum, ForumEvent, ForumKind
from .live import LiveSession, LiveState
from .response import Answer, Channel, GroupMethod, GroupTally, Response, SpeaksFor, Status, split_code

__all__ = [
    "AgeBand",
    "Alert",
    "AuditEntry",
    "FlaggedAnswer",
    "SafeguardingRule",
    "Answer",
    "Channel",
    "DataRemoval",
    "FeedbackEmail",
    "FeedbackItem",
    "FeedbackStatus",
    "ProgressUpdate",
    "Recommendation",
    "RecommendationStatus",
    "Forum",
    "ForumEvent",
    "ForumKind",
    "GroupMethod",
    "GroupTally",
    "LiveSession",
    "LiveState",
    "ConsultationAccess",
    "Publication",
    "RemovalKind",
    "RespondentType",
    "Response",
    "SpeaksFor",
    "Status",
    "split_code",
]
