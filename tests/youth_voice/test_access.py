"""youth_voice.access decides who reads which consultation's responses; the admin and the API follow it."""

import pytest
from django.contrib.auth.models import Group, Permission

from consultations.translating import translate
from tests.conftest import give_second_factor, make_consultation, submit_answers
from tests.consultations.test_translations import WELSH
from youth_voice import access
from youth_voice.models import ConsultationAccess
from youth_voice.wagtail_hooks import responses_listing_button


@pytest.fixture
def two(home, plan):
    a = make_consultation(home, plan, slug="a", title="Consultation A")
    b = make_consultation(home, plan, slug="b", title="Consultation B")
    return a, b


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    give_second_factor(user)
    return django_user_model.objects.get(pk=user.pk)  # permissions read afresh


@pytest.fixture
def officer_of_a(django_user_model, two):
    user = member(django_user_model, "a-officer", access.PARTICIPATION_OFFICERS)
    ConsultationAccess.objects.create(consultation=two[0], user=user)
    return user


def test_an_officer_reads_only_the_consultations_given_to_them(officer_of_a, two):
    a, b = two
    assert access.can_read_responses(officer_of_a, a)
    assert not access.can_read_responses(officer_of_a, b)
    assert list(access.consultations_with_responses_for(officer_of_a)) == [a]
    assert access.can_export(officer_of_a, a) and not access.can_export(officer_of_a, b)


def test_every_language_version_is_given_with_the_consultation(officer_of_a, two):
    a, _b = two
    welsh = translate(a, "cy", WELSH)
    assert access.can_read_responses(officer_of_a, welsh)
    # Giving the Welsh version is recorded against the first version, where responses are kept.
    other = member(officer_of_a.__class__, "cy-officer", access.PARTICIPATION_OFFICERS)
    given = ConsultationAccess.objects.create(consultation=welsh, user=other)
    assert given.consultation_id == a.pk
    assert list(access.consultations_with_responses_for(other)) == [a]


def test_being_given_a_consultation_is_not_enough_without_the_role(django_user_model, two):
    editor = member(django_user_model, "editor", access.PLAN_EDITORS)
    ConsultationAccess.objects.create(consultation=two[0], user=editor)
    assert not access.can_read_responses(editor, two[0])
    assert not access.consultations_with_responses_for(editor).exists()


def test_exporting_needs_its_own_permission(django_user_model, two):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="view_response"))
    ConsultationAccess.objects.create(consultation=two[0], user=user)
    user = django_user_model.objects.get(pk=user.pk)
    assert access.can_read_responses(user, two[0]) and not access.can_export(user, two[0])


def test_partnership_readers_see_published_figures_and_never_responses(django_user_model, home, plan, two):
    reader = member(django_user_model, "board", access.PARTNERSHIP_READERS)
    draft = make_consultation(home, plan, slug="draft", live=False)
    assert access.can_read_figures(reader, two[0]) and not access.can_read_figures(reader, draft)
    assert not access.can_read_responses(reader, two[0])
    assert not access.consultations_with_responses_for(reader).exists()


def test_a_superuser_reads_every_consultation(django_user_model, two):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    assert set(access.consultations_with_responses_for(root)) == set(two)


def test_inactive_and_anonymous_users_read_nothing(officer_of_a, two):
    from django.contrib.auth.models import AnonymousUser

    assert not access.can_read_responses(AnonymousUser(), two[0])
    officer_of_a.is_active = False
    assert not access.can_read_responses(officer_of_a, two[0])


def test_the_index_and_the_listing_button_show_only_given_consultations(client, officer_of_a, two):
    a, b = two
    client.force_login(officer_of_a)
    index = client.get("/admin/responses/").content.decode()
    assert "Consultation A" in index and "Consultation B" not in index
    assert list(responses_listing_button(a, officer_of_a)) and not list(
        responses_listing_button(b, officer_of_a)
    )


def test_the_responses_menu_is_hidden_from_roles_that_read_neither_responses_nor_figures(
    client, django_user_model
):
    client.force_login(member(django_user_model, "editor", access.PLAN_EDITORS))
    assert '"url": "/admin/responses/"' not in client.get("/admin/").content.decode()
    client.force_login(member(django_user_model, "board", access.PARTNERSHIP_READERS))
    assert '"url": "/admin/responses/"' in client.get("/admin/").content.decode()


def test_partnership_readers_read_the_figures_of_published_consultations_only(
    client, django_user_model, home, plan, two
):
    a, _b = two
    make_consultation(home, plan, slug="draft", title="Draft consultation", live=False)
    response = submit_answers(a, {"1": (["no"], "Too long"), "6.1": "Someone to talk to"})
    client.force_login(member(django_user_model, "board", access.PARTNERSHIP_READERS))
    index = client.get("/admin/responses/").content.decode()
    assert "Consultation A" in index and "Draft consultation" not in index
    summary = client.get(f"/admin/responses/{a.pk}/summary/").content.decode()
    # Counts under 5 are suppressed for readers beyond the officers (youth_voice.figures).
    assert "fewer than 5 responses." in summary.replace("<strong>", "").replace("</strong>", "")
    # Figures, and that people wrote something, but never what they wrote or a way to a response.
    assert "Someone to talk to" not in summary and "Too long" not in summary
    assert response.reference not in summary
    assert f'/admin/responses/{a.pk}/"' not in summary  # no "All responses"
    assert "export.csv" not in summary


def test_the_access_screen_offers_each_consultation_once_and_only_response_readers(
    client, django_user_model, officer_of_a, two
):
    a, _b = two
    translate(a, "cy", WELSH)
    member(django_user_model, "editor", access.PLAN_EDITORS)
    client.force_login(member(django_user_model, "admin", access.SITE_ADMINISTRATORS))
    form = client.get("/admin/consultation_access/new/").context["form"]
    assert list(form.fields["consultation"].queryset) == list(access.first_versions().order_by("title"))
    assert len(form.fields["consultation"].queryset) == 2
    assert list(form.fields["user"].queryset) == [officer_of_a]
    given = client.post(
        "/admin/consultation_access/new/", {"consultation": two[1].pk, "user": officer_of_a.pk}
    )
    assert given.status_code == 302
    assert access.can_read_responses(officer_of_a, two[1])
    from wagtail.models import ModelLogEntry

    record = ConsultationAccess.objects.get(consultation=two[1], user=officer_of_a)
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="wagtail.create").exists()


def test_the_api_never_exposes_responses(client, consultation):
    submit_answers(consultation, {"6.1": "A secret only officers may read"})
    listing = client.get("/api/v2/pages/?type=consultations.ConsultationPage&fields=*")
    detail = client.get(f"/api/v2/pages/{consultation.pk}/?fields=*")
    assert listing.status_code == 200 and detail.status_code == 200
    for response in (listing, detail):
        assert "A secret only officers may read" not in response.content.decode()
    assert client.get(f"/api/v2/pages/{consultation.pk}/?fields=responses").status_code == 400
    assert client.get("/api/v2/responses/").status_code == 404
