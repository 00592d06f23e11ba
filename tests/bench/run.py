"""`make bench`: the budgets of the issues, measured on this machine in one run.

Prints one line per figure, `BENCH <name> <value> <unit>`, and each figure's ratio against a
baseline measured in the same run. Nothing here asserts: budgets are read, not tested.

- page_bytes: bytes a phone transfers (compressed, cold cache, every asset) to load the
  questionnaire page, served by the production settings; baseline: the same server's plain
  Wagtail form page with the same number of fields.
- submit_rps: response submissions per second from 20 concurrent clients against the dev
  stack (daphne, SQLite); baseline: the same server's Wagtail form page, same fields.
- summary_ms_100k: building the per-question summary for 100,000 responses to 8 questions;
  baseline: one COUNT over the same answers.
- import_ms_150kb: importing a generated 150 KB plain-text draft (300 paragraphs, 50 markers);
  baseline: saving the same chapters as a page without reading or parsing a document.
- plan_page_bytes: the published 300-paragraph draft page, compressed, every asset; baseline:
  the draft's plain text, gzip-compressed.
"""

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".bench"
DB = WORK / "bench.sqlite3"
CLIENTS = 20
ROUND_SECONDS = float(os.environ.get("BENCH_ROUND_SECONDS", "8"))
SUMMARY_RESPONSES = int(os.environ.get("BENCH_SUMMARY_RESPONSES", "100000"))
BUDGETS = {
    "page_bytes": 14_336,
    "submit_ratio": 1.0,
    "summary_ms_100k": 1_000,
    "import_ms_150kb": 2_000,
    "import_ms_1mb": 10_000,
    "plan_page_bytes": 60_000,
}

ENV = os.environ | {"DATABASE_URL": f"sqlite:///{DB}", "DJANGO_SETTINGS_MODULE": "chorus.settings.dev"}
ENV.pop("REDIS_URL", None)


def report(name, value, unit, budget_op=None):
    line = f"BENCH {name} {value} {unit}"
    if name in BUDGETS:
        budget = BUDGETS[name]
        ok = value <= budget if budget_op == "max" else value >= budget
        line += f"  (budget {'≤' if budget_op == 'max' else '≥'} {budget}: {'ok' if ok else 'OVER'})"
    print(line, flush=True)


def manage(*args, env=ENV):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """daphne serving the project, for the duration of a `with` block."""

    def __init__(self, env):
        self.port = free_port()
        self.env = env

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "daphne"),
                "-b",
                "127.0.0.1",
                "-p",
                str(self.port),
                "chorus.asgi:application",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
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
        self.process.wait(timeout=10)


def prepare():
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    manage("migrate", "--noinput")
    manage("load_demo")
    os.environ.update({k: v for k, v in ENV.items() if k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from tests.bench.content import make_bench_pages
    from tests.bench.plan import make_bench_plan

    return make_bench_pages() | {"plan_url": make_bench_plan()}


def page_bytes(consultation_url, form_url, plan_url):
    """Bytes on the wire for a cold phone load, measured by Chromium itself (CDP)."""
    from playwright.sync_api import sync_playwright

    production = ENV | {
        "DJANGO_SETTINGS_MODULE": "chorus.settings.production",
        "SECRET_KEY": "bench-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(WORK / "static"),
    }
    manage("collectstatic", "--noinput", env=production)
    with Server(production) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )

        def weigh(path):
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
            )
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            sizes = {}
            cdp.on(
                "Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"])
            )
            response = page.goto(f"http://127.0.0.1:{server.port}{path}", wait_until="networkidle")
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}: nothing to weigh")
            context.close()
            return sum(sizes.values()), len(sizes)

        ours, requests = weigh(consultation_url)
        baseline, _ = weigh(form_url)
        plan, _ = weigh(plan_url)
        browser.close()
    report("page_bytes", ours, "bytes", "max")
    report("page_requests", requests, "requests")
    report("page_bytes_ratio", round(ours / baseline, 2), "x (vs the Wagtail form page)")
    from tests.bench.plan import plan_text

    plain = len(gzip.compress(plan_text().encode()))
    report("plan_page_bytes", plan, "bytes", "max")
    report("plan_page_ratio", round(plan / plain, 2), "x (vs the draft's plain text, gzip-compressed)")


