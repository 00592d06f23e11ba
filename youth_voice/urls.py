from django.urls import path

from consultations import converters  # noqa: F401 - registers <id:…>

from . import views
from .converters import ReferenceConverter  # noqa: F401 - registers <reference:…>
from .live import views as live_views

app_name = "youth_voice"
urlpatterns = [
    path("consultations/<id:page_id>/responses/", views.submit, name="submit"),
    path("consultations/<id:page_id>/responses/<reference:reference>/", views.receipt, name="receipt"),
    path("consultations/<id:page_id>/code/", views.code_entry, name="code"),
    path("consultations/<id:page_id>/my-response/", views.my_response, name="my_response"),
    # A live session at an event: phones join with the code on the screen, without an account.
    path("join/", live_views.join_form, name="live_join"),
    path("join/<str:code>/", live_views.participant, name="live_participant"),
]
