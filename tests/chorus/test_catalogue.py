"""The Welsh interface catalogue is complete, and compiles to what Django reads."""

import re

import polib
from django.conf import settings
from django.utils import translation

from chorus.catalogues import LOCALE_DIR, compile_catalogues

WELSH = LOCALE_DIR / "cy" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|<[^>]+>")


def test_welsh_comes_first_and_both_languages_are_offered():
    assert settings.LANGUAGES == [("cy", "Cymraeg"), ("en-gb", "English")]


def test_every_message_in_the_welsh_catalogue_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(WELSH))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    assert len(catalogue.translated_entries()) > 150


def test_welsh_messages_keep_every_placeholder_and_tag_of_the_english():
    """A translation that drops %(closes)s or a link's markup would break the page it is on."""
    for entry in polib.pofile(str(WELSH)):
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            english = sorted(re.sub(r">[^<]*<", "><", tag) for tag in PLACEHOLDER.findall(entry.msgid))
            welsh = sorted(re.sub(r">[^<]*<", "><", tag) for tag in PLACEHOLDER.findall(text))
            assert english == welsh, entry.msgid


def test_the_catalogue_compiles_without_gettext_and_django_reads_it(tmp_path):
    target = tmp_path / "cy" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "django.po").write_bytes(WELSH.read_bytes())
    assert compile_catalogues(tmp_path) == [target / "django.mo"]
    assert compile_catalogues(tmp_path) == []  # up to date: nothing to do
    compiled = polib.mofile(str(target / "django.mo"))
    assert compiled.find("Save and come back later").msgstr == "Cadw a dod yn ôl yn nes ymlaen"
    with translation.override("cy"):
        assert translation.gettext("Send my answers") == "Anfon fy atebion"
