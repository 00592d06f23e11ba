"""Each answer row carries who answered (youth_voice.models.response.WHO_ANSWERED), copied from
its response, so that cross-tabs and filtered summaries read the answers' index alone. Every
existing answer is given its response's values before the index is built; nothing is removed.
"""

import django.db.models.deletion
from django.db import migrations, models

COPIED = ("speaks_for", "respondent_type", "age_band", "area", "forum_id", "channel", "language")
# A row value assigned from one look-up of the answer's response: PostgreSQL and SQLite alike.
COPY_FROM_RESPONSES = (
    f"UPDATE youth_voice_answer SET ({', '.join(COPIED)}) = "
    f"(SELECT {', '.join(COPIED)} FROM youth_voice_response"
    " WHERE youth_voice_response.id = youth_voice_answer.response_id)"
)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0007_consultation_retention_period"),
        ("youth_voice", "0016_feedback_quotes_are_picked"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="answer",
            name="answer_figures",
        ),
        migrations.AddField(
            model_name="answer",
            name="age_band",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.AddField(
            model_name="answer",
            name="area",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name="answer",
            name="channel",
            field=models.CharField(default="online", max_length=10),
        ),
        migrations.AddField(
            model_name="answer",
            name="forum",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="youth_voice.forum",
            ),
        ),
        migrations.AddField(
            model_name="answer",
            name="language",
            field=models.CharField(default="en-gb", max_length=10),
        ),
        migrations.AddField(
            model_name="answer",
            name="respondent_type",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name="answer",
            name="speaks_for",
            field=models.CharField(default="individual", max_length=10),
        ),
        migrations.RunSQL(COPY_FROM_RESPONSES, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="answer",
            index=models.Index(
                fields=[
                    "question",
                    "option",
                    "position",
                    "number",
                    "response",
                    "speaks_for",
                    "respondent_type",
                    "age_band",
                    "area",
                    "forum",
                    "channel",
                    "language",
                ],
                name="answer_figures",
            ),
        ),
        migrations.AddIndex(
            model_name="answer",
            index=models.Index(
                condition=models.Q(("forum__isnull", False)), fields=["forum"], name="answers_of_forums"
            ),
        ),
    ]
