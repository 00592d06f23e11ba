from pathlib import Path

from django.core.management import call_command

from consultations.kinds import KINDS
from consultations.models import ConsultationPage, PlanDraftPage, PlanHeadlinesPage
from consultations.questionnaire import Questionnaire
from tests.conftest import set_up_authenticator
from youth_voice.demo import OFFICER_EMAIL, OFFICER_PASSWORD
from youth_voice.models import Answer, Response, Status

DEMO_SLUG = "have-your-say-2027-2030"  # the open one (the feedback demo adds two closed ones)


def test_demo_has_everything_the_loop_needs_and_is_idempotent(db, client):
    call_command("load_demo")
    call_command("load_demo")
    plan = PlanDraftPage.objects.get(locale__language_code="en-gb")
    chapters = plan.chapters()
    assert len(chapters) >= 3
    assert sum(len(c.paragraphs) for c in chapters) >= 12
    markers = [p for c in chapters for p in c.paragraphs if p.question_ref]
    assert len(markers) >= 6
    assert any(len(paragraphs) >= 2 for paragraphs in plan.paragraphs_by_ref().values())

    consultation = ConsultationPage.objects.get(locale__language_code="en-gb", slug=DEMO_SLUG)
    questions = consultation.questions.all()
    assert questions.count() >= 6
    assert {q.kind for q in questions} == set(KINDS)
    assert any(q.show_if_reference for q in questions)
    assert Questionnaire(consultation).stepped
    assert consultation.reference_check().plan_refs_without_question == []
    sent = Response.objects.filter(status=Status.SUBMITTED, consultation=consultation).individual()
    online = sent.filter(channel="online")
    assert online.filter(language="en-gb").count() == 48 and online.filter(language="cy").count() == 12
    assert (
        sent.filter(channel="paper", entered_by__username="officer", received_on__isnull=False).count() == 1
    )
    assert sent.values("respondent_type").distinct().count() >= 4
    assert sent.filter(times_changed=1).count() == 1
    assert Response.objects.filter(status=Status.DRAFT).count() == 1
    assert Answer.objects.filter(text__gt="").exists()
    group = Response.objects.groups().get()  # the youth forum's residential weekend
    assert (group.group_size, group.event.forum.name, group.tallies.count()) == (
        18,
        "Harrowby Vale Youth Forum",
        8,
    )
    assert group.answers.get().text.startswith("Come back to the forum")

    signed_in = client.post("/accounts/login/", {"login": OFFICER_EMAIL, "password": OFFICER_PASSWORD})
    assert signed_in.status_code == 302
    summary = f"/admin/responses/{consultation.pk}/summary/"
    assert client.get(summary)["Location"] == "/accounts/2fa/totp/activate/"  # a second factor first
    set_up_authenticator(client, OFFICER_PASSWORD)
    assert client.get(summary).status_code == 200


def test_demo_plan_is_imported_from_a_word_document_in_two_versions_with_headlines_and_tags(
    db, client, settings
):
    call_command("load_demo")
    plan = PlanDraftPage.objects.get(locale__language_code="en-gb")
    assert (Path(settings.MEDIA_ROOT) / "demo" / "harrowby-vale-plan-draft-v2.docx").read_bytes()[:2] == b"PK"
    assert list(plan.versions.values_list("number", flat=True)) == [2, 1]
    changes = client.get(plan.url + "versions/2/changes/").content.decode()
    assert "1 paragraph added, 2 changed, 0 removed" in changes
    assert [c.heading for c in plan.chapters()][:2] == ["Introduction", "Our vision"]
    tagged = {p.number: p.aims for p in plan.paragraphs() if p.aims}
    assert tagged["3.3"] == ("core-aim-3",)  # kept through the second import
    headlines = PlanHeadlinesPage.objects.child_of(plan).get()
    assert "Someone to talk to" in client.get(headlines.url).content.decode()
    assert "Being listened to and respected" in client.get(plan.url + "aims/").content.decode()


