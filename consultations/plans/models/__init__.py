from .aims import PlanAim
from .headlines import PlanHeadlinesPage
from .plan import PlanChapter, PlanDraftPage, PlanParagraph, PlanVersion

__all__ = ["PlanAim", "PlanChapter", "PlanDraftPage", "PlanHeadlinesPage", "PlanParagraph", "PlanVersion"]
