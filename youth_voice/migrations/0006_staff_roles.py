"""The five staff roles as Wagtail groups (youth_voice.roles; documented in docs/security.md).

Running it again, or after an administrator has added to a group, only adds what is missing; it
never takes a permission away.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from youth_voice.roles import create_roles


def make_roles(apps, schema_editor):
    # Permissions are normally made after all migrations (post_migrate): make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    create_roles(
        apps.get_model("auth.Group"),
        apps.get_model("auth.Permission"),
        apps.get_model("wagtailcore.Page"),
        apps.get_model("wagtailcore.GroupPagePermission"),
    )

class Migration(migrations.Migration):
    dependencies = [
        ("youth_voice", "0005_consultation_access"),
        ("home", "0003_welsh_and_english_locales"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    # Removing the migration leaves the groups: they may hold people by then.
    operations = [migrations.RunPython(make_roles, migrations.RunPython.noop)]
