"""The two statutory frameworks every partnership plan in Wales or England is written against."""

from django.db import migrations

AIMS = [
    ("wales_core_aims", 1, "core-aim-1", "A flying start in life", "Good care and support from the very start.", "3, 5, 6, 18, 24"),
    ("wales_core_aims", 2, "core-aim-2", "Education and learning", "The chance to learn, at school and beyond.", "28, 29"),
    ("wales_core_aims", 3, "core-aim-3", "Health and freedom from abuse", "Being healthy, and safe from harm and exploitation.", "6, 19, 24, 32, 33, 34, 35, 36, 37, 39"),
    ("wales_core_aims", 4, "core-aim-4", "Play, sport, leisure and culture", "Time and places to play, do sport and enjoy culture.", "15, 30, 31"),
    ("wales_core_aims", 5, "core-aim-5", "Being listened to and respected", "Being heard, respected, and having who you are recognised.", "2, 7, 8, 12, 13, 14, 16, 17"),
    ("wales_core_aims", 6, "core-aim-6", "A safe home and community", "A safe home and a community that supports your well-being.", "9, 19, 20, 25, 27"),
    ("wales_core_aims", 7, "core-aim-7", "Not disadvantaged by poverty", "Money worries should not hold you back.", "26, 27, 28"),
    ("england_outcomes", 1, "outcome-1", "Be healthy", "Healthy in body and mind.", "24, 31"),
    ("england_outcomes", 2, "outcome-2", "Stay safe", "Safe from harm, neglect and bullying.", "19, 34, 35, 36"),
    ("england_outcomes", 3, "outcome-3", "Enjoy and achieve", "Enjoying learning and getting the most from it.", "28, 29, 31"),
    ("england_outcomes", 4, "outcome-4", "Make a positive contribution", "Taking part and having a say in your community.", "12, 13, 15"),
    ("england_outcomes", 5, "outcome-5", "Achieve economic well-being", "Not held back by money, ready for work and life.", "26, 27"),
]


def seed(apps, schema_editor):
    PlanAim = apps.get_model("consultations", "PlanAim")
    for framework, number, code, title, summary, articles in AIMS:
        PlanAim.objects.get_or_create(
            code=code,
            defaults={
                "framework": framework,
                "number": number,
                "title": title,
                "summary": summary,
                "uncrc_articles": articles,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("consultations", "0003_plan_aims_versions_headlines")]

    # Leaving the aims in place on the way back keeps any tags pointing at them intact.
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
