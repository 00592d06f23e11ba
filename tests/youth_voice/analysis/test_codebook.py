"""The codebook: themes nest one level only, in the model and in the database."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from tests.conftest import make_consultation
from youth_voice.models import AnswerTheme, Quote, Redaction, Theme


@pytest.fixture
def themes(consultation):
    services = Theme.objects.create(consultation=consultation, name="Services")
    waiting = Theme.objects.create(consultation=consultation, name="Waiting times", parent=services)
    return services, waiting


def test_a_theme_may_go_inside_a_theme_that_has_no_parent(consultation, themes):
    services, _waiting = themes
    child = Theme(consultation=consultation, name="Opening hours", parent=services)
    child.full_clean()


def test_a_theme_cannot_go_inside_a_theme_that_is_inside_another(consultation, themes):
    _services, waiting = themes
    grandchild = Theme(consultation=consultation, name="Evenings", parent=waiting)
    with pytest.raises(ValidationError) as refused:
        grandchild.full_clean()
    assert refused.value.message_dict["parent"] == [
        "Themes nest one level only: “Waiting times” is already inside another theme."
    ]


def test_a_theme_with_themes_inside_it_cannot_go_inside_another(consultation, themes):
    services, _waiting = themes
    other = Theme.objects.create(consultation=consultation, name="Places")
    services.parent = other
    with pytest.raises(ValidationError) as refused:
        services.full_clean()
    assert refused.value.message_dict["parent"] == [
        "A theme with themes inside it cannot go inside another theme."
    ]


def test_a_theme_cannot_go_inside_another_consultations_theme(home, plan, consultation):
    other = make_consultation(home, plan, slug="other")
    elsewhere = Theme.objects.create(consultation=other, name="Buses")
    theme = Theme(consultation=consultation, name="Trains", parent=elsewhere)
    with pytest.raises(ValidationError) as refused:
        theme.full_clean()
    assert refused.value.message_dict["parent"] == ["Choose a theme of this consultation."]


@pytest.mark.parametrize("how", ["insert", "update_child", "update_parent", "other_consultation"])
def test_the_database_refuses_deeper_nesting_whatever_skips_the_model(home, plan, consultation, themes, how):
    services, waiting = themes
    with pytest.raises(IntegrityError), transaction.atomic():
        if how == "insert":
            Theme.objects.create(consultation=consultation, name="Evenings", parent=waiting)
        elif how == "update_child":
            other = Theme.objects.create(consultation=consultation, name="Places")
            Theme.objects.filter(pk=other.pk).update(parent=waiting)
        elif how == "update_parent":
            other = Theme.objects.create(consultation=consultation, name="Places")
            Theme.objects.filter(pk=services.pk).update(parent=other)
        else:
            elsewhere = make_consultation(home, plan, slug="other")
            Theme.objects.create(consultation=elsewhere, name="Buses", parent=services)


def test_names_are_unique_per_consultation_whatever_the_case(consultation, themes):
    with pytest.raises(IntegrityError), transaction.atomic():
        Theme.objects.create(consultation=consultation, name="waiting TIMES")


def test_officer_adds_a_nested_theme_and_sees_it_in_the_codebook(officer_client, consultation, themes):
    services, _waiting = themes
    address = f"/admin/responses/{consultation.pk}/themes/"
    added = officer_client.post(
        address, {"name": "Opening hours", "description": "When places are open", "parent": services.pk}
    )
    assert added.status_code == 302
    assert Theme.objects.get(name="Opening hours").parent == services
    page = officer_client.get(address).content.decode()
    page = page[page.index(">Codebook<") :]
    assert page.index("Services") < page.index("Opening hours") < page.index("Waiting times")


def test_a_duplicate_name_is_refused_next_to_the_field_and_keeps_what_was_typed(
    officer_client, consultation, themes
):
    refused = officer_client.post(
        f"/admin/responses/{consultation.pk}/themes/", {"name": "Services", "description": "Typed with care"}
    )
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Typed with care" in page
    assert "There is a problem" in page
    assert Theme.objects.filter(name="Services").count() == 1


def test_deleting_a_theme_takes_it_off_its_answers(officer_client, consultation, themes, written):
    services, waiting = themes
    answer = written("Shorter waits")
    waiting.tags.create(answer=answer)
    officer_client.post(f"/admin/responses/{consultation.pk}/themes/{services.pk}/", {"delete": "1"})
    assert not Theme.objects.filter(pk__in=[services.pk, waiting.pk]).exists()
    assert not answer.themes.exists()


def test_the_demo_has_a_codebook_tagged_answers_and_three_quotes_one_redacted(db):
    call_command("load_demo")
    call_command("load_demo")  # again: nothing more
    themes = Theme.objects.all()
    assert themes.count() == 4
    assert themes.filter(parent__isnull=False).count() == 1
    assert AnswerTheme.objects.count() > 4
    # Its three quotes; the closed transport consultation has its own, for its published results.
    quotes = Quote.objects.publishable().filter(answer__question__consultation=themes.first().consultation)
    assert quotes.count() == 3
    assert Redaction.objects.count() == 1
    assert "[removed]" in Redaction.objects.get().quote.published_text()
