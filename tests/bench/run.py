"""`make bench`: the budgets of issue 7, measured on this machine in one run, each next to a
baseline measured in the same run on the same server.

Prints one line per figure, `BENCH <name> <value> <unit>`, with the budget's verdict where there is
one. Nothing here asserts a budget (budgets are read, not tested), but a figure that could only
come from broken work (a journey that stored nothing, a summary with wrong totals) stops the run.

`BENCH_ONLY=page,journey,summary,import,live,crosstab,export,paper` picks figures; `BENCH_DATABASES=sqlite,postgres` picks
databases (PostgreSQL at `BENCH_POSTGRES_URL`, by default
postgres://postgres@127.0.0.1:5432/chorus_bench_<hash of this checkout's path>, dropped and
created afresh; `REDIS_URL` is not
passed on unless `BENCH_REDIS_URL` is set). `BENCH_ROUNDS`, `BENCH_ROUND_SECONDS` and
`BENCH_SUMMARY_RESPONSES` shorten a trial run.

How each figure is measured, and why the comparison is fair:

- Same server, same settings. Everything is served by one daphne process running
  `chorus.settings.production` (DEBUG off, hashed static files collected first, WhiteNoise and
  gzip as deployed; `SECURE_SSL_REDIRECT=false` because there is no TLS proxy in front), with
  the database under test. The peer is Wagtail's own form builder (`home.FormPage`) in the same
  project, so both pay the same middleware, templates, base layout and database.
- journey_rps_<db>, journey_peer_rps_<db>, journey_ratio_<db> (budget ≥ 1.5): a phone journey
  is what a person does. For Chorus: GET the questionnaire (a fresh visitor: no cookies), take
  the CSRF cookie, the token and the page's fresh `submission_key` from it, POST every answer to
  the form's action, expect 302 to `/<language>/consultations/<id>/responses/<reference>/`, follow it
  (GET, with the cookies it set) and expect 200 showing the reference. For the peer: GET the
  form page, POST the same answers to it and expect its 200 landing page; a 200 that shows the
  form again (errors) is a failure. Both forms have the same fields: 10 questions of every kind
  (one select per option for the ranking, a text area for each yes/no follow-up) and the same
  about-you radios, text fields and hidden key; both post the same values, all valid. 20 clients
  run journeys back to back, each on its own keep-alive connection, with `Accept-Encoding: gzip`
  as phones send. After a warm-up of each, rounds alternate (A B, then B A, …) so drift on the
  machine hits both alike; journeys/s is successful journeys over the wall time of the round.
  Only successful journeys count, and after the rounds the rows are counted: exactly one
  submitted Response and JOURNEY_ANSWER_ROWS Answer rows per successful Chorus journey, one
  FormSubmission per successful peer journey (journey_rows_ok_<db>).
- step_page_bytes (budget ≤ 14,336): bytes Chromium itself reports on the wire (CDP
  `encodedDataLength`: compressed bodies and headers, every asset, cold cache, phone viewport)
  for step 1 (the page's own address) and step 3 (`?step=3`) of a 10-question questionnaire in 5
  sections of two questions (the page counts "about you" as a sixth step); the figure is the
  heavier of the two. Baseline: a Wagtail form page
  with the fields of the same step's two questions.
- summary_ms_100k_<db>, summary_filtered_ms_100k_<db> (budget ≤ 1,000 ms): the median of 5
  calls of `youth_voice.summary.summarise()` over 100,000 submitted responses to 10 questions of
  every kind (about 12 answer rows each; a tenth of the questions left unanswered), unfiltered and
  filtered by respondent type and age band. Rows are written with bulk_create in the shape the
  kinds store them; on PostgreSQL they are then VACUUM ANALYZEd, as autovacuum would after a load.
  Before timing, every question's figures (respondents, counts per option, first places, texts,
  the mean) are checked against what was written, so a fast but wrong summary cannot pass.
  Baseline: one COUNT over the same answers (filtered alike).
- live_p95_ms, live_lost_votes, live_p95_ms_2proc, live_lost_votes_2proc, join_page_bytes
  (PostgreSQL): 1,000 phones voting in a live session with the presenter screen connected, on one
  daphne process and on two behind Redis (`BENCH_REDIS_URL`, by default db 5 of this machine's);
  tests/bench/live.py says how each is measured and what its baseline is.
- crosstab_ms_1m_<db>, export_csv_rss_mb, export_xlsx_rss_mb (SQLite): issue 11's figures, measured
  as tests/bench/figures.py describes (`BENCH_CROSSTAB_ANSWERS`, `BENCH_EXPORT_RESPONSES` shorten them).
- board_paper_pdf_ms (budget ≤ 5,000 ms; SQLite), board_paper_docx_ms: issue 11's board paper as a
  PDF (and in Word) for 30 questions and 1,000 responses, checked section by section, next to the
  same paper as HTML; tests/bench/board_paper.py says how.
- import_ms_1mb (budget ≤ 10,000 ms; SQLite): the same for a generated 1 MB draft of 2,000
  paragraphs.
- import_ms_150kb (budget ≤ 2,000 ms; SQLite): importing a generated 150 KB plain-text draft of
  300 paragraphs and 50 markers; baseline: saving the same chapters as a page without a document.
- plan_page_bytes (budget ≤ 60,000; SQLite): that draft published, weighed as the step pages are;
  baseline: the draft's plain text, gzip-compressed.
"""

