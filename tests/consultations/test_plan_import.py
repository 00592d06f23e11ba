"""Importing a plan draft document as a page: from the command line and from the admin upload."""

import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Revision

from consultations.models import PlanDraftPage, PlanVersion, Question
from consultations.plans.imports.importer import build_body, import_plan_draft, reconcile_questionnaire
from consultations.plans.imports.readers import MAX_UPLOAD_BYTES, PlanImportError
from tests.conftest import make_consultation

from .documents import docx_bytes, encrypted_office_bytes, odt_bytes, txt_bytes

PLAN = [
    ("p", "CHILDREN AND YOUNG PEOPLE'S PLAN 2027–2030"),
    ("p", "9\tMENTAL HEALTH AND EMOTIONAL WELL-BEING"),
    ("p", "9.1\tOBJECTIVES"),
    ("p", "9.2\tRef – Q 6.1 Consultation Questionnaire"),
    ("bullet", "Help children build friendships and cope with setbacks"),
    ("p", "9.19\tRef – Q 6.2 Consultation Questionnaire"),
    ("p", "PLANNING PRIORITIES"),
    ("bullet", "Shorter waits for counselling"),
    ("p", "10\tACTIVE AND HEALTHY LIVES"),
    ("p", "10.1\tRef – Q 7, Q 7.1"),
    ("p", "Free swimming in the holidays."),
    ("p", "10.2\tRef – Q 6.1"),
    ("p", "Buses in the evening."),
]
SUMMARY = "imported: chapters=2 paragraphs=6 markers=5 refs=4 unplaced=1"
SUMMARY_FORMAT = re.compile(r"^imported: chapters=\d+ paragraphs=\d+ markers=\d+ refs=\d+ unplaced=\d+$")
# The plan's second edition: 9.2 now asks about a new question, 6.3, under its OBJECTIVES heading.
SECOND_EDITION = [
    ("p", "9.2\tRef – Q 6.3") if text.startswith("9.2") else (kind, text) for kind, text in PLAN
]


def write(tmp_path, name, data) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command("import_plan_draft", *[str(arg) for arg in args], stdout=out)
    return out.getvalue().splitlines()


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "questions": Question.objects.count(),
        "versions": PlanVersion.objects.count(),
        "log": PageLogEntry.objects.count(),
    }


def outline(page) -> list:
    return [
        (chapter.number, chapter.heading, [(p.number, p.question_ref) for p in chapter.paragraphs])
        for chapter in page.chapters()
    ]


EXPECTED_OUTLINE = [
    (
        "9",
        "MENTAL HEALTH AND EMOTIONAL WELL-BEING",  # the author's capitals are kept unless asked
        [("", ""), ("9.1", ""), ("9.2", "6.1"), ("9.19", "6.2")],
    ),
    ("10", "ACTIVE AND HEALTHY LIVES", [("10.1", "7"), ("10.2", "6.1")]),
]


@pytest.fixture
def plan_file(tmp_path):
    return write(tmp_path, "cyp_plan_draft.docx", docx_bytes(PLAN))


# --- The command -----------------------------------------------------------------------------------


def test_command_creates_an_unpublished_draft_under_home(home, plan_file):
    lines = run(plan_file)

    page = PlanDraftPage.objects.get(title="Cyp plan draft")
    assert page.get_parent().specific == home
    assert (page.live, page.has_unpublished_changes) == (False, True)
    assert page.plan_period == "2027–2030"  # read from the document's title line
    assert outline(page.get_latest_revision_as_object()) == EXPECTED_OUTLINE
    assert outline(page) == EXPECTED_OUTLINE
    assert page.revisions.count() == 1
    assert lines[-1] == SUMMARY
    assert "9 MENTAL HEALTH AND EMOTIONAL WELL-BEING: 4 paragraphs; references 6.1, 6.2" in "\n".join(lines)
    assert any("carries the references 7, 7.1" in line and "keyed to 7" in line for line in lines)


def test_a_word_title_names_the_page_when_no_title_is_given(home, tmp_path):
    document = docx_bytes(
        [("title", "Growing up here 2027–2030"), ("p", "1\tINTRODUCTION"), ("p", "1.1\tHello.")]
    )
    lines = run(write(tmp_path, "draft_v3_final.docx", document))
    page = PlanDraftPage.objects.get(title="Growing up here 2027–2030")
    assert page.plan_period == "2027–2030"
    assert lines[-1] == "imported: chapters=1 paragraphs=1 markers=0 refs=0 unplaced=0"


