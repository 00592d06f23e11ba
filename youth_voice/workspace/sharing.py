"""Sharing a consultation: its public address, a short link for posters, and QR codes of it.

The short link is `/c/<id>/`, the id of the consultation's first version (the one every language
version shares responses with): it leads to the version in the visitor's language (their
remembered choice, else their browser's), so one poster and one QR code serve Welsh and English
readers alike. QR codes are made here with segno (pure Python): nothing is sent anywhere.
"""

import io
from dataclasses import dataclass

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from consultations.models import ConsultationPage
from consultations.translatable import language_of

# Medium error correction: still reads with a fold or a smudge on a printed poster.
QR_ERROR = "m"


def short_path(page: ConsultationPage) -> str:
    return reverse("consultation_short_link", args=[page.answers_page_id])


def short_url(page: ConsultationPage, request=None) -> str:
    """The short link in full, on the consultation's own site."""
    site = page.get_site()
    root = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
    return root + short_path(page)


def qr_svg(url: str, title: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error=QR_ERROR).save(buffer, kind="svg", scale=8, border=4, light="#fff", title=title)
    return buffer.getvalue()


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error=QR_ERROR).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


@dataclass(frozen=True)
class Version:
    """One language version of a consultation as the share panel and the poster show it."""

    language: str
    language_name: str
    page: ConsultationPage
    url: str | None  # None while that version is not published

    @property
    def live(self) -> bool:
        return self.url is not None


def language_versions(page: ConsultationPage, request=None) -> list[Version]:
    """Every language version of the consultation, Welsh first (the order of settings.LANGUAGES)."""
    names = dict(settings.LANGUAGES)
    order = [code for code, _name in settings.LANGUAGES]
    versions = []
    for version in page.get_translations(inclusive=True).specific():
        language = language_of(version)
        versions.append(
            Version(
                language=language,
                language_name=names.get(language, language),
                page=version,
                url=version.get_full_url(request) if version.live else None,
            )
        )
    return sorted(versions, key=lambda v: order.index(v.language) if v.language in order else len(order))


def version_for_visitor(page: ConsultationPage, request):
    """The live version a visitor of the short link should read, or None if none is live."""
    live = {
        language_of(version): version for version in page.get_translations(inclusive=True).live().specific()
    }
    if not live:
        return None
    wanted = translation.get_language_from_request(request)
    if wanted in live:
        return live[wanted]
    return live.get(language_of(page.answers_page)) or next(iter(live.values()))
