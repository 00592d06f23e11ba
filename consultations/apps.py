from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultations"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .models import PlanDraftPage
        from .models.consultation import forget_page_state, forget_plan_paragraphs
        from .plans.versions import on_plan_published

        page_published.connect(on_plan_published, sender=PlanDraftPage, dispatch_uid="plan_versions")
        for signal in (page_published, page_unpublished):
            signal.connect(
                forget_plan_paragraphs, sender=PlanDraftPage, dispatch_uid=f"plan_paragraphs_{signal}"
            )
        # Pages, restrictions and the tree: what was worked out from them (view checks, fresh screens).
        for signal in (post_save, post_delete):
            for model in (PageViewRestriction, *get_page_models()):
                signal.connect(forget_page_state, sender=model, dispatch_uid=f"view_checks_{model}_{signal}")
        post_page_move.connect(forget_page_state, dispatch_uid="view_checks_move")