def test_command_publishes_only_when_asked(home, plan_file):
    lines = run(plan_file, "--publish", "--title", "Our plan 2027", "--period", "2027–2030")

    page = PlanDraftPage.objects.get(title="Our plan 2027")
    assert page.live and not page.has_unpublished_changes
    assert page.versions.count() == 1  # the published version is kept, as for an admin publish
    assert SUMMARY_FORMAT.match(lines[-1])


@pytest.mark.parametrize("make", [docx_bytes, odt_bytes, txt_bytes], ids=["docx", "odt", "txt"])
def test_command_reads_every_format_alike(home, tmp_path, make):
    extension = {docx_bytes: ".docx", odt_bytes: ".odt", txt_bytes: ".txt"}[make]
    lines = run(write(tmp_path, "plan" + extension, make(PLAN)))
    assert lines[-1] == SUMMARY
    assert outline(PlanDraftPage.objects.get()) == EXPECTED_OUTLINE


def test_dry_run_writes_nothing_and_reports_the_same(home, consultation, plan_file):
    before = counts()
    dry = run(plan_file, "--dry-run", "--consultation", consultation.pk)
    assert counts() == before
    assert not PlanDraftPage.objects.filter(title="Cyp plan draft").exists()

    real = run(plan_file, "--consultation", consultation.pk)
    assert dry[-1] == real[-1] == SUMMARY
    outcome = 2  # the only line that differs: "would create" / "created"
    assert dry[outcome].startswith("Dry run, nothing was saved.")
    assert dry[:outcome] + dry[outcome + 1 :] == real[:outcome] + real[outcome + 1 :]


def test_replace_saves_a_new_revision_of_the_same_page(home, tmp_path, plan_file):
    run(plan_file, "--title", "Our plan", "--period", "2027–2030", "--publish")
    page = PlanDraftPage.objects.get(title="Our plan")
    pages, revisions = Page.objects.count(), page.revisions.count()

    lines = run(write(tmp_path, "second.docx", docx_bytes(SECOND_EDITION)), "--replace", page.pk)

    page.refresh_from_db()
    assert Page.objects.count() == pages
    assert page.revisions.count() == revisions + 1
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert (draft.title, draft.plan_period) == ("Our plan", "2027–2030")  # kept
    assert draft.paragraphs_by_ref()["6.3"][0].number == "9.2"
    assert "6.3" not in page.paragraphs_by_ref()  # the live page is unchanged until published
    assert lines[-1] == "imported: chapters=2 paragraphs=6 markers=5 refs=5 unplaced=1"
    assert any(line.startswith("Saved a new version of “Our plan”") for line in lines)


def test_replace_with_publish_makes_the_new_version_live(home, tmp_path, plan):
    run(write(tmp_path, "second.docx", docx_bytes(SECOND_EDITION)), "--replace", plan.pk, "--publish")
    plan.refresh_from_db()
    assert plan.title == "Our plan" and not plan.has_unpublished_changes
    assert "6.3" in plan.paragraphs_by_ref()
    assert plan.versions.count() == 2


def test_replace_keeps_an_editors_unpublished_changes_to_other_fields(home, tmp_path, plan):
    draft = plan.get_latest_revision_as_object()
    draft.introduction = "<p>Written in the admin, not yet published.</p>"
    draft.save_revision()

    run(write(tmp_path, "second.docx", docx_bytes(SECOND_EDITION)), "--replace", plan.pk)

    plan.refresh_from_db()
    latest = plan.get_latest_revision_as_object()
    assert latest.introduction == "<p>Written in the admin, not yet published.</p>"
    assert "6.3" in latest.paragraphs_by_ref()


def test_replace_refuses_a_locked_page(home, tmp_path, plan, django_user_model):
    plan.locked, plan.locked_by = True, django_user_model.objects.create_user("someone")
    plan.save()
    before = counts()
    with pytest.raises(CommandError, match="is locked"):
        run(write(tmp_path, "second.docx", docx_bytes(SECOND_EDITION)), "--replace", plan.pk)
    assert counts() == before


# --- Reconciling the questionnaire -------------------------------------------------------------------


