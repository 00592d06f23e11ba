"""Security headers: a strict Content-Security-Policy and a Permissions-Policy on every public page
type, the admin's own (documented) policy, and templates that need nothing inline."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from chorus.headers import permissions_policy
from tests.conftest import form_data
from tests.consultations.test_plan_publishing import headlines  # noqa: F401 - a fixture
from tests.youth_voice.test_codes import saved_code
from tests.youth_voice.test_steps import press, stepped  # noqa: F401 - stepped is a fixture

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "connect-src": "'self' ws://testserver",
}


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def assert_public_headers(response):
    policy = directives(response)
    for directive, value in PUBLIC_POLICY.items():
        assert policy[directive] == value, (directive, policy)
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["Permissions-Policy"] == permissions_policy(settings.PERMISSIONS_POLICY)
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in response["Permissions-Policy"]


@pytest.fixture
def sent(client, consultation):
    """A response sent online: its receipt's address."""
    data = form_data(consultation, {"6.1": "More places to go"})
    return client.post(consultation.submit_url, dict(data.lists()))["Location"]


def public_pages(client, home, plan, consultation, stepped, headlines, sent):  # noqa: F811
    """Every public page type, as (name, response)."""
    data = form_data(stepped, {"1": (["no"], "Half done")})
    saved = press(client, stepped, data, "save", 1).content.decode()
    yield "home", client.get(home.url)
    yield "consultation page", client.get(consultation.url)
    yield "questionnaire step", client.get(stepped.url + "?step=2")
    yield "next step (posted)", press(client, stepped, data, "next", 1)
    yield "check answers", press(client, stepped, data, "check", 4)
    yield "receipt", client.get(sent)
    yield "code page", client.get(stepped.code_url)
    yield "code page with a code", client.post(stepped.code_url, {"code": saved_code(saved)})
    yield "plan draft", client.get(plan.url)
    yield "headlines", client.get(headlines.url)
    yield "versions", client.get(plan.url + "versions/")
    yield "a version", client.get(plan.url + "versions/1/")
    yield "large print", client.get(plan.url + "large-print/")
    yield "PDF", client.get(plan.url + "pdf/")
    yield "not found", client.get("/en-gb/no-such-page/")
    yield "sign-in", client.get("/accounts/login/")
    yield "API", client.get("/api/v2/pages/")
    yield "static file", client.get("/static/css/chorus.css")


def test_every_public_page_type_sends_the_strict_policy_and_permissions_policy(
    client,
    home,
    plan,
    consultation,
    stepped,  # noqa: F811
    headlines,  # noqa: F811
    sent,
):
    seen = []
    for name, response in public_pages(client, home, plan, consultation, stepped, headlines, sent):
        assert response.status_code in (200, 302, 404), name
        assert_public_headers(response)
        seen.append(name)
    assert len(seen) == 18


def test_the_admin_gets_its_own_policy_and_the_permissions_policy(admin_client, consultation):
    for address in [
        "/admin/",
        f"/admin/pages/{consultation.pk}/edit/",
        f"/admin/responses/{consultation.pk}/",
        f"/admin/responses/{consultation.pk}/summary/",
        f"/admin/responses/{consultation.pk}/export.csv",
    ]:
        response = admin_client.get(address)
        assert response.status_code == 200, address
        policy = directives(response)
        assert policy["script-src"] == "'self' 'unsafe-inline'"
        assert policy["script-src-attr"] == "'none'"  # no inline event handlers even here
        assert policy["style-src"] == "'self' 'unsafe-inline'"
        assert policy["frame-ancestors"] == "'self'"  # the editor's preview panel
        assert policy["object-src"] == "'none'" and policy["form-action"] == "'self'"
        assert "unsafe-eval" not in response["Content-Security-Policy"]
        assert "camera=()" in response["Permissions-Policy"]


def test_websockets_are_allowed_to_this_host_only_and_securely_over_https(client, home):
    secure = client.get(home.url, secure=True)
    assert directives(secure)["connect-src"] == "'self' wss://testserver"


def test_a_request_for_another_host_is_refused_without_an_error(client, db):
    response = client.get("/en-gb/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert directives(response)["connect-src"] == "'self'"


def test_officers_pictures_are_never_fetched_from_gravatar(officer_client):
    assert "gravatar" not in officer_client.get("/admin/").content.decode()


INLINE = {
    "inline <script> (no src)": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "<style> block": re.compile(r"<style\b", re.IGNORECASE),
    "style= attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "inline event handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def inline_code(text: str) -> list[str]:
    return [name for name, pattern in INLINE.items() if pattern.search(text)]


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<div style="color: red">',
        "<style>p {}</style>",
        '<button onclick="go()">',
        '<a href="javascript:go()">',
    ],
)
def test_the_template_scan_catches_each_kind_of_inline_code(snippet):
    assert inline_code(snippet)


def test_the_template_scan_allows_scripts_from_files():
    assert not inline_code('<script src="/static/js/questionnaire.js" defer></script><p class="on">')


def test_our_templates_need_no_inline_script_or_style():
    """The public site's policy forbids inline code: a template that adds some fails here first."""
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert len(templates) > 30
    offending = {
        str(path.relative_to(TEMPLATES)): found
        for path in templates
        if (found := inline_code(path.read_text(encoding="utf-8")))
    }
    assert offending == {}
