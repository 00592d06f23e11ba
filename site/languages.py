"""Welsh and English with equal standing: which language a request is in, the link to the same page in
the other language, and remembering the choice without an account.

Public pages live under a language prefix, `/cy/…` and `/en-gb/…`, neither unprefixed: a bare `/`
is sent by Django's LocaleMiddleware to the language last chosen (its cookie), else the browser's,
else English. https://docs.djangoproject.com/en/5.2/topics/i18n/translation/#how-django-discovers-language-preference
"""

from dataclasses import dataclass

from django.conf import settings
from django.middleware import locale
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path
from django.views import defaults
from wagtail.models import Page

from consultations.translatable import language_of_locale


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language: "Cymraeg", "English"
    url: str
    current: bool
    exists: bool  # False when the page has no version in that language (the link says so there)


def page_translations(page) -> dict:
    """The live versions of a Wagtail page by language code (one query; none without i18n)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or not getattr(page, "pk", None):
        return {}
    versions = page.get_translations(inclusive=True).live().only("id", "url_path", "locale", "path", "depth")
    return {language_of_locale(version.locale_id): version for version in versions}


def language_links(request, page=None) -> list[LanguageLink]:
    """The same page in each language, Welsh first; the current one marked. Worked out once per
    request (the switch and the hreflang alternates both use it)."""
    key = (getattr(page, "pk", None), get_language())
    remembered = getattr(request, "_language_links", None)
    if remembered is not None and remembered[0] == key:
        return remembered[1]
    links = _language_links(request, page)
    if request is not None:
        request._language_links = (key, links)
    return links


def _language_links(request, page) -> list[LanguageLink]:
    current = get_language()
    path = request.get_full_path() if request is not None else "/"
    served_page = (
        page is not None
        and request is not None
        and getattr(request, "resolver_match", None) is not None
        and request.resolver_match.url_name == "wagtail_serve"
        and getattr(page, "pk", None)
    )
    versions = page_translations(page) if served_page else {}
    links = []
    for code, name in settings.LANGUAGES:
        url, exists = (path, True) if code == current else (translate_url(path, code), True)
        if code != current and served_page:
            translation = versions.get(code)
            if translation is not None:
                # A routable page's sub-page (large print, versions) maps to the same sub-page.
                own = page.get_url(request) or ""
                rest = request.path[len(own) :] if own and request.path.startswith(own) else ""
                url = (translation.get_url(request) or url) + rest
            else:
                exists = False
        links.append(LanguageLink(code, name, url, code == current, exists))
    return links


# Addresses outside the language prefixes: staff pages (each user has their own admin language),
# documents, the API, files and consultations' short links (which choose the language themselves).
UNPREFIXED = ("/admin/", "/accounts/", "/documents/", "/api/", "/static/", "/media/", "/c/")


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a staff page, document or API address that is not found stays not
    found: the pages' catch-all under each prefix would otherwise turn every such 404 into a
    redirect to `/en-gb/admin/…`."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


class RememberLanguageMiddleware:
    """Remembers the language of the last page read in Django's language cookie, so `/` and the
    unprefixed pages (sign in) open in it next time; no account is needed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def page_in_other_language(request):
    """The live page at this address in the other language, when none exists in the one asked
    for: (page, its language code) or None."""
    language = get_language_from_path(request.path_info)
    if not language:
        return None
    path = request.path_info[len(language) + 1 :]
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        with translation.override(code):
            request.__dict__.pop("_wagtail_route_for_request", None)
            route = Page.route_for_request(request, path)
            request.__dict__.pop("_wagtail_route_for_request", None)
            if route is not None and route[0].locale.language_code == code:
                return route[0], code
    return None


def page_not_found(request, exception):
    """Not found in this language: if the page exists in the other one, say so (in the language
    asked for) and link to it; otherwise Django's own page. Still a 404, so nothing indexes it."""
    found = page_in_other_language(request)
    if found is None:
        return defaults.page_not_found(request, exception)
    page, code = found
    with translation.override(code):
        url = page.get_url(request)
    context = {"other_page": page, "other_url": url, "other_language": code}
    return TemplateResponse(request, "only_in_other_language.html", context, status=404).render()


def shown_in_other_language(page) -> str | None:
    """The language code of a page shown under the other language's address (its site has no
    version of it there yet), else None."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or not getattr(page, "locale_id", None):
        return None
    shown_in = language_of_locale(page.locale_id)
    return shown_in if shown_in != get_language() else None
