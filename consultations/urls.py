from django.urls import path

from . import views

urlpatterns = [
    path("consultations/<int:page_id>/responses/", views.submit, name="consultation_submit"),
]
