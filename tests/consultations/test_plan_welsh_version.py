"""A plan draft written in Welsh becomes the Welsh version of the English one, matched by number."""

import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from consultations.plans.welsh_version import import_welsh_version
from tests.youth_voice.test_in_welsh import assert_no_english

WELSH_DRAFT = """9 IECHYD MEDDWL A LLES EMOSIYNOL
9.1 Amcanion
Helpu plant i wneud ffrindiau.
9.2 Hyfforddi staff i wrando. Cyf – C 6.1
9.2.1 Mae pob ysgol yn cymryd rhan.
Ac mae pob coleg hefyd.
9.19 Blaenoriaethau cynllunio
Llai o aros.
10 BYWYDAU EGNÏOL
10.1 Nofio am ddim.
10.7 Paragraff sydd ddim yn y fersiwn Saesneg.
"""


def test_a_welsh_draft_is_imported_as_the_welsh_version_matched_by_number(client, plan):
    report = import_welsh_version(plan, "cynllun.txt", WELSH_DRAFT.encode(), publish=True)
    version = report.version
    assert version.locale.language_code == "cy" and version.url == "/cy/plan/"
    paragraphs = {p.number: p for p in version.paragraphs()}
    assert paragraphs["9.1"].heading == "Amcanion"
    assert "Helpu plant i wneud ffrindiau." in str(paragraphs["9.1"].text)
    assert "Hyfforddi staff i wrando." in str(paragraphs["9.2"].text)
    # Numbers and question references come from the English plan, never from the Welsh document.
    assert [(p.number, p.question_ref) for p in version.paragraphs()] == [
        (p.number, p.question_ref) for p in plan.paragraphs()
    ]
    assert version.chapters()[0].heading.lower() == "iechyd meddwl a lles emosiynol"
    assert report.only_in_welsh == ["10.7"]
    assert report.only_in_english == ["10.2"]  # still in English until translated
    assert report.split_differently == ["9.2.1"]  # two sentences in Welsh, one in English
    assert "Every school takes part." in str(paragraphs["9.2.1"].text)
    html = client.get(version.url).content.decode()
    assert '<html lang="cy">' in html and "Helpu plant i wneud ffrindiau." in html


def test_the_command_reports_what_had_no_counterpart(plan, tmp_path):
    source = tmp_path / "cynllun.txt"
    source.write_text(WELSH_DRAFT, encoding="utf-8")
    out = io.StringIO()
    call_command("import_welsh_plan_draft", str(source), "--plan", str(plan.pk), stdout=out)
    printed = out.getvalue()
    assert "Only in the Welsh document (no English one): 10.7" in printed
    assert "Not in the Welsh document (left in English): 10.2" in printed
    assert "Welsh version: /cy/plan/" in printed


# --- The admin screen ------------------------------------------------------------------------------

WELSH_IMPORT_URL = "/admin/plan-drafts/import/welsh/"


def welsh_upload(text=WELSH_DRAFT, name="cynllun.txt"):
    return SimpleUploadedFile(name, text.encode())


def test_the_plan_import_screen_links_to_the_welsh_import(admin_client, plan):
    assert f'href="{WELSH_IMPORT_URL}"' in admin_client.get("/admin/plan-drafts/import/").content.decode()
    listing = admin_client.get(f"/admin/pages/{plan.get_parent().pk}/").content.decode()
    assert f"{WELSH_IMPORT_URL}?plan={plan.pk}" in listing


def test_an_editor_imports_a_welsh_draft_and_sees_what_had_no_counterpart(admin_client, plan):
    form = admin_client.get(WELSH_IMPORT_URL, {"plan": plan.pk})
    assert form.status_code == 200
    assert list(form.context["form"].fields["plan"].queryset) == [plan]
    assert form.context["form"]["plan"].value() == plan.pk
    response = admin_client.post(WELSH_IMPORT_URL, {"plan": plan.pk, "file": welsh_upload(), "publish": "on"})
    assert response.status_code == 302 and response["Location"] == f"{WELSH_IMPORT_URL}report/"
    version = plan.get_translation(Locale.objects.get(language_code="cy")).specific
    assert version.live and "Helpu plant i wneud ffrindiau." in str(next(version.paragraphs()).text)

    report = admin_client.get(response["Location"]).content.decode()
    assert "Imported cynllun.txt" in report
    assert f'href="/admin/pages/{version.pk}/edit/"' in report and 'href="/cy/plan/"' in report
    row = re.search(r"Only in the Welsh document</th><td>([^<]*)</td>", report)
    assert row.group(1) == "10.7"
    assert re.search(r"Not in the Welsh document</th><td>10\.2</td>", report)
    assert re.search(r"another number of sentences or list items</th><td>9\.2\.1</td>", report)
    # Reloading the report imports nothing again.
    assert admin_client.get(response["Location"]).status_code == 200


