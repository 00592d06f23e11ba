"""Admin wiring for themes and quotes: their addresses, beside the consultation's responses."""

from django.urls import include, path
from wagtail import hooks

from . import views

app_name = "analysis"
urlpatterns = [
    path("<id:page_id>/themes/", views.codebook, name="codebook"),
    path("<id:page_id>/themes/<id:theme_id>/", views.theme_edit, name="theme"),
    path("<id:page_id>/themes/question/<id:question_id>/", views.coding_view, name="coding"),
    path("<id:page_id>/themes/question/<id:question_id>/suggestions/", views.suggestions, name="suggestions"),
    path("<id:page_id>/quotes/", views.quotes, name="quotes"),
    path("<id:page_id>/quotes/new/<id:answer_id>/", views.quote_new, name="quote_new"),
    path("<id:page_id>/quotes/<id:quote_id>/", views.quote_detail, name="quote"),
]


@hooks.register("register_admin_urls")
def register_analysis_urls():
    return [path("responses/", include((urlpatterns, app_name), namespace=app_name))]
