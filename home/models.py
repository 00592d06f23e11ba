"""The home page and generic pages."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """Lists the consultations open now and the published plan drafts."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    subpage_types = ["consultations.ConsultationPage", "consultations.PlanDraftPage", "home.FormPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from consultations.models import ConsultationPage, PlanDraftPage

        now = timezone.now()
        context = super().get_context(request, *args, **kwargs)
        context["open_consultations"] = (
            ConsultationPage.objects.live().filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")
        )
        context["plan_drafts"] = PlanDraftPage.objects.live().order_by("-first_published_at")
        return context


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractForm):
    """A simple form (e.g. "ask for a paper or easy read copy"), built with Wagtail's form builder.

    Submissions stay in the admin; nothing is emailed out.
    """

    intro = RichTextField(blank=True)
    thank_you_text = RichTextField(blank=True)

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
