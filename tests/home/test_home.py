from wagtail.models import Site

from home.models import FormPage
from tests.conftest import make_consultation


def test_home_lists_open_consultations_and_published_plans(client, home, plan):
    make_consultation(home, plan, slug="open-now")
    make_consultation(home, plan, slug="closed", opens_delta=-20, closes_delta=-1)
    draft = make_consultation(home, plan, slug="draft", live=False)
    html = client.get("/").content.decode()
    assert 'href="/open-now/"' in html
    assert 'href="/closed/"' not in html
    assert draft.url is None or 'href="/draft/"' not in html
    assert f'href="{plan.url}"' in html


def test_home_says_when_nothing_is_open(client, home):
    assert "There are no consultations open right now." in client.get("/").content.decode()


def test_generic_form_page_collects_a_request(client, home):
    page = FormPage(title="Ask for a copy", slug="copy")
    home.add_child(instance=page)
    page.form_fields.create(label="Postal address", field_type="multiline", required=True)
    page.save_revision().publish()
    missing = client.post("/copy/", {})
    assert "This field is required" in missing.content.decode()
    client.post("/copy/", {"postal_address": "1 High Street"})
    assert page.get_submission_class().objects.filter(page=page).count() == 1


def test_site_root_is_the_home_page(home):
    assert Site.objects.get(is_default_site=True).root_page.specific == home


def test_home_page_and_site_are_rebuilt_if_missing(db):
    from wagtail.models import Page

    from home.models import HomePage, ensure_home_page

    Site.objects.all().delete()
    Page.objects.all().delete()
    home = ensure_home_page()
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert ensure_home_page() == home
    assert HomePage.objects.count() == 1
