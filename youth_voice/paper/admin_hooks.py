"""The paper-form pages' addresses in the Wagtail admin (imported from youth_voice.wagtail_hooks)."""

from django.urls import include, path
from wagtail import hooks

from consultations import converters  # noqa: F401 - registers <id:…>

from . import admin_views

app_name = "paper_responses"
urlpatterns = [
    path("<id:page_id>/", admin_views.enter, name="enter"),
    path("<id:page_id>/import/", admin_views.import_forms, name="import"),
    path("<id:page_id>/template.csv", admin_views.template_csv, name="template_csv"),
    path("<id:page_id>/template.xlsx", admin_views.template_xlsx, name="template_xlsx"),
]


@hooks.register("register_admin_urls")
def register_paper_form_urls():
    return [path("paper-forms/", include((urlpatterns, app_name), namespace=app_name))]
