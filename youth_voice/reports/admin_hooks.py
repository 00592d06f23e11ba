"""Wires board papers into the Wagtail admin: the edit screen and its three outputs. Imported by
youth_voice.wagtail_hooks (Wagtail only looks for that module)."""

from django.urls import include, path
from wagtail import hooks

from . import admin_views

app_name = "reports_admin"
urlpatterns = [
    path("<id:page_id>/", admin_views.edit, name="edit"),
    path("<id:page_id>/paper.html", admin_views.paper_html, name="html"),
    path("<id:page_id>/paper.pdf", admin_views.paper_pdf, name="pdf"),
    path("<id:page_id>/paper.docx", admin_views.paper_docx, name="docx"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("board-paper/", include((urlpatterns, app_name), namespace=app_name))]
