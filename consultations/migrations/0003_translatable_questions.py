"""Questions become translatable (wagtail-localize): a locale and a translation key, filled in by
the next migration; option codes, paragraph numbers and question references become synchronised
blocks (the same in every language). Nothing is deleted."""

import consultations.plans.blocks
import consultations.plans.models.aims
import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('consultations', '0002_seed_plan_aims'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='question',
            name='locale',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AddField(
            model_name='question',
            name='translation_key',
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AlterField(
            model_name='plandraftpage',
            name='body',
            field=wagtail.fields.StreamField([('chapter', 16)], blank=True, block_lookup={0: ('consultations.translatable.SynchronisedCharBlock', (), {'help_text': 'e.g. 9', 'max_length': 10, 'required': False, 'validators': [consultations.plans.blocks._validate_number]}), 1: ('wagtail.blocks.CharBlock', (), {'max_length': 255}), 2: ('consultations.translatable.SynchronisedCharBlock', (), {'help_text': 'e.g. 9.2', 'max_length': 20, 'required': False, 'validators': [consultations.plans.blocks._validate_number]}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 255, 'required': False}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link'], 'required': False}), 5: ('consultations.translatable.SynchronisedCharBlock', (), {'help_text': 'The consultation question this paragraph is asked about, e.g. 6.1', 'label': 'Question reference', 'max_length': 20, 'required': False}), 6: ('wagtail.blocks.MultipleChoiceBlock', [], {'choices': consultations.plans.models.aims.aim_choices, 'label': 'Plan aims', 'required': False}), 7: ('consultations.translatable.SynchronisedCharBlock', (), {'help_text': 'Article numbers, e.g. 12, 31', 'label': 'UNCRC articles', 'max_length': 200, 'required': False}), 8: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('table', 'Table'), ('definitions', 'Terms and what they mean')], 'required': False}), 9: ('wagtail.blocks.BooleanBlock', (), {'label': 'The first row is the header', 'required': False}), 10: ('wagtail.blocks.TextBlock', (), {'required': False}), 11: ('wagtail.blocks.ListBlock', (10,), {'label': 'Row'}), 12: ('wagtail.blocks.ListBlock', (11,), {'default': []}), 13: ('wagtail.blocks.StructBlock', [[('kind', 8), ('header', 9), ('rows', 12)]], {'help_text': 'A table after the text, if the paragraph has one', 'required': False}), 14: ('wagtail.blocks.StructBlock', [[('number', 2), ('heading', 3), ('text', 4), ('question_ref', 5), ('aims', 6), ('uncrc_articles', 7), ('table', 13)]], {}), 15: ('wagtail.blocks.ListBlock', (14,), {}), 16: ('wagtail.blocks.StructBlock', [[('number', 0), ('heading', 1), ('paragraphs', 15)]], {})}),
        ),
        migrations.AlterField(
            model_name='planheadlinespage',
            name='priorities',
            field=wagtail.fields.StreamField([('priority', 6)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'Short and plain, e.g. Someone to talk to', 'max_length': 120}), 1: ('wagtail.blocks.TextBlock', (), {'help_text': 'What it means, in words a 10-year-old would use'}), 2: ('wagtail.blocks.TextBlock', (), {'label': 'What will be different'}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. By September 2028', 'max_length': 60}), 4: ('consultations.translatable.SynchronisedCharBlock', (), {'help_text': 'The chapters and paragraphs behind it, by number, e.g. 9, 9.19', 'max_length': 200, 'required': False}), 5: ('consultations.translatable.SynchronisedCharBlock', (), {'help_text': 'e.g. 6.1, 6.2', 'label': 'Questions', 'max_length': 200, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('title', 0), ('summary', 1), ('what_will_change', 2), ('by_when', 3), ('plan_sections', 4), ('question_refs', 5)]], {})}),
        ),
        migrations.AlterField(
            model_name='question',
            name='options',
            field=wagtail.fields.StreamField([('option', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 255}), 1: ('consultations.translatable.SynchronisedCharBlock', (), {'help_text': 'Filled in for you. Answers stay with the code when you reword the label.', 'max_length': 40, 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('label', 0), ('code', 1)]], {})}, help_text='For choices and rankings: the options. For scales and faces: labels, highest first (leave empty for the usual ones).'),
        ),
    ]
