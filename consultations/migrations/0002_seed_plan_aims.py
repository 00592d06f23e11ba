"""The two statutory frameworks every partnership plan in Wales or England is written against."""

from django.db import migrations

from consultations.plans.models.aims import ensure_standard_aims


def seed(apps, schema_editor):
    ensure_standard_aims(apps.get_model("consultations", "PlanAim"))


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]

    # Leaving the aims in place on the way back keeps any tags pointing at them intact.
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
