"""Issue 11's figures for `make bench`: a cross-tab over 1,000,000 answers, and the memory an
export of 100,000 responses takes.

- crosstab_ms_1m_<db> (budget ≤ 1,000 ms on PostgreSQL, ≤ 2,000 ms on SQLite): the median of 5
  runs of what the cross-tab page does: the summary of a consultation, then one cross-tab
  (`youth_voice.figures.crosstab`) of its choice question by age band, over 1,000,000 individuals'
  answers (one each, from 1,000,000 responses written with one INSERT … SELECT each for responses
  and answers: fast to write, and the same rows as the app stores). Before timing, the cross-tab's
  totals are checked against what was written (answers per option, per age band, in all).
  Baseline: one COUNT of the same answers joined to their responses.
- export_csv_rss_mb and export_xlsx_rss_mb (budget ≤ 50 MB): the peak growth of resident memory
  (sampled from /proc every 5 ms, in a fresh process, after Django and the database connection are
  warm) while exporting 100,000 responses: the readable CSV (`exports.csv_download`, read through
  to the end as a browser would) and the written-answers workbook (`figures.xlsx`, saved and read
  back). Baseline: the same responses' answer rows through a plain csv.writer.
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

CROSSTAB_ANSWERS = int(os.environ.get("BENCH_CROSSTAB_ANSWERS", "1000000"))
EXPORT_RESPONSES = int(os.environ.get("BENCH_EXPORT_RESPONSES", "100000"))
COLOURS = ("red", "amber", "green", "blue")
AGE_BANDS = ("under_11", "11_12", "13_15", "16_18", "19_25", "over_25")


def _case(expression, values):
    """SQL choosing values[expression % len(values)] (a `%` doubled, as parameters are passed)."""
    whens = " ".join(f"WHEN {n} THEN '{value}'" for n, value in enumerate(values))
    return f"CASE ({expression}) %% {len(values)} {whens} END"


def _insert_select(model, expressions, source, source_params=(), *, before="", before_params=()):
    """`before` INSERT INTO model's table SELECT … `source`: the given SQL expressions ({attname:
    (sql, params)}), every other column its model default (so columns other branches add are
    filled too)."""
    from django.db import connection

    columns, values, values_params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        sql, sql_params = expressions.get(
            field.attname, ("%s", [field.get_db_prep_save(field.get_default(), connection)])
        )
        values.append(sql)
        values_params += sql_params
    sql = f"{before} INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(values)} {source}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*before_params, *values_params, *source_params])


def fill_crosstab(count):
    """`count` responses (age band by turns) each answering the choice question (colour by turns).
    Returns the consultation and its question."""
    from django.db import connection, transaction
    from django.utils import timezone

    from tests.bench.content import bench_consultation
    from youth_voice.models import Answer, Response
    from youth_voice.models.response import WHO_ANSWERED

    consultation = bench_consultation("bench-crosstab")
    identity = consultation.question_identities.get(reference="2")
    postgres = connection.vendor == "postgresql"
    with transaction.atomic():
        _insert_select(
            Response,
            {
                "consultation_id": ("%s", [consultation.pk]),
                "reference": ("'X' || lpad(to_hex(i), 6, '0')" if postgres else "printf('X%%06x', i)", []),
                "submission_key": ("md5(i::text)::uuid" if postgres else "printf('%%032x', i)", []),
                "age_band": (_case("i", AGE_BANDS), []),
                "submitted_at": ("%s", [timezone.now()]),
            },
            "FROM n",
            before="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %s)",
            before_params=[count],
        )
        first = (
            Response.objects.filter(consultation=consultation).order_by("pk").values_list("pk", flat=True)[0]
        )
        # Each answer carries who answered, copied from its response as `store_answers` does.
        who_answered = [Response._meta.get_field(name).attname for name in WHO_ANSWERED]
        _insert_select(
            Answer,
            {
                "response_id": ("id", []),
                "question_id": ("%s", [identity.pk]),
                "option": (_case(f"id - {int(first)}", COLOURS), []),
                **{attname: (connection.ops.quote_name(attname), []) for attname in who_answered},
            },
            f"FROM {Response._meta.db_table} WHERE consultation_id = %s",
            [consultation.pk],
        )
    if postgres:
        with connection.cursor() as cursor:
            for model in (Response, Answer):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")  # noqa: S608
    return consultation, identity


def expected_totals(count):
    """What the cross-tab must total: answers per colour (by turns of insertion), per age band (by
    turns of i from 1), and in all."""
    colours = Counter(COLOURS[n % len(COLOURS)] for n in range(count))
    ages = Counter(AGE_BANDS[i % len(AGE_BANDS)] for i in range(1, count + 1))
    return colours, ages, count


def time_crosstab(consultation, identity, count, rounds=5):
    """Median ms of the summary plus one cross-tab, and of one COUNT of the same answers joined to
    their responses; raises unless the cross-tab adds up to what was written."""
    from django.db.models import Count

    from youth_voice.figures.crosstab import crosstab, dimensions
    from youth_voice.models import Answer
    from youth_voice.summary import summarise

    by_age = dimensions()["age_band"]
    ((_caption, table),) = crosstab(identity, by_age).tables
    colours, ages, total = expected_totals(count)
    codes = {str(o.label): o.code for o in identity.options()}
    found = (
        {codes[str(label)]: n for label, n in zip(table.row_labels, table.row_totals, strict=True)},
        {
            value: n
            for (value, _label), n in zip(by_age.labelled(set(AGE_BANDS)), table.column_totals, strict=True)
        },
        table.total,
    )
    if found != (dict(colours), dict(ages), total):
        raise RuntimeError(f"the cross-tab does not add up: {found} != {(colours, ages, total)}")

    def median_ms(work):
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            work()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    answers = Answer.objects.filter(question=identity, response__age_band__gt="")
    return {
        "crosstab": median_ms(lambda: (summarise(consultation), crosstab(identity, by_age))),
        "count": median_ms(lambda: answers.aggregate(n=Count("*"))),
    }


# --- Memory of the exports, each in a fresh process ----------------------------------------------


def export_consultation(count):
    """The summary bench's consultation when it was filled in this run, else one filled now."""
    from consultations.models import ConsultationPage
    from tests.bench.content import fill_responses

    existing = ConsultationPage.objects.filter(slug="bench-summary").first()
    return existing if existing is not None else fill_responses(count)[0]