def test_demo_exists_in_welsh_with_answers_counted_with_the_english(db, client):
    call_command("load_demo")
    call_command("load_demo")  # still idempotent with its Welsh versions
    english = ConsultationPage.objects.get(locale__language_code="en-gb", slug=DEMO_SLUG)
    welsh = ConsultationPage.objects.get(locale__language_code="cy", translation_key=english.translation_key)
    assert welsh.answers_page_id == english.pk and welsh.url == "/cy/dweud-eich-dweud-2027-2030/"
    html = client.get(welsh.url).content.decode()
    assert "Ydy’r drafft yn glir am beth mae’n rhaid i’r cynllun ei gyflawni?" in html
    assert PlanDraftPage.objects.get(locale__language_code="cy").url == "/cy/drafft-cynllun-2027-2030/"
    headlines = PlanHeadlinesPage.objects.get(locale__language_code="cy")
    assert "Rhywun i siarad â nhw" in client.get(headlines.url).content.decode()
    assert Response.objects.filter(consultation=english, language="cy", status=Status.SUBMITTED).count() == 12
    assert not Response.objects.filter(consultation=welsh).exists()
    welsh_texts = Answer.objects.filter(response__language="cy", text__gt="").values_list("text", flat=True)
    assert "Bwlio ar-lein." in set(welsh_texts) or "Mae popeth yn costio arian." in set(welsh_texts)


def test_demo_has_a_finished_live_session_with_votes_and_two_approved_comments(db):
    from youth_voice.models import LiveSession, LiveState

    call_command("load_demo")
    call_command("load_demo")
    session = LiveSession.objects.get()
    assert session.state == LiveState.ENDED and len(session.question_keys) == 3
    live = Response.objects.filter(live_session=session, channel="live", speaks_for="individual")
    assert live.count() == 12
    assert Answer.objects.filter(response__live_session=session).exclude(option="").count() == 24
    assert session.comments.approved().count() == 2 and session.comments.pending().count() == 1


def test_demo_has_one_closed_consultation_with_the_whole_loop(db, client):
    """Issue 11's "done when": coded themes, quotes, "you said, we did", three recommendations and a
    generated board paper, all on the closed transport consultation."""
    import io

    from pypdf import PdfReader

    from youth_voice.feedback import demo as feedback_demo
    from youth_voice.models import Quote
    from youth_voice.reports.paper import paper_content
    from youth_voice.reports.pdf import render_board_paper_pdf

    call_command("load_demo")
    call_command("load_demo")  # nothing made twice
    buses = ConsultationPage.objects.get(locale__language_code="en-gb", slug="buses-2026")
    assert buses.status == "closed" and buses.feedback_state() == "published"

    themes = buses.themes.all()
    assert themes.count() == 5 and themes.filter(parent__isnull=False).count() == 2
    coded = Answer.objects.filter(response__consultation=buses, themes__isnull=False).distinct()
    written = Answer.objects.filter(response__consultation=buses, text__gt="")
    # Of the 40 answers to questions 2 and 3, those the officer coded ("Wi-Fi" and "My parents
    # work late" were left for later).
    assert written.count() == 40
    assert 0 < coded.count() == written.filter(text__in=feedback_demo.TAGS).count() < 40
    assert all(theme.tags.exists() for theme in themes if not theme.children.exists())

    quotes = Quote.objects.publishable().filter(answer__response__consultation=buses)
    assert sorted(q.published_text() for q in quotes) == [
        "Buses that turn up",
        "Cheaper fares",
        "No bus back after 7",
    ]

    page = client.get(buses.url).content.decode()
    assert page.count('<article class="feedback-item"') == 3
    for quote in quotes:  # "you said, we did" shows the quotes picked for its question
        assert f"<blockquote><p>{quote.published_text()}</p></blockquote>" in page

    assert list(buses.recommendations.values_list("number", flat=True)) == [1, 2, 3]

    paper = paper_content(buses.board_paper)
    assert paper.meeting == "Harrowby Children's Partnership Board"
    pdf = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render_board_paper_pdf(paper))).pages).split()
    )
    for expected in ["Buses that turn up", "Cheaper fares", "No bus back after 7", "R1", "R2", "R3"]:
        assert expected in pdf