def test_reconciliation_drafts_missing_questions_and_reports_unreferenced_ones(
    admin_client, consultation, plan_file
):
    rows_before = set(consultation.questions.values_list("reference", flat=True))
    lines = run(plan_file, "--consultation", consultation.pk)
    text = "\n".join(lines)

    assert "1 new question drafted (7.1)" in text
    assert "2 questions not referenced by the draft any more (1, 8)" in text
    # The consultation is live: the new question waits in a draft for an editor, unseen by young people.
    assert set(consultation.questions.values_list("reference", flat=True)) == rows_before
    consultation.refresh_from_db()
    assert consultation.has_unpublished_changes
    drafted = {q.reference: q for q in consultation.get_latest_revision_as_object().questions.all()}
    assert set(drafted) == rows_before | {"7.1"}
    new = drafted["7.1"]
    assert (new.kind, new.needs_review, new.required) == ("free_text", True, False)
    assert (
        new.prompt
        == "What do you think about 10.1 “Free swimming in the holidays” (ACTIVE AND HEALTHY LIVES)?"
    )
    assert new.sort_order > max(q.sort_order for q in drafted.values() if q.reference != "7.1")
    # The editor sees it in the consultation's edit view, ready to review.
    edit_view = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert (
        "What do you think about 10.1 “Free swimming in the holidays” (ACTIVE AND HEALTHY LIVES)?"
        in edit_view
    )

    # Publishing the consultation from the admin keeps every question, old and new.
    consultation.get_latest_revision().publish()
    references = set(consultation.questions.values_list("reference", flat=True))
    assert references == rows_before | {"7.1"}
    assert consultation.questions.get(reference="7.1").needs_review


def test_reconciliation_saves_rows_for_a_consultation_not_yet_live(home, tmp_path):
    consultation = make_consultation(home, slug="draft-consultation", live=False)
    revisions = consultation.revisions.count()
    run(write(tmp_path, "second.docx", docx_bytes(SECOND_EDITION)), "--consultation", consultation.pk)

    question = consultation.questions.get(reference="6.3")
    assert question.needs_review
    # Named by its own first sentence, not by the heading of 9.1 before it.
    assert question.prompt == (
        "What do you think about 9.2 “Help children build friendships and cope with setbacks” "
        "(MENTAL HEALTH AND EMOTIONAL WELL-BEING)?"
    )
    assert consultation.revisions.count() == revisions + 1
    consultation.refresh_from_db()
    drafted = consultation.get_latest_revision_as_object().questions.all()
    assert {q.pk for q in drafted if q.reference == "6.3"} == {question.pk}  # row and revision agree

    consultation.get_latest_revision().publish()
    assert consultation.questions.filter(reference="6.3").count() == 1
    assert consultation.questions.count() == 7  # five, and 6.3 and 7.1


def test_reconciling_twice_drafts_nothing_new(consultation, plan_file):
    run(plan_file, "--consultation", consultation.pk)
    revisions = consultation.revisions.count()
    page = PlanDraftPage.objects.get(title="Cyp plan draft")
    lines = run(plan_file, "--replace", page.pk, "--consultation", consultation.pk)
    assert any("Every question reference in the draft already has a question." in line for line in lines)
    assert consultation.revisions.count() == revisions


def test_reconcile_questionnaire_reads_a_page_too(consultation, plan):
    reconciliation = reconcile_questionnaire(consultation, plan)
    assert reconciliation.created == ["99"]
    assert reconciliation.orphaned == ["1", "8"]


# --- Bad input -------------------------------------------------------------------------------------

