"""Seed the default safeguarding rule set (editable afterwards in the admin)."""

from django.db import migrations

from youth_voice.safeguarding.default_rules import DEFAULT_RULES


def seed(apps, schema_editor):
    Rule = apps.get_model("youth_voice", "SafeguardingRule")
    if Rule.objects.exists():
        return
    Rule.objects.bulk_create(
        Rule(category=category, kind=kind, text=text, language=language)
        for category, kind, text, language in DEFAULT_RULES
    )


class Migration(migrations.Migration):
    dependencies = [("youth_voice", "0003_safeguarding_rules_alerts_and_audit")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
