"""Pages hand requests to their views by dotted name, so that models never import views."""

from django.utils.module_loading import import_string


def hand_over(view_name: str, request, *args, **kwargs):
    """Call the view named `view_name` (e.g. `consultations.plans.views.pdf`)."""
    return import_string(view_name)(request, *args, **kwargs)