BAD_FILES = [
    ("corrupt.docx", b"PK\x03\x04 not really a zip", "damaged or is not really a Word document"),
    ("locked.docx", encrypted_office_bytes(), "password-protected"),
    ("empty.txt", b"", "The file is empty"),
    ("picture.txt", bytes(range(256)) * 8, "is not text"),
    ("windows.txt", "9 WELL-BEING\n9.1 Ref – Q 6.1\n".encode("cp1252"), "Windows-1252"),
    ("marker.txt", b"9 WELL-BEING\n9.1 Ref - Q\nText.\n", "has no question number"),
    ("plan.pdf", b"%PDF-1.7", "cannot import .pdf files"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[name for name, *_ in BAD_FILES])
def test_bad_files_stop_with_a_message_and_write_nothing(home, consultation, tmp_path, name, data, message):
    before = counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        run(write(tmp_path, name, data), "--consultation", consultation.pk, "--publish")
    assert counts() == before


def test_a_windows_1252_file_imports_with_its_encoding(home, tmp_path):
    path = write(tmp_path, "windows.txt", "9 WELL-BEING\n9.1 Ref – Q 6.1\nEveryone’s say.\n".encode("cp1252"))
    lines = run(path, "--encoding", "cp1252")
    assert lines[-1] == "imported: chapters=1 paragraphs=1 markers=1 refs=1 unplaced=0"
    assert "Everyone’s say." in str(PlanDraftPage.objects.get().body[0].value["paragraphs"][0]["text"])


def test_a_file_over_the_limit_is_refused_before_it_is_read(home, tmp_path, monkeypatch):
    path = tmp_path / "huge.docx"
    with open(path, "wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk

    def never(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr("consultations.management.commands.import_plan_draft.open", never, raising=False)
    before = counts()
    with pytest.raises(CommandError, match=r"huge\.docx is 50\.0 MB, more than the 10 MB Chorus can import"):
        run(path)
    assert counts() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--parent", 999999], "There is no page with id 999999 (--parent)"),
        (["--consultation", 999999], "There is no page with id 999999 (--consultation)"),
        (["--replace", "{consultation}"], "is a consultation page, not a plan draft page (--replace)"),
        (["--consultation", "{plan}"], "is a plan draft page, not a consultation page (--consultation)"),
        (["--parent", "{consultation}"], "A plan draft cannot be created under “Have your say”"),
        (["--parent", "{home}", "--replace", "{plan}"], "Use --parent or --replace, not both"),
    ],
)
def test_bad_options_stop_with_a_message(home, plan, consultation, plan_file, args, message):
    ids = {"{home}": home.pk, "{plan}": plan.pk, "{consultation}": consultation.pk}
    before = counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        run(plan_file, *[ids.get(arg, arg) for arg in args])
    assert counts() == before


def test_an_unknown_encoding_stops_with_a_message(home, tmp_path):
    with pytest.raises(CommandError, match="does not know the text encoding “klingon”"):
        run(write(tmp_path, "plan.txt", txt_bytes(PLAN)), "--encoding", "klingon")


def test_a_missing_file_stops_with_a_message(home, tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        run(tmp_path / "nowhere.docx")


# --- The use case ------------------------------------------------------------------------------------


def test_build_body_names_chapters_without_a_heading():
    from consultations.plans.imports.parser import ParsedChapter, ParsedParagraph, ParsedPlan

    parsed = ParsedPlan(
        chapters=[
            ParsedChapter(number="9", paragraphs=[ParsedParagraph(number="9.1", question_refs=["6.1"])]),
            ParsedChapter(heading="", paragraphs=[]),
        ]
    )
    warnings = []
    body = build_body(parsed, warnings)
    assert [chapter["value"]["heading"] for chapter in body] == ["Chapter 9", "Section 2"]
    assert body[0]["value"]["paragraphs"][0] == {
        "number": "9.1",
        "heading": "",
        "text": "",
        "question_ref": "6.1",
        "aims": [],
        "uncrc_articles": "",
        "table": {"kind": "table", "header": False, "rows": []},
    }
    assert len(warnings) == 2


def test_a_failed_import_rolls_back_everything(home, consultation, monkeypatch):
    """Even a failure after the page is written (here: drafting the questions) leaves nothing behind."""

    def fail(*args, **kwargs):
        raise PlanImportError("Drafting the questions failed.")

    monkeypatch.setattr("consultations.plans.imports.importer.reconcile_questionnaire", fail)
    before = counts()
    with pytest.raises(PlanImportError):
        import_plan_draft(filename="plan.docx", data=docx_bytes(PLAN), consultation=consultation)
    assert counts() == before


# --- The admin upload -------------------------------------------------------------------------------

IMPORT_URL = "/admin/plan-drafts/import/"


def upload(name="cyp_plan_draft.docx", data=None):
    return SimpleUploadedFile(name, docx_bytes(PLAN) if data is None else data)


@pytest.fixture
def editor(db, home, django_user_model):
    """May add and edit pages under home, but not publish them."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.create(name="Editors who may not publish")  # not the "Plan editors" role
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=home, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_admin_form_offers_the_choices_the_user_has(admin_client, home, plan, consultation):
    response = admin_client.get(IMPORT_URL, {"replace": plan.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["parent"].value() == home.pk
    assert form["replace"].value() == plan.pk
    assert list(form.fields["consultation"].queryset) == [consultation]
    assert "publish" in form.fields
    html = response.content.decode()
    assert "Preview import" in html and 'enctype="multipart/form-data"' in html


def test_admin_preview_shows_the_report_and_writes_nothing(admin_client, home, consultation):
    before = counts()
    response = admin_client.post(
        IMPORT_URL,
        {"file": upload(), "parent": home.pk, "consultation": consultation.pk, "preview": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "MENTAL HEALTH AND EMOTIONAL WELL-BEING" in html
    assert "Dry run, nothing was saved." in html
    assert SUMMARY in html
    assert "carries the references 7, 7.1" in html
    assert "Choose the file again" in html
    assert counts() == before


def test_admin_import_creates_a_draft_and_shows_its_report(admin_client, home):
    response = admin_client.post(IMPORT_URL, {"file": upload(), "parent": home.pk, "import": "1"})
    page = PlanDraftPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{IMPORT_URL}report/"
    assert not page.live and page.get_parent().pk == home.pk
    assert page.get_latest_revision().user.username == "admin"
    assert outline(page) == EXPECTED_OUTLINE

    report = admin_client.get(response["Location"])
    html = report.content.decode()
    assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert "Created the plan draft “Cyp plan draft”" in html
    assert "carries the references 7, 7.1" in html


def test_admin_import_of_a_new_version(admin_client, plan):
    revisions = plan.revisions.count()
    response = admin_client.post(
        IMPORT_URL,
        {"file": upload(data=docx_bytes(SECOND_EDITION)), "replace": plan.pk, "import": "1"},
    )
    assert response.status_code == 302
    assert plan.revisions.count() == revisions + 1
    plan.refresh_from_db()
    assert "6.3" in plan.get_latest_revision_as_object().paragraphs_by_ref()
    assert "6.3" not in plan.paragraphs_by_ref()  # live until someone publishes it


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "damaged or is not really a Word document"),
        (encrypted_office_bytes(), "password-protected"),
        (b"", "The file is empty."),
    ],
)
def test_admin_bad_file_shows_the_error_and_keeps_the_other_fields(admin_client, home, data, message):
    before = counts()
    response = admin_client.post(
        IMPORT_URL,
        {"file": upload(data=data), "parent": home.pk, "title": "Our new plan", "import": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Our new plan"' in html
    assert "Choose the file again" in html
    assert counts() == before


def test_admin_marker_errors_list_every_line(admin_client, home):
    data = b"9 WELL-BEING\n9.1 Ref - Q\n9.2 Ref \xe2\x80\x93 Q\n"
    response = admin_client.post(
        IMPORT_URL, {"file": upload("plan.txt", data), "parent": home.pk, "import": "1"}
    )
    errors = response.context["form"].errors["file"]
    assert "2 question markers cannot be read (lines 2 and 3)" in errors[0]
    assert len(errors) == 3


def test_admin_refuses_a_file_over_the_limit(admin_client, home):
    big = SimpleUploadedFile("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1))
    response = admin_client.post(IMPORT_URL, {"file": big, "parent": home.pk, "title": "Big", "import": "1"})
    assert response.status_code == 200
    assert "The file is 10.0 MB, more than the 10 MB Chorus can import." in response.content.decode()
    assert not PlanDraftPage.objects.exists()


def test_admin_editor_without_publish_permission_imports_drafts_only(editor_client, home, plan):
    response = editor_client.get(IMPORT_URL)
    assert "publish" not in response.context["form"].fields
    response = editor_client.post(
        IMPORT_URL, {"file": upload(), "parent": home.pk, "publish": "on", "import": "1"}
    )
    assert response.status_code == 302
    assert not PlanDraftPage.objects.get(title="Cyp plan draft").live


def test_admin_refuses_users_who_may_not_add_plan_drafts(officer_client, home):
    for response in (officer_client.get(IMPORT_URL), officer_client.post(IMPORT_URL, {"file": upload()})):
        # Wagtail turns a refusal inside the admin into a redirect with a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not PlanDraftPage.objects.exists()
    assert "Import plan draft" not in officer_client.get("/admin/").content.decode()


def test_admin_menu_and_explorer_offer_the_import(editor_client, home, plan):
    assert IMPORT_URL in editor_client.get("/admin/").content.decode()
    explorer = editor_client.get(f"/admin/pages/{home.pk}/").content.decode()
    assert f"{IMPORT_URL}?replace={plan.pk}" in explorer
    assert "Import a new version" in explorer
