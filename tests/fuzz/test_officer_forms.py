"""Naughty and generated input on every officer form: response list and summary filters, the CSV
export, a response's address, the plan import upload, and the consultation page editor. Never a 500."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import submit_answers
from tests.consultations.documents import docx_bytes
from tests.consultations.test_editing import current_rows, edit_data
from tests.consultations.test_plan_import import IMPORT_URL, PLAN
from tests.fuzz.naughty import FUZZ, FUZZ_HEAVY, NAUGHTY, naughty_text
from youth_voice.admin_views import FILTER_FIELDS

FILTERS = [*FILTER_FIELDS, "p", "q", "ordering", "unknown"]


@pytest.fixture
def answered(consultation):
    submit_answers(consultation, {"6.1": "A quiet room", "7": ["swimming"]}, age_band="13_15")
    return consultation


def officer_addresses(consultation):
    question = consultation.questions.get(reference="6.1")
    base = f"/admin/responses/{consultation.pk}/"
    return [base, base + "summary/", f"{base}summary/{question.pk}/", base + "export.csv"]


@FUZZ_HEAVY
@given(params=st.dictionaries(st.sampled_from(FILTERS), naughty_text, min_size=1, max_size=4))
def test_naughty_filters_on_the_list_summary_texts_and_export_are_never_a_500(
    officer_client, answered, params
):
    for address in officer_addresses(answered):
        response = officer_client.get(address, params)
        assert response.status_code < 500, (address, params)
        if address.endswith(".csv"):
            b"".join(response.streaming_content)  # the export is written as it is read


@FUZZ
@given(reference=st.sampled_from(NAUGHTY) | naughty_text)
def test_a_naughty_response_address_is_never_a_500(officer_client, answered, reference):
    address = f"/admin/responses/{answered.pk}/{quote(reference, safe='') or 'x'}/"
    assert officer_client.get(address).status_code in (200, 404)


FILENAMES = st.sampled_from(
    ["plan.docx", "plan.DOCX", "plan.odt", "plan.md", "plan.txt", "plan", ".docx", "plan.docx.exe",
     "plan.pdf", "../../plan.docx", "C:\\plan.docx", "plän 😀.docx", "\u202excod.txt", "a" * 300 + ".txt",
     "plan\x00.docx", "%00.txt", "plan .txt"]
) | naughty_text.map(lambda name: name[:200] + ".txt")  # fmt: skip
CONTENTS = st.sampled_from([b"", b"\x00" * 64, b"PK\x03\x04 not really a zip", docx_bytes(PLAN)[:500]]) | (
    naughty_text.map(lambda text: text.encode("utf-8", "surrogatepass"))
) | st.binary(max_size=300)  # fmt: skip


@FUZZ
@given(
    name=FILENAMES,
    contents=CONTENTS,
    fields=st.dictionaries(
        st.sampled_from(["title", "plan_period", "encoding", "replace", "parent", "consultation"]),
        naughty_text,
        max_size=3,
    ),
    action=st.sampled_from(["preview", "import"]),
)
def test_a_naughty_plan_upload_is_answered_clearly(admin_client, home, name, contents, fields, action):
    data = {"parent": home.pk, action: "1", **fields, "file": SimpleUploadedFile(name or "x", contents)}
    response = admin_client.post(IMPORT_URL, data)
    assert response.status_code in (200, 302), (name, fields)
    if response.status_code == 200 and action == "import":
        assert response.context["form"].errors


EDITED = ["title", "slug", "audience", "areas", "opens_at", "closes_at", "plan_draft"]
QUESTION_FIELDS = ["reference", "prompt", "help_text", "follow_up_prompt", "kind", "max_length", "min_value"]


@FUZZ_HEAVY
@given(
    page=st.dictionaries(st.sampled_from(EDITED), naughty_text, max_size=3),
    question=st.dictionaries(st.sampled_from(QUESTION_FIELDS), naughty_text, max_size=3),
    option=naughty_text,
)
def test_naughty_values_in_the_consultation_editor_are_never_a_500(
    admin_client, consultation, page, question, option
):
    rows = current_rows(consultation)
    rows[0] |= question
    rows[2]["options"] = rows[2]["options"] | {"options-0-value-label": option}
    response = admin_client.post(
        f"/admin/pages/{consultation.pk}/edit/", edit_data(consultation, rows, **page)
    )
    assert response.status_code in (200, 302), (page, question, option)
