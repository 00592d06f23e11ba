from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultations"

    def ready(self):
        from wagtail.signals import page_published

        from .models import PlanDraftPage
        from .plans.versions import on_plan_published

        page_published.connect(on_plan_published, sender=PlanDraftPage, dispatch_uid="plan_versions")