def test_the_welsh_version_is_saved_as_a_draft_unless_published(admin_client, plan):
    admin_client.post(WELSH_IMPORT_URL, {"plan": plan.pk, "file": welsh_upload()})
    version = plan.get_translation(Locale.objects.get(language_code="cy"))
    assert not version.live
    report = admin_client.get(f"{WELSH_IMPORT_URL}report/").content.decode()
    assert "saved as a draft" in report


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"plan": ""}, "plan", "This field is required."),
        ({"file": "missing"}, "file", "This field is required."),
        ({"plan": "999999"}, "plan", "Select a valid choice."),
    ],
)
def test_bad_input_is_explained_and_saves_nothing(admin_client, plan, data, field, message):
    data = {"plan": plan.pk, "file": welsh_upload()} | data
    if data["file"] == "missing":
        del data["file"]
    response = admin_client.post(WELSH_IMPORT_URL, data)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert not plan.get_translations().exists()


def test_an_unreadable_document_is_explained(admin_client, plan):
    response = admin_client.post(
        WELSH_IMPORT_URL, {"plan": plan.pk, "file": SimpleUploadedFile("cynllun.docx", b"PK\x03\x04 nope")}
    )
    assert response.status_code == 200
    assert "damaged or is not really a Word document" in str(response.context["form"].errors["file"])
    assert not plan.get_translations().exists()


def test_only_editors_of_the_english_plan_may_import_its_welsh_version(client, plan, django_user_model):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for response in (
        client.get(WELSH_IMPORT_URL),
        client.post(WELSH_IMPORT_URL, {"plan": plan.pk, "file": welsh_upload()}),
    ):  # Wagtail sends whoever may not to the dashboard, with a message
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not plan.get_translations().exists()


def test_publishing_needs_permission_to_publish_the_plan(editor_client, plan):
    client = editor_client  # may edit the plan, not publish it
    response = client.post(WELSH_IMPORT_URL, {"plan": plan.pk, "file": welsh_upload(), "publish": "on"})
    assert response.status_code == 200
    assert "You may not publish" in str(response.context["form"].errors["publish"])
    assert not plan.get_translations().exists()


def admin_main(response) -> str:
    """The part of an admin page Chorus writes (Wagtail's own menus are Wagtail's to translate),
    without the choices of pages, whose titles are content ("Have your say" is an English page)."""
    html = response.content.decode()
    assert re.search(r'<html[^>]* lang="cy"', html)
    main = html[html.index("<main") : html.index("</main>")]
    return '<html lang="cy">' + re.sub(r"<select.*?</select>", "", main, flags=re.S)


def test_the_welsh_import_screens_are_in_welsh_for_an_editor_who_reads_the_admin_in_welsh(
    admin_client, plan, admin_user
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "cy"
    profile.save()
    assert_no_english(admin_main(admin_client.get(WELSH_IMPORT_URL)), "Welsh import form")
    admin_client.post(WELSH_IMPORT_URL, {"plan": plan.pk, "file": welsh_upload()})
    assert_no_english(admin_main(admin_client.get(f"{WELSH_IMPORT_URL}report/")), "Welsh import report")
    assert_no_english(admin_main(admin_client.get("/admin/plan-drafts/import/")), "plan import form")
    preview = admin_client.post(
        "/admin/plan-drafts/import/",
        {"file": welsh_upload(name="plan.txt"), "parent": plan.get_parent().pk, "preview": "1"},
    )
    html = preview.content.decode()
    assert "Rhediad prawf, chafodd dim byd ei gadw." in html and "Cyhoeddwch ddrafft y cynllun." in html
