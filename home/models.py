"""The home page and generic pages."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, Site


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


def ensure_home_page() -> HomePage:
    """The site's home page, creating the page tree and default site if they are missing.

    Migrations create them; this mends a database where they were removed (or flushed).
    """
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    if root is None:
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        locale = Locale.objects.first() or Locale.objects.create(language_code=language)
        root = Page.add_root(instance=Page(title="Root", locale=locale))
    home = root.add_child(instance=HomePage(title="Have your say", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Chorus"}
    )
    return home


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
