from django.urls import path

from . import converters, views  # noqa: F401 - converters registers <id:…>

urlpatterns = [
    path("consultations/<id:page_id>/responses/", views.submit, name="consultation_submit"),
]