def submit_rate(server, path, make_body, success_status):
    """Sustained submissions per second from CLIENTS keep-alive connections over ROUND_SECONDS.

    Each client first loads the form (for its CSRF token and the address it posts to); the
    clock starts once all have, so page rendering is not counted as submitting.
    """
    done = [0] * CLIENTS
    errors = [0] * CLIENTS
    ready = threading.Barrier(CLIENTS + 1)
    go = threading.Event()
    window = {}

    def client(i):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        connection.request("GET", path)
        page = connection.getresponse()
        html = page.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie")).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        action = re.search(r'<form method="post" action="([^"]*)"', html).group(1) or path
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
        ready.wait()
        go.wait()
        while time.monotonic() < window["stop"]:
            connection.request("POST", action, body=make_body(token), headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status == success_status:
                done[i] += 1
            else:
                errors[i] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    ready.wait()  # every client has its form
    started = time.monotonic()
    window["stop"] = started + ROUND_SECONDS
    go.set()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started), sum(errors)


def submit_rps(bench):
    answers = bench["consultation_answers"]
    field_answers = bench["form_answers"]

    def ours(token):
        return urlencode(
            {"csrfmiddlewaretoken": token, "submission_key": uuid.uuid4(), **answers}, doseq=True
        )

    def wagtail_form(token):
        return urlencode({"csrfmiddlewaretoken": token, **field_answers}, doseq=True)

    with Server(ENV) as server:
        submit_rate(server, bench["consultation_url"], ours, 302)  # warm up both
        submit_rate(server, bench["form_url"], wagtail_form, 200)
        rates, baselines, failures = [], [], 0
        for _ in range(2):  # interleaved, so drift on the machine hits both alike
            rate, failed = submit_rate(server, bench["consultation_url"], ours, 302)
            rates.append(rate)
            failures += failed
            baselines.append(submit_rate(server, bench["form_url"], wagtail_form, 200)[0])
    rps, baseline = sum(rates) / len(rates), sum(baselines) / len(baselines)
    report("submit_rps", round(rps, 1), "submissions/s")
    report("submit_baseline_rps", round(baseline, 1), "submissions/s (Wagtail form page)")
    report("submit_ratio", round(rps / baseline, 2), "x", "min")
    report("submit_failures", failures, "requests")


def summary_ms():
    from tests.bench.content import fill_responses, time_summary

    consultation = fill_responses(SUMMARY_RESPONSES)
    summary, scan = time_summary(consultation)
    report("summary_ms_100k", round(summary), "ms", "max")
    report("summary_ratio", round(summary / scan, 2), "x (vs one COUNT over the same answers)")


def import_ms():
    from tests.bench.plan import time_import, time_import_1mb

    imported, saved, _ = time_import()
    report("import_ms_150kb", round(imported), "ms", "max")
    report("import_ratio", round(imported / saved, 2), "x (vs saving the same chapters without a document)")
    imported, saved, size = time_import_1mb()
    report("import_ms_1mb", round(imported), "ms", "max")
    report(
        "import_ratio_1mb",
        round(imported / saved, 2),
        f"x (a {size / 1_000_000:.2f} MB draft, vs saving the same chapters without a document)",
    )


def main():
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))  # e.g. BENCH_ONLY=submit
    bench = prepare()
    if not only or "page" in only:
        page_bytes(bench["consultation_url"], bench["form_url"], bench["plan_url"])
    if not only or "submit" in only:
        submit_rps(bench)
    if not only or "summary" in only:
        summary_ms()
    if not only or "import" in only:
        import_ms()


if __name__ == "__main__":
    main()
