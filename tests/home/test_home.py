from wagtail.models import Site

from home.models import FormPage
from tests.conftest import make_consultation


def test_home_lists_open_consultations_and_published_plans(client, home, plan):
    make_consultation(home, plan, slug="open-now")
    make_consultation(home, plan, slug="closed", opens_delta=-20, closes_delta=-1)
    draft = make_consultation(home, plan, slug="draft", live=False)
    html = client.get("/en-gb/").content.decode()
    assert 'href="/en-gb/open-now/"' in html
    assert 'href="/en-gb/closed/"' not in html
    assert draft.url is None or 'href="/en-gb/draft/"' not in html
    assert f'href="{plan.url}"' in html


def test_home_says_when_nothing_is_open(client, home):
    assert "There are no consultations open right now." in client.get("/en-gb/").content.decode()


def test_generic_form_page_collects_a_request(client, home):
    page = FormPage(title="Ask for a copy", slug="copy")
    home.add_child(instance=page)
    page.form_fields.create(label="Postal address", field_type="multiline", required=True)
    page.save_revision().publish()
    missing = client.post("/en-gb/copy/", {})
    assert "This field is required" in missing.content.decode()
    client.post("/en-gb/copy/", {"postal_address": "1 High Street"})
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


def _welsh_home_made_first():
    """A tree where the Welsh home page comes before the English one (it was made first)."""
    from wagtail.models import Locale, Page

    from home.models import HomePage

    Site.objects.all().delete()
    Page.objects.exclude(depth=1).delete()
    root = Page.get_first_root_node()
    welsh = root.add_child(
        instance=HomePage(
            title="Dweud eich dweud",
            slug="cartref",
            locale=Locale.objects.get_or_create(language_code="cy")[0],
        )
    )
    return root, welsh


def test_the_home_page_is_the_english_one_even_when_the_welsh_one_comes_first(db):
    from home.models import HomePage, ensure_home_page

    root, welsh = _welsh_home_made_first()
    english = root.add_child(
        instance=HomePage(title="Have your say", slug="home", translation_key=welsh.translation_key)
    )
    Site.objects.create(is_default_site=True, hostname="localhost", root_page=english)
    assert HomePage.objects.first() == welsh  # what the home page used to be taken from
    assert ensure_home_page() == english
    assert Site.objects.get(is_default_site=True).root_page_id == english.pk


def test_a_site_left_pointing_at_the_welsh_home_page_is_pointed_at_the_english_one(db):
    from home.models import HomePage, ensure_home_page

    root, welsh = _welsh_home_made_first()
    english = root.add_child(
        instance=HomePage(title="Have your say", slug="home", translation_key=welsh.translation_key)
    )
    Site.objects.create(is_default_site=True, hostname="chorus.example", root_page=welsh)
    assert ensure_home_page() == english
    site = Site.objects.get(is_default_site=True)
    assert (site.root_page_id, site.hostname) == (english.pk, "chorus.example")  # nothing else changed


def test_an_english_home_page_is_made_as_the_translation_of_a_welsh_one_left_alone(db):
    from home.models import HomePage, ensure_home_page

    _root, welsh = _welsh_home_made_first()
    home = ensure_home_page()
    assert home != welsh and home.locale.language_code == "en-gb"
    assert home.translation_key == welsh.translation_key
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert ensure_home_page() == home and HomePage.objects.count() == 2


def test_the_bare_address_opens_in_the_language_last_chosen(client, home):
    """Neither language is unprefixed: `/` follows the cookie, then the browser, then English."""
    assert client.get("/")["Location"] == "/en-gb/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="cy")["Location"] == "/cy/"
    welsh = client.get("/cy/")
    assert welsh.cookies["django_language"].value == "cy"
    assert welsh.cookies["django_language"]["max-age"] >= 365 * 24 * 3600
    assert client.get("/")["Location"] == "/cy/"  # remembered, no account needed
    client.get("/en-gb/")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="cy")["Location"] == "/en-gb/"


def test_every_page_has_a_language_switch_welsh_first_and_its_lang(client, home):
    html = client.get("/en-gb/").content.decode()
    assert '<html lang="en-gb">' in html
    switch = html[html.index('class="language-switch"') :]
    assert switch.index(">Cymraeg<") < switch.index(">English<")
    assert 'href="/cy/" hreflang="cy" lang="cy">Cymraeg</a>' in switch
    assert 'hreflang="en-gb" lang="en-gb" aria-current="true">English</a>' in switch
    assert '<html lang="cy">' in client.get("/cy/").content.decode()


def test_staff_pages_stay_unprefixed_and_not_found_stays_not_found(admin_client, client, db):
    assert client.get("/accounts/login/").status_code == 200
    assert admin_client.get("/admin/no-such-screen/").status_code == 404
