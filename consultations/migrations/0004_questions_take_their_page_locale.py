"""Every existing question gets its page's locale and a translation key of its own."""

import uuid

from django.db import migrations


def give_locales(apps, schema_editor):
    Question = apps.get_model("consultations", "Question")
    Page = apps.get_model("wagtailcore", "Page")
    locales = dict(Page.objects.values_list("pk", "locale_id"))
    for question in Question.objects.filter(locale__isnull=True).only("pk", "page_id"):
        Question.objects.filter(pk=question.pk).update(
            locale_id=locales[question.page_id], translation_key=uuid.uuid4()
        )


class Migration(migrations.Migration):
    dependencies = [("consultations", "0003_translatable_questions")]

    operations = [migrations.RunPython(give_locales, migrations.RunPython.noop)]
