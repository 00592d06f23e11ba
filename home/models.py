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
    """The site's home page in the default language, creating the page tree and default site if
    they are missing.

    Migrations create them; this mends a database where they were removed (or flushed). The Welsh
    home page is a translation of the English one and may come first in the tree (made first, or the
    English one rebuilt), so the home page is looked up by its language, never by its place.
    """
    locale = default_locale()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and site.root_page.locale_id == locale.pk:
        root_page = site.root_page.specific
        if isinstance(root_page, HomePage):
            return root_page
    home = HomePage.objects.filter(locale=locale).order_by("path").first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", locale=locale))
        # A home page left in another language only becomes this one's translation.
        other = HomePage.objects.order_by("path").first()
        kept = {"translation_key": other.translation_key} if other is not None else {}
        home = root.add_child(instance=HomePage(title="Have your say", slug="home", locale=locale, **kept))
    if site is None:
        Site.objects.create(is_default_site=True, hostname="localhost", root_page=home, site_name="Chorus")
    else:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return home


def default_locale() -> Locale:
    """The locale of the site's default language (`LANGUAGE_CODE`), created if it is missing."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=language)[0]


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