import gzip
import hashlib
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".bench"
CLIENTS = 20
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "4"))
ROUND_SECONDS = float(os.environ.get("BENCH_ROUND_SECONDS", "8"))
WARM_UP_SECONDS = 3.0
SUMMARY_RESPONSES = int(os.environ.get("BENCH_SUMMARY_RESPONSES", "100000"))
# One database per checkout, so that benches run from two worktrees never drop each other's.
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL",
    f"postgres://postgres@127.0.0.1:5432/chorus_bench_{hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]}",
)
FIGURES = ("page", "journey", "summary", "import", "live", "crosstab", "export", "paper")
BUDGETS = {  # name: (operator, budget)
    "journey_ratio_sqlite": (">=", 1.5),
    "journey_ratio_postgres": (">=", 1.5),
    "step_page_bytes": ("<=", 14_336),
    "welsh_step_page_bytes": ("<=", 14_336),
    "summary_ms_100k_sqlite": ("<=", 1_000),
    "summary_ms_100k_postgres": ("<=", 1_000),
    "summary_filtered_ms_100k_sqlite": ("<=", 1_000),
    "summary_filtered_ms_100k_postgres": ("<=", 1_000),
    "import_ms_150kb": ("<=", 2_000),
    "plan_page_bytes": ("<=", 60_000),
    "import_ms_1mb": ("<=", 10_000),
    "live_p95_ms": ("<=", 250),
    "live_lost_votes": ("<=", 0),
    "live_p95_ms_2proc": ("<=", 250),
    "live_lost_votes_2proc": ("<=", 0),
    "join_page_bytes": ("<=", 14_336),
    # Issue 11 (tests/bench/figures.py).
    "crosstab_ms_1m_postgres": ("<=", 1_000),
    "crosstab_ms_1m_sqlite": ("<=", 2_000),
    "export_csv_rss_mb": ("<=", 50),
    "export_xlsx_rss_mb": ("<=", 50),
    "board_paper_pdf_ms": ("<=", 5_000),
}
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Mobile Safari/537.36"
)


def report(name, value, unit, note=""):
    line = f"BENCH {name} {value} {unit}"
    if name in BUDGETS:
        op, budget = BUDGETS[name]
        ok = value <= budget if op == "<=" else value >= budget
        line += f"  (budget {'≤' if op == '<=' else '≥'} {budget:,}: {'ok' if ok else 'MISSED'})"
    if note:
        line += f"  [{note}]"
    print(line, flush=True)


def server_env(database_url) -> dict:
    env = os.environ | {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "chorus.settings.production",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or "bench-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "LOG_LEVEL": "WARNING",
        # 20 clients on one address sending as fast as the server allows is a flood by design: the
        # abuse limits still count every send (their cost is measured) but never refuse one.
        **{
            f"LIMIT_SUBMIT_PER_{subject}": str(10**9)
            for subject in ("ADDRESS_BURST", "ADDRESS", "ADDRESS_DAY", "CONSULTATION")
        },
    }
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    return env


