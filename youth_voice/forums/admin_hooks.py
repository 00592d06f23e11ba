"""Admin wiring for forums: the Forums menu item and the facilitators' views (all forums for a
site administrator), and the site administrators' forum settings (a ModelViewSet)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .. import access
from ..models import Forum
from ..models.forums import check_reserved_places
from . import admin_views

app_name = "forums_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:forum_id>/", admin_views.forum_detail, name="forum"),
    path("<int:forum_id>/members/add/", admin_views.add_member, name="add_member"),
    path("<int:forum_id>/members/<int:member_id>/new-code/", admin_views.new_code, name="new_code"),
    path("<int:forum_id>/members/<int:member_id>/remove/", admin_views.remove_member, name="remove_member"),
    path("<int:forum_id>/events/add/", admin_views.event_form, name="add_event"),
    path("<int:forum_id>/events/<int:event_id>/", admin_views.event_form, name="edit_event"),
]


@hooks.register("register_admin_urls")
def register_forum_urls():
    return [path("forums/", include((urlpatterns, app_name), namespace=app_name))]


class ForumsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_list_forums(request.user)


@hooks.register("register_admin_menu_item")
def register_forums_menu_item():
    return ForumsMenuItem(_("Forums"), reverse("forums_admin:index"), icon_name="group", order=260)


class ForumForm(WagtailAdminModelForm):
    """Facilitators are staff who run forums; consultations are each listed once (first versions);
    the reserved places must fit in the seats."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        runs_forums = Q(groups__permissions__codename="view_forummember") | Q(
            user_permissions__codename="view_forummember"
        )
        self.fields["facilitators"].queryset = (
            get_user_model().objects.filter(runs_forums, is_active=True).distinct().order_by("email")
        )
        self.fields["consultations"].queryset = access.first_versions().order_by("-opens_at")

    def clean(self):
        cleaned = super().clean()
        places = self.formsets["reserved_places"]
        if places.is_valid() and "seats" not in self.errors:
            numbers = [
                form.cleaned_data.get("number")
                for form in places.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            try:
                check_reserved_places(cleaned.get("seats"), numbers)
            except forms.ValidationError as refused:
                self.add_error(None, refused)
        return cleaned


class ForumViewSet(ModelViewSet):
    """Site administrators set up forums: what they are, their seats and reserved places, who
    facilitates them, the consultations put to them, and an optional public page."""

    model = Forum
    icon = "group"
    add_to_admin_menu = False
    list_display = ["name", "kind", "area"]
    list_filter = ["kind"]
    search_fields = ["name", "area"]
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("youngest"), FieldPanel("oldest")], heading=_("Age range")),
        FieldPanel("meets"),
        MultiFieldPanel(
            [FieldPanel("seats"), InlinePanel("reserved_places", label=_("Reserved places"))],
            heading=_("Places"),
        ),
        FieldPanel("facilitators", widget=forms.CheckboxSelectMultiple),
        FieldPanel("consultations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("slug"),
    ]

    def get_edit_handler(self):
        handler = super().get_edit_handler()
        handler.base_form_class = ForumForm
        return handler


@hooks.register("register_admin_viewset")
def register_forum_viewset():
    return ForumViewSet("forum_settings")
