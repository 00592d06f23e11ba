"""The five staff roles as Wagtail groups (documented in docs/security.md).

Which consultations a participation officer reads is not a group: it is given per consultation
(youth_voice.ConsultationAccess). Running this again, or after an administrator has added to a
group, only adds what is missing; it never takes a permission away.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PARTICIPATION_OFFICERS = "Participation officers"
PLAN_EDITORS = "Plan editors"
PARTNERSHIP_READERS = "Partnership readers"
SAFEGUARDING_LEADS = "Safeguarding leads"
SITE_ADMINISTRATORS = "Site administrators"

MEDIA = [
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
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
    # The safeguarding branch adds the permission to read flagged answers and act on alerts.
    SAFEGUARDING_LEADS: {"permissions": ["wagtailadmin.access_admin"], "pages": []},
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
            *MEDIA,
        ],
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations (post_migrate): make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    root = Page.objects.filter(depth=1).first()  # every language's tree is under it

    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in role["permissions"]:
            app_label, codename = dotted.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        for codename in role["pages"]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("youth_voice", "0002_consultation_access"),
        ("home", "0003_welsh_and_english_locales"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    # Removing the migration leaves the groups: they may hold people by then.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