def manage(*args, env):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One daphne process serving the project, for the duration of a `with` block."""

    def __init__(self, env, log_name):
        self.port = free_port()
        self.env = env
        self.log = open(WORK / log_name, "ab")  # noqa: SIM115 - closed in __exit__

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "daphne"), "-b", "127.0.0.1", "-p", str(self.port)]
            + ["chorus.asgi:application"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("daphne did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # still working through a backlog (the live figures')
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()


# --- Phone journeys ------------------------------------------------------------------------------


class Phone:
    """One keep-alive connection; each journey starts as a fresh visitor (no cookies)."""

    def __init__(self, port):
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = {}

    def request(self, method, path, fields=None):
        headers = {"User-Agent": PHONE, "Accept": "text/html", "Accept-Encoding": "gzip"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin}
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # reopened by the next request
            raise
        if response.getheader("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie, _, cookie_value = value.split(";", 1)[0].partition("=")
                self.cookies[cookie.strip()] = cookie_value
        return response, content.decode("utf-8", errors="replace")

    def close(self):
        self.connection.close()


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([0-9a-f-]{36}:[^"]+)"')
FORM_ACTION = re.compile(r'<form method="post" action="([^"]*)"')


def chorus_journey(phone, bench):
    """GET the questionnaire, POST it, follow the redirect to the receipt. None, or what failed."""
    phone.cookies.clear()
    page, html = phone.request("GET", bench["journey_url"])
    token, key, action = CSRF_TOKEN.search(html), SUBMISSION_KEY.search(html), FORM_ACTION.search(html)
    if page.status != 200 or not (token and key and action and "csrftoken" in phone.cookies):
        return f"GET questionnaire: {page.status}"
    fields = {
        "csrfmiddlewaretoken": token.group(1),
        "submission_key": key.group(1),
        "step": "1",
        **bench["journey_answers"],
        "action": "send",
    }
    sent, html = phone.request("POST", action.group(1), fields)
    location = sent.getheader("Location") or ""
    receipt = re.fullmatch(rf"/[a-z-]+/consultations/{bench['journey_id']}/responses/([A-Z0-9-]+)/", location)
    if sent.status != 302 or not receipt:
        error = re.search(r'class="error-message"[^>]*>([^<]*)', html)
        return f"POST: {sent.status} {location or (error.group(1).strip() if error else '')}"[:120]
    shown, html = phone.request("GET", location)
    if shown.status != 200 or receipt.group(1) not in html:
        return f"GET receipt: {shown.status}"
    return None


def peer_journey(phone, bench):
    """GET the Wagtail form page, POST it, expect its landing page (not the form again)."""
    phone.cookies.clear()
    page, html = phone.request("GET", bench["peer_url"])
    token, action = CSRF_TOKEN.search(html), FORM_ACTION.search(html)
    if page.status != 200 or not (token and action and "csrftoken" in phone.cookies):
        return f"GET form page: {page.status}"
    fields = {
        "csrfmiddlewaretoken": token.group(1),
        **bench["peer_answers"],
        "submission_key": str(uuid.uuid4()),
    }
    sent, html = phone.request("POST", action.group(1) or bench["peer_url"], fields)
    if sent.status != 200:
        return f"POST: {sent.status}"
    if "<h1>Thank you</h1>" not in html or CSRF_TOKEN.search(html):
        return "POST: 200 showing the form again (invalid)"
    return None


def run_round(port, journey, bench, seconds):
    """CLIENTS phones doing journeys back to back for `seconds`: (successes, failures, elapsed, why)."""
    successes, failures = [0] * CLIENTS, [0] * CLIENTS
    reasons = Counter()
    ready = threading.Barrier(CLIENTS + 1)
    go = threading.Event()
    window = {}

    def client(i):
        phone = Phone(port)
        ready.wait()
        go.wait()
        while time.monotonic() < window["stop"]:
            try:
                problem = journey(phone, bench)
            except (OSError, http.client.HTTPException) as error:
                problem = f"connection: {type(error).__name__}"
            if problem:
                failures[i] += 1
                reasons[problem] += 1
            else:
                successes[i] += 1
        phone.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.monotonic()
    window["stop"] = started + seconds
    go.set()
    for thread in threads:
        thread.join()
    return sum(successes), sum(failures), time.monotonic() - started, reasons


def journeys(bench, env, db):
    from tests.bench.content import JOURNEY_ANSWER_ROWS, stored_rows

    kinds = {"chorus": chorus_journey, "peer": peer_journey}
    totals = {kind: Counter() for kind in kinds}
    rates = {kind: [] for kind in kinds}
    reasons = {kind: Counter() for kind in kinds}

    def run(kind, seconds, measured=True):
        done, failed, elapsed, why = run_round(server.port, kinds[kind], bench, seconds)
        totals[kind]["done"] += done
        totals[kind]["failed"] += failed
        reasons[kind].update(why)
        if measured:
            rates[kind].append(done / elapsed)

    with Server(env, f"daphne-{db}.log") as server:
        run("chorus", WARM_UP_SECONDS, measured=False)
        run("peer", WARM_UP_SECONDS, measured=False)
        for number in range(ROUNDS):  # A B, B A, …: drift on the machine hits both alike
            for kind in ("chorus", "peer") if number % 2 == 0 else ("peer", "chorus"):
                run(kind, ROUND_SECONDS)
    rows = stored_rows(bench["journey_id"], bench["peer_id"])
    ours, peer = totals["chorus"]["done"], totals["peer"]["done"]
    rows_ok = (
        rows["responses"] == ours
        and rows["other_responses"] == 0
        and rows["answers"] == ours * JOURNEY_ANSWER_ROWS
        and rows["peer"] == peer
    )
    rps, peer_rps = (sum(rates[k]) / len(rates[k]) for k in ("chorus", "peer"))
    rounds = f"{ROUNDS} rounds of {ROUND_SECONDS:g} s each, {CLIENTS} clients"
    report(f"journey_rps_{db}", round(rps, 1), "journeys/s", f"Chorus: GET, POST, GET receipt; {rounds}")
    report(f"journey_peer_rps_{db}", round(peer_rps, 1), "journeys/s", "Wagtail form page: GET, POST")
    per_round = sorted(ours / peer for ours, peer in zip(rates["chorus"], rates["peer"], strict=True))
    report(
        f"journey_ratio_{db}",
        round(rps / peer_rps, 2),
        "x",
        f"rounds: {per_round[0]:.2f}–{per_round[-1]:.2f}",
    )
    report(f"journey_failures_{db}", totals["chorus"]["failed"], "journeys", _reasons(reasons["chorus"]))
    report(f"journey_peer_failures_{db}", totals["peer"]["failed"], "journeys", _reasons(reasons["peer"]))
    report(
        f"journey_rows_ok_{db}",
        "yes" if rows_ok else "NO",
        "",
        f"{ours} journeys: {rows['responses']} responses, {rows['answers']} answers "
        f"(expected {ours * JOURNEY_ANSWER_ROWS}), {rows['other_responses']} others; "
        f"peer {peer} journeys: {rows['peer']} submissions",
    )


def _reasons(counter) -> str:
    return "; ".join(f"{n}× {why}" for why, n in counter.most_common(3))


# --- Page weights --------------------------------------------------------------------------------


def page_weights(bench, env):
    """Bytes on the wire for a cold phone load, measured by Chromium itself (CDP)."""
    from playwright.sync_api import sync_playwright

    from tests.bench.plan import make_bench_plan, plan_text

    plan_url = make_bench_plan()
    with Server(env, "daphne-pages.log") as server, sync_playwright() as playwright:
        browser = phone_browser(playwright)

        def weigh(path):
            return weigh_page(browser, server, path)

        steps = {}
        for step, path in ((1, bench["steps_url"]), (3, bench["steps_url"] + "?step=3")):
            ours, requests = weigh(path)
            peer, _ = weigh(bench["step_peer_urls"][step])
            steps[step] = ours
            report(
                f"step_page_bytes_step{step}",
                ours,
                "bytes",
                f"{requests} requests; {ours / peer:.2f}x the Wagtail form page with that step's fields ({peer} bytes)",
            )
        # The same screens in Welsh, in the same run: the budget holds in both languages.
        welsh_steps = {}
        for step, path in ((1, bench["welsh_steps_url"]), (3, bench["welsh_steps_url"] + "?step=3")):
            welsh_steps[step], requests = weigh(path)
            note = f"{requests} requests; {welsh_steps[step] / steps[step]:.2f}x the English step {step}"
            report(f"welsh_step_page_bytes_step{step}", welsh_steps[step], "bytes", note)
        plan, _ = weigh(plan_url)
        browser.close()
    report(
        "step_page_bytes",
        max(steps.values()),
        "bytes",
        "the heavier of sections 1 and 3 of 5 (the page says Step 1/3 of 6: about you is the sixth)",
    )
    report("welsh_step_page_bytes", max(welsh_steps.values()), "bytes", "the same two screens in Welsh")
    plain = len(gzip.compress(plan_text().encode()))
    report("plan_page_bytes", plan, "bytes", f"{plan / plain:.2f}x the draft's plain text, gzip-compressed")


def phone_browser(playwright):
    return playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        + ["--disable-component-update"],
    )


def weigh_page(browser, server, path):
    """(bytes on the wire, requests) for a cold load of `path` on a phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    response = page.goto(f"http://127.0.0.1:{server.port}{path}", wait_until="networkidle")
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}: nothing to weigh")
    context.close()
    return sum(sizes.values()), len(sizes)


