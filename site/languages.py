"""Welsh and English with equal standing: which language a request is in, the link to the same page in
the other language, and remembering the choice without an account.

Public pages live under a language prefix, `/cy/…` and `/en-gb/…`, neither unprefixed: a bare `/`
is sent by Django's LocaleMiddleware to the language last chosen (its cookie), else the browser's,
else English. https://docs.djangoproject.com/en/5.2/topics/i18n/translation/#how-django-discovers-language-preference
"""

from dataclasses import dataclass

from django.conf import settings
from django.middleware import locale
from django.urls import translate_url
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language: "Cymraeg", "English"
    url: str
    current: bool
    exists: bool  # False when the page has no version in that language (the link says so there)


def page_translation(page, language_code):
    """The live version of a Wagtail page in another language, or None."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or not getattr(page, "pk", None):
        return None
    return (
        page.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=language_code)
        .only("id", "url_path", "locale", "path", "depth")
        .first()
    )


def language_links(request, page=None) -> list[LanguageLink]:
    """The same page in each language, Welsh first; the current one marked."""
    current = get_language()
    path = request.get_full_path() if request is not None else "/"
    served_page = (
        page is not None
        and request is not None
        and getattr(request, "resolver_match", None) is not None
        and request.resolver_match.url_name == "wagtail_serve"
        and getattr(page, "pk", None)
    )
    links = []
    for code, name in settings.LANGUAGES:
        url, exists = translate_url(path, code), True
        if code == current:
            url = path
        elif served_page:
            translation = page_translation(page, code)
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
# documents, the API and files.
UNPREFIXED = ("/admin/", "/accounts/", "/documents/", "/api/", "/static/", "/media/")


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
