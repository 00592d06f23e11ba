"""Links to pages in rich text lead to the version in the reader's language (Welsh or English)."""

from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler


class LocalizedPageLinkHandler(PageLinkHandler):
    """Links to pages in rich text, to the version in the language being read: Wagtail's own
    handler looks up the active locale and the translation once per link; this does it once per
    text, so a plan with hundreds of cross-references costs the same few queries."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        pages = cls.get_many(attrs_list)
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:  # no locales yet (a database being set up)
            return super().expand_db_attributes_many(attrs_list)
        keys = {page.translation_key for page in pages if page and page.locale_id != locale.pk}
        translations = {}
        if keys:
            found = Page.objects.live().filter(translation_key__in=keys, locale=locale).defer_streamfields()
            translations = {page.translation_key: page for page in found.specific()}
        return [
            f'<a href="{escape(translations.get(page.translation_key, page).url)}">' if page else "<a>"
            for page in pages
        ]