def join_page_weight(bench):
    """join_page_bytes: the live session's participant page, weighed like the questionnaire's steps."""
    from playwright.sync_api import sync_playwright

    def weigh_join_page(server, code):
        with sync_playwright() as playwright:
            browser = phone_browser(playwright)
            peer, _ = weigh_page(browser, server, bench["step_peer_urls"][1])
            try:
                ours, requests = weigh_page(browser, server, f"/join/{code}/")
            except RuntimeError as problem:
                print(f"BENCH join_page_bytes not measured: {problem}", flush=True)
                return
            finally:
                browser.close()
        note = (
            f"{requests} requests; {ours / peer:.2f}x a Wagtail form page with two questions ({peer} bytes)"
        )
        report("join_page_bytes", ours, "bytes", note)

    return weigh_join_page


def live(bench, env):
    from tests.bench.live import live_figures

    live_figures(env, report, Server, join_page_weight(bench))


# --- In-process figures --------------------------------------------------------------------------


def summary_ms(db):
    from tests.bench.content import fill_responses, time_summary

    started = time.monotonic()
    consultation, everyone, filtered = fill_responses(SUMMARY_RESPONSES)
    filled = time.monotonic() - started
    timings = time_summary(consultation, everyone, filtered)
    size = f"{SUMMARY_RESPONSES:,} responses" + ("" if SUMMARY_RESPONSES == 100_000 else " (NOT 100,000)")
    report(
        f"summary_ms_100k_{db}",
        round(timings["summary"]),
        "ms",
        f"{size}, {timings['rows']:,} answer rows, written in {filled:.0f} s; figures checked; "
        f"{timings['summary'] / timings['count']:.1f}x one COUNT over the same answers "
        f"({timings['count']:.0f} ms)",
    )
    report(
        f"summary_filtered_ms_100k_{db}",
        round(timings["summary_filtered"]),
        "ms",
        f"respondent type and age band: {filtered.responses:,} responses; figures checked; "
        f"{timings['summary_filtered'] / timings['count_filtered']:.1f}x one filtered COUNT "
        f"({timings['count_filtered']:.0f} ms)",
    )