def _resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_growth_mb(work) -> float:
    """The peak growth of resident memory while `work()` runs, sampled every 5 ms."""
    start = peak = _resident_bytes()
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.wait(0.005):
            peak = max(peak, _resident_bytes())

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        work()
    finally:
        done.set()
        sampler.join()
    return max(peak, _resident_bytes()) - start


def _export(kind, consultation_id):
    """Run one export to its end, writing nowhere; returns its size in bytes."""
    import csv

    from consultations.models import ConsultationPage
    from youth_voice.exports import csv_download
    from youth_voice.figures.xlsx import coded_text_workbook
    from youth_voice.models import Answer

    consultation = ConsultationPage.objects.get(pk=consultation_id)
    if kind == "csv":
        return sum(len(chunk) for chunk in csv_download(consultation, None).streaming_content)
    if kind == "xlsx":
        with coded_text_workbook(consultation, None) as file:
            return sum(len(chunk) for chunk in iter(lambda: file.read(65536), b""))
    # The baseline: the same responses' answer rows, through a plain csv.writer.
    with open(os.devnull, "w", newline="") as devnull:
        writer = csv.writer(devnull)
        rows = Answer.objects.filter(response__consultation=consultation).values_list(
            "response_id", "question_id", "option", "position", "number", "text"
        )
        for row in rows.iterator(chunk_size=2000):
            writer.writerow(row)
    return 0


def measure_in_child(kind, consultation_id) -> dict:
    """Run `_export(kind)` in a fresh process (this file with --export) and read what it measured."""
    done = subprocess.run(
        [sys.executable, __file__, "--export", kind, str(consultation_id)],
        cwd=Path(__file__).resolve().parents[2],
        env=os.environ.copy(),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(kind, consultation_id):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import django

    django.setup()
    # Everything the exports import, and the connection, before measuring.
    from youth_voice.exports import csv_download  # noqa: F401
    from youth_voice.figures.xlsx import coded_text_workbook  # noqa: F401
    from youth_voice.models import Response

    Response.objects.filter(consultation_id=consultation_id).exists()
    size = {}
    growth = peak_growth_mb(lambda: size.setdefault("bytes", _export(kind, consultation_id)))
    print(json.dumps({"mb": round(growth / 1_000_000, 1), "bytes": size["bytes"]}), flush=True)


if __name__ == "__main__" and sys.argv[1:2] == ["--export"]:
    _child(sys.argv[2], int(sys.argv[3]))
