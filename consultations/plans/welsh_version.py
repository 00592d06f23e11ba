"""A plan draft written in Welsh, imported as the Welsh version of an existing plan draft.

The Welsh document is read like any plan draft (markers such as `Cyf – C 6.1` included), then its
chapters and paragraphs are matched to the English plan's **by number**. Each match becomes the
translation of the English paragraph's segments in wagtail-localize's translation memory, exactly
as if a translator had typed it in the admin, so the Welsh version stays in step with the English
one (numbers and question references are synchronised, never taken from the Welsh document). What
cannot be matched is reported, never guessed: paragraphs with no counterpart on either side, and
paragraphs whose text is split differently (another number of sentences or list items), which are
left for the translator.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import extract_strings

from .imports import parse_plan, read_document
from .imports.importer import build_body


@dataclass
class WelshVersionReport:
    version: object  # the Welsh PlanDraftPage
    translated: int = 0  # segments given their Welsh text
    only_in_welsh: list[str] = field(default_factory=list)  # numbers the English plan lacks
    only_in_english: list[str] = field(default_factory=list)  # numbers the Welsh document lacks
    split_differently: list[str] = field(default_factory=list)  # left for the translator

    def lines(self) -> list[str]:
        lines = [f"translated: segments={self.translated}"]
        if self.only_in_welsh:
            lines.append(f"Only in the Welsh document (no English one): {', '.join(self.only_in_welsh)}")
        if self.only_in_english:
            lines.append(f"Not in the Welsh document (left in English): {', '.join(self.only_in_english)}")
        if self.split_differently:
            lines.append(
                "Written in another number of sentences or list items (translate in the admin): "
                + ", ".join(self.split_differently)
            )
        return lines


def _welsh_texts(body) -> dict[str, list[str]]:
    """Number → the texts of that chapter heading (`ch 9`) or paragraph (`9.2`), as wagtail-localize
    splits them: the heading, then each sentence block or list item of the text."""
    texts = {}
    for chapter in body:
        value = chapter["value"]
        if value["number"]:
            texts[f"ch {value['number']}"] = [value["heading"]]
        for paragraph in value["paragraphs"]:
            if paragraph["number"]:
                strings = [string.data for string, _attrs in extract_strings(paragraph["text"])[1]]
                texts[paragraph["number"]] = (
                    [paragraph["heading"], *strings] if paragraph["heading"] else strings
                )
    return texts


def _english_keys(plan) -> dict[str, str]:
    """Block id → the number it is matched by (`ch 9` for a chapter, `9.2` for a paragraph)."""
    keys = {}
    for chapter in plan.body.raw_data:
        if chapter["value"].get("number"):
            keys[chapter["id"]] = f"ch {chapter['value']['number']}"
        for item in chapter["value"]["paragraphs"]:
            if item["value"].get("number"):
                keys[item["id"]] = item["value"]["number"]
    return keys


@transaction.atomic
def import_welsh_version(plan, filename: str, data: bytes, *, publish=False, language_code="cy"):
    """Read the Welsh document and make it the Welsh version of `plan`; returns a report."""
    welsh = _welsh_texts(build_body(parse_plan(read_document(filename, data))))
    keys = _english_keys(plan)
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(plan)

    segments = {}  # number → [segment, …] in the order they are read
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
        parts = segment.context.path.split(".")
        if parts[0] != "body":
            continue
        block = parts[3] if len(parts) > 3 and parts[2] == "paragraphs" else parts[1]
        if block in keys:
            segments.setdefault(keys[block], []).append(segment)

    report = WelshVersionReport(version=None)
    for number, english in segments.items():
        if number not in welsh:
            report.only_in_english.append(number.removeprefix("ch "))
            continue
        if len(welsh[number]) != len(english):
            report.split_differently.append(number.removeprefix("ch "))
            continue
        for segment, text in zip(english, welsh[number], strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
            )
            report.translated += 1
    report.only_in_welsh = [n.removeprefix("ch ") for n in welsh if n not in segments]

    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=False)  # untranslated segments keep the English until translated
    version = plan.get_translation(locale).specific
    if publish:
        version.get_latest_revision().publish()
        version.refresh_from_db()
    report.version = version
    return report