def import_ms():
    from tests.bench.plan import time_import, time_import_1mb

    imported, saved, _ = time_import()
    report(
        "import_ms_150kb",
        round(imported),
        "ms",
        f"{imported / saved:.2f}x saving the same chapters without a document ({saved:.0f} ms)",
    )
    imported, saved, size = time_import_1mb()
    report(
        "import_ms_1mb",
        round(imported),
        "ms",
        f"a {size / 1_000_000:.2f} MB draft; {imported / saved:.2f}x saving the same chapters ({saved:.0f} ms)",
    )


def crosstab_ms(db):
    from tests.bench.figures import CROSSTAB_ANSWERS, fill_crosstab, time_crosstab

    started = time.monotonic()
    consultation, identity = fill_crosstab(CROSSTAB_ANSWERS)
    filled = time.monotonic() - started
    timings = time_crosstab(consultation, identity, CROSSTAB_ANSWERS)
    size = f"{CROSSTAB_ANSWERS:,} answers" + ("" if CROSSTAB_ANSWERS == 1_000_000 else " (NOT 1,000,000)")
    report(
        f"crosstab_ms_1m_{db}",
        round(timings["crosstab"]),
        "ms",
        f"summary and a cross-tab by age band over {size}, written in {filled:.0f} s; totals checked; "
        f"{timings['crosstab'] / timings['count']:.1f}x one COUNT of the answers joined to their "
        f"responses ({timings['count']:.0f} ms)",
    )


