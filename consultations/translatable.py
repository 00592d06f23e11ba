"""What translators change and what stays the same in every language.

Welsh and English versions of a page are made and kept in step with wagtail-localize: a
translation is a copy of the source page whose text is replaced segment by segment. Question
references, option codes, kinds, paragraph numbers and the question a paragraph is keyed to are
*synchronised*: copied from the source on every sync and never offered for translation, so they
are the same in both languages by construction, and an answer given in Welsh lines up with one
given in English. https://wagtail-localize.org/stable/how-to/field-configuration/
"""

from django.conf import settings
from wagtail import blocks


class SynchronisedCharBlock(blocks.CharBlock):
    """Text that is the same in every language: wagtail-localize copies it from the source page
    (these two hooks are how it asks a block for its segments and gives translations back)."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


_LOCALE_IDS: dict[str, int] = {}


def locale_id(language_code: str) -> int | None:
    """The Wagtail locale of a language, remembered in the process (locales are all but fixed)."""
    if language_code not in _LOCALE_IDS:
        from wagtail.models import Locale

        _LOCALE_IDS.update(Locale.objects.values_list("language_code", "pk"))
    return _LOCALE_IDS.get(language_code)


def language_of(page) -> str:
    """The language code of a page's locale, without a query once the locales are known."""
    for code, _name in settings.LANGUAGES:
        if locale_id(code) == page.locale_id:
            return code
    return settings.LANGUAGE_CODE
