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


_LANGUAGE_OF_LOCALE: dict[int, str] = {}


def language_of_locale(locale_id) -> str:
    """The language code of a Wagtail locale, remembered in the process (locales are all but
    fixed; an id not seen before is looked up again)."""
    if locale_id not in _LANGUAGE_OF_LOCALE:
        from wagtail.models import Locale

        _LANGUAGE_OF_LOCALE.clear()
        _LANGUAGE_OF_LOCALE.update(Locale.objects.values_list("pk", "language_code"))
    return _LANGUAGE_OF_LOCALE.get(locale_id, settings.LANGUAGE_CODE)


def language_of(page) -> str:
    """The language code of a page's locale, without a query once the locales are known."""
    return language_of_locale(page.locale_id)
