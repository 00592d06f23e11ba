"""The two content languages, Welsh and English (wagtail-localize translates pages between them)."""

from django.db import migrations

LANGUAGE_CODES = ["cy", "en-gb"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
