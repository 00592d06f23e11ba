"""Admin wiring for what is published and asked: plan-draft import and its menu item."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from home.models import default_locale

from .models import ConsultationPage, PlanDraftPage
from .page_links import LocalizedPageLinkHandler
from .plans.imports import admin as plan_import_admin
from .plans.imports import welsh_admin as welsh_plan_import_admin

# --- Importing plan drafts from documents (views in consultations.plans.imports.admin) ---


@hooks.register("register_admin_urls")
def register_plan_import_urls():
    return [
        path(
            "plan-drafts/import/",
            include((plan_import_admin.urlpatterns, "plan_import"), namespace="plan_import"),
        ),
        path(
            "plan-drafts/import/welsh/",
            include(
                (welsh_plan_import_admin.urlpatterns, "welsh_plan_import"), namespace="welsh_plan_import"
            ),
        ),
    ]


class PlanImportMenuItem(MenuItem):
    def is_shown(self, request):
        return plan_import_admin.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_plan_import_menu_item():
    return PlanImportMenuItem(
        _("Import plan draft"), reverse("plan_import:import"), icon_name="upload", order=260
    )


@hooks.register("register_page_listing_buttons")
def plan_import_listing_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, PlanDraftPage) and page.permissions_for_user(user).can_edit():
        url = f"{reverse('plan_import:import')}?replace={page.pk}"
        yield ListingButton(_("Import a new version"), url, priority=20)
        if page.locale_id == default_locale().pk:  # a Welsh document translates an English plan draft
            url = f"{reverse('welsh_plan_import:import')}?plan={page.pk}"
            yield ListingButton(_("Import its Welsh version"), url, priority=21)


# --- Welsh and English: links in rich text lead to the version in the reader's language ---


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own "page" link type
def link_pages_in_the_readers_language(features):
    features.register_link_type(LocalizedPageLinkHandler)


# --- The question editor and publishing in the consultation page editor ---


@hooks.register("insert_editor_js")
def question_editor_js():
    return format_html('<script src="{}" defer></script>', static("js/question_editor.js"))


@hooks.register("construct_page_action_menu")
def publish_first_for_consultations(menu_items, request, context):
    """Publishing a consultation is one visible click: Publish is the main button, and Save draft
    stays beside it in the menu (and autosave keeps drafts)."""
    page = context.get("page")
    if not isinstance(page, ConsultationPage):
        return
    publish = next((item for item in menu_items if item.name == "action-publish"), None)
    if publish is not None:
        menu_items.remove(publish)
        menu_items.insert(0, publish)


@hooks.register("before_publish_page")  # publishing reloads the page before after_edit_page
@hooks.register("after_edit_page")
def tell_what_rewording_kept(request, page):
    """After saving, say which answered questions and options were reworded, and that their
    answers stay attached (the page's form noted them while checking). Autosaves, which expect
    JSON, are not told: the editor would otherwise collect the same note at every autosave."""
    if not request.accepts("text/html"):
        return
    for note in page.__dict__.pop("answered_rewordings", []):
        messages.info(request, note)
