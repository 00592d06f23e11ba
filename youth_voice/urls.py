from django.urls import path

from consultations import converters  # noqa: F401 - registers <id:…>

from . import views
from .converters import ReferenceConverter  # noqa: F401 - registers <reference:…>
from .forums import views as forum_views
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
    # Youth forums: a forum's public page, and a member's own space (docs/forums.md).
    path("forums/<slug:slug>/", forum_views.forum_page, name="forum_page"),
    path("my-forum/", forum_views.my_forum, name="my_forum"),
    path("my-forum/sign-in/", forum_views.sign_in, name="member_sign_in"),
    path("my-forum/sign-out/", forum_views.sign_out, name="member_sign_out"),
    path("my-forum/leave/", forum_views.leave, name="leave_forum"),
]
