from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultations"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .models import PlanDraftPage
        from .models.consultation import forget_plan_paragraphs
        from .plans.versions import on_plan_published

        page_published.connect(on_plan_published, sender=PlanDraftPage, dispatch_uid="plan_versions")
        for signal in (page_published, page_unpublished):
            signal.connect(
                forget_plan_paragraphs, sender=PlanDraftPage, dispatch_uid=f"plan_paragraphs_{signal}"
            )
