from consultations.about_you import AgeBand, Publication, RespondentType

# Safeguarding's models live in their own package and register here, as part of this app.
from ..safeguarding.models import Alert, AuditEntry, FlaggedAnswer, SafeguardingRule
from .access import ConsultationAccess
from .analysis import AnswerTheme, Quote, Redaction, RedactionKind, SuggestionDecision, Theme
from .audit import DataRemoval, RemovalKind
from .feedback import (
    FeedbackEmail,
    FeedbackItem,
    FeedbackStatus,
    ProgressUpdate,
    PublishedResults,
    Recommendation,
    RecommendationStatus,
)
from .forums import Forum, ForumEvent, ForumKind, ReservedPlaces
from .live import CommentStatus, LiveComment, LiveParticipant, LiveSession, LiveState
from .members import ForumMember, Membership
from .reports import BoardPaper
from .response import Answer, Channel, GroupMethod, GroupTally, Response, SpeaksFor, Status, split_code

__all__ = [
    "AgeBand",
    "BoardPaper",
    "Alert",
    "AuditEntry",
    "FlaggedAnswer",
    "SafeguardingRule",
    "Answer",
    "AnswerTheme",
    "Quote",
    "Redaction",
    "RedactionKind",
    "SuggestionDecision",
    "Theme",
    "Channel",
    "DataRemoval",
    "FeedbackEmail",
    "FeedbackItem",
    "FeedbackStatus",
    "ProgressUpdate",
    "PublishedResults",
    "Recommendation",
    "RecommendationStatus",
    "Forum",
    "ForumEvent",
    "ForumKind",
    "ForumMember",
    "Membership",
    "ReservedPlaces",
    "GroupMethod",
    "GroupTally",
    "CommentStatus",
    "LiveComment",
    "LiveParticipant",
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
