"""The staff roles as Wagtail groups, and what each may do (docs/security.md).

Made by the data migration youth_voice 0006_staff_roles, and again by the demo (a test database
that was emptied has lost them). Which consultations a participation officer reads is not a
group: it is given per consultation (youth_voice.ConsultationAccess).
"""

PARTICIPATION_OFFICERS = "Participation officers"
PLAN_EDITORS = "Plan editors"
PARTNERSHIP_READERS = "Partnership readers"
SAFEGUARDING_LEADS = "Safeguarding leads"
SITE_ADMINISTRATORS = "Site administrators"
FORUM_FACILITATORS = "Forum facilitators"

MEDIA = [
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
]
# Reading flagged answers, acting on alerts and keeping the screening rules (docs/safeguarding.md).
SAFEGUARDING = [
    "youth_voice.handle_safeguarding",
    "youth_voice.add_safeguardingrule",
    "youth_voice.change_safeguardingrule",
    "youth_voice.delete_safeguardingrule",
]
# Running the forums they are listed on: their members and events (docs/forums.md). Which forums
# is not a group: it is the forum's own list of facilitators.
FORUMS = [
    "youth_voice.view_forummember",
    "youth_voice.add_forummember",
    "youth_voice.change_forummember",
    "youth_voice.add_forumevent",
    "youth_voice.change_forumevent",
]
ROLES = {
    PARTICIPATION_OFFICERS: {
        "permissions": [
            "wagtailadmin.access_admin",
            "youth_voice.view_response",
            "youth_voice.export_response",
            *MEDIA,
        ],
        "pages": ["add_page", "change_page", "publish_page"],
    },
    PLAN_EDITORS: {
        "permissions": ["wagtailadmin.access_admin", *MEDIA],
        "pages": ["add_page", "change_page", "publish_page", "lock_page"],
    },
    PARTNERSHIP_READERS: {
        "permissions": ["wagtailadmin.access_admin", "youth_voice.view_figures"],
        "pages": [],
    },
    SAFEGUARDING_LEADS: {
        "permissions": ["wagtailadmin.access_admin", *SAFEGUARDING],
        "pages": [],
    },
    SITE_ADMINISTRATORS: {
        "permissions": [
            "wagtailadmin.access_admin",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
            "wagtailcore.add_site",
            "wagtailcore.change_site",
            "wagtailcore.delete_site",
            "wagtailcore.add_locale",
            "wagtailcore.change_locale",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            "youth_voice.view_consultationaccess",
            "youth_voice.add_consultationaccess",
            "youth_voice.change_consultationaccess",
            "youth_voice.delete_consultationaccess",
            # Every forum, its facilitators and places, and every forum's members and events.
            "youth_voice.add_forum",
            "youth_voice.change_forum",
            "youth_voice.delete_forum",
            *FORUMS,
            # Unacknowledged alerts are escalated to them.
            *SAFEGUARDING,
            *MEDIA,
        ],
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    },
    FORUM_FACILITATORS: {
        "permissions": ["wagtailadmin.access_admin", *FORUMS],
        "pages": [],
    },
}


def create_roles(Group, Permission, Page, GroupPagePermission):
    """Create the groups and add what they lack; never take a permission away. Takes the model
    classes so that the migration can pass its historical ones."""
    root = Page.objects.filter(depth=1).first()  # every language's tree is under it
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in role["permissions"]:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is None and not _model_exists(Permission, app_label, codename):
                continue  # a model a later migration makes: that migration runs this again
            group.permissions.add(
                permission or Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        for codename in role["pages"]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )


def _model_exists(Permission, app_label, codename) -> bool:
    """Whether the model a default permission (`view_forummember`) is about exists at this point
    of the migrations."""
    ContentType = Permission._meta.get_field("content_type").related_model
    model = codename.split("_", 1)[1]
    return ContentType.objects.filter(app_label=app_label, model=model).exists()


def ensure_roles():
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page

    create_roles(Group, Permission, Page, GroupPagePermission)
