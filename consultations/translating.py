"""Making the version of a page in another language in code, the way a translator does in the
admin with wagtail-localize: the demo and the tests use it.

Each text segment the source offers (titles, prompts, option labels, paragraphs of rich text) is
looked up in `words`; a segment without a translation keeps the source's text, as wagtail-localize
does when a translation is published before it is finished. Synchronised fields (references,
codes, paragraph numbers) are copied, never translated. https://wagtail-localize.org/stable/
"""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate(instance, language_code: str, words: dict[str, str], *, publish=True):
    """Create or update the `language_code` version of `instance`; returns it."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = words.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    # wagtail-localize publishes when the transaction commits; publish now, inside or outside one.
    translation.save_target(publish=False)
    version = instance.get_translation(locale).specific
    if publish:
        version.get_latest_revision().publish()
        version.refresh_from_db()
    return version


def segments_to_translate(instance) -> list[str]:
    """The texts wagtail-localize offers translators for `instance`."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return [segment.string.data for segment in source.stringsegment_set.select_related("string")]