def export_rss_mb():
    from tests.bench.figures import EXPORT_RESPONSES, export_consultation, measure_in_child

    consultation = export_consultation(EXPORT_RESPONSES)
    baseline = measure_in_child("baseline", consultation.pk)
    size = f"{EXPORT_RESPONSES:,} responses" + ("" if EXPORT_RESPONSES == 100_000 else " (NOT 100,000)")
    for kind, what in (("csv", "the readable CSV"), ("xlsx", "the written-answers workbook")):
        measured = measure_in_child(kind, consultation.pk)
        report(
            f"export_{kind}_rss_mb",
            measured["mb"],
            "MB",
            f"peak growth of resident memory exporting {what} of {size} ({measured['bytes']:,} bytes); "
            f"baseline: their answer rows through a plain csv.writer, {baseline['mb']} MB",
        )


def board_paper_ms():
    from tests.bench.board_paper import PAPER_QUESTIONS, RESPONSES, time_board_paper

    timings = time_board_paper()
    report(
        "board_paper_pdf_ms",
        round(timings["pdf"]),
        "ms",
        f"{len(PAPER_QUESTIONS)} questions, {RESPONSES:,} responses, {timings['charts']} charts, "
        f"{timings['quotes']} quotes, 3 recommendations: {timings['pages']} pages, every section checked; "
        f"{timings['pdf'] / timings['html']:.1f}x the same paper as HTML ({timings['html']:.0f} ms)",
    )
    report(
        "board_paper_docx_ms",
        round(timings["docx"]),
        "ms",
        f"the same paper in Word, a described picture per chart checked; "
        f"{timings['docx'] / timings['html']:.1f}x the HTML",
    )


# --- One database, in its own process ------------------------------------------------------------


def bench_database(db, only):
    """Run the figures for one database; called in a child process with that database's settings."""
    env = os.environ.copy()
    manage("migrate", "--noinput", env=env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from tests.bench.content import make_bench_pages

    bench = make_bench_pages()
    if "page" in only and db == "sqlite":
        page_weights(bench, env)
    if "journey" in only:
        journeys(bench, env, db)
    if "summary" in only:
        summary_ms(db)
    if "import" in only and db == "sqlite":
        import_ms()
    if "live" in only and db == "postgres":  # two processes share one database: PostgreSQL's job
        live(bench, env)
    if "crosstab" in only:
        crosstab_ms(db)
    if "export" in only and db == "sqlite":
        export_rss_mb()
    if "paper" in only and db == "sqlite":
        board_paper_ms()


def fresh_postgres(url) -> str | None:
    """Drop and create the bench's PostgreSQL database; None, or why it cannot be used."""
    import psycopg

    parsed = urlparse(url)
    if parsed.hostname not in ("127.0.0.1", "localhost"):
        return f"{parsed.hostname} is not this machine"
    name = parsed.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        return f"unexpected database name {name!r}"
    try:
        with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]
    return None


def main():
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(","))) or set(FIGURES)
    databases = [d for d in os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",") if d]
    if unknown := (only - set(FIGURES)) | (set(databases) - {"sqlite", "postgres"}):
        sys.exit(f"unknown in BENCH_ONLY or BENCH_DATABASES: {', '.join(sorted(unknown))}")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    os.environ.setdefault("BENCH_SECRET_KEY", "bench-" + uuid.uuid4().hex * 2)
    print(
        f"# {os.cpu_count()} cores; daphne, chorus.settings.production, DEBUG off; "
        f"{'Redis' if os.environ.get('BENCH_REDIS_URL') else 'no Redis (local memory cache)'}",
        flush=True,
    )
    manage("collectstatic", "--noinput", env=server_env(f"sqlite:///{WORK / 'static.sqlite3'}"))
    for db in databases:
        if db != "sqlite" and not only & {"journey", "summary", "live", "crosstab"}:
            continue  # pages and the import are measured on SQLite only
        if db == "sqlite":
            url = f"sqlite:///{WORK / 'bench.sqlite3'}"
        else:
            url = POSTGRES_URL
            if problem := fresh_postgres(url):
                print(f"BENCH postgres not measured: {problem}", flush=True)
                continue
        load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
        print(f"# {db}: {re.sub(r'//[^@/]*@', '//', url)}; load average before: {load}", flush=True)
        subprocess.run(
            [sys.executable, __file__, "--database", db, json.dumps(sorted(only))],
            cwd=ROOT,
            env=server_env(url),
            check=True,
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--database"]:
        bench_database(sys.argv[2], set(json.loads(sys.argv[3])))
    else:
        main()
