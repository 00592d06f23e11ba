"""The fonts the PDF is set in, and which characters they can show.

DejaVu Sans is used when installed; otherwise reportlab's built-in Helvetica, which only knows
Windows-1252. Either way every string passes through `Fonts` first, so a character without a glyph
never prints as an empty box.
"""

import functools
import re
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Debian's fonts-dejavu-core: covers Welsh (ŵ ŷ), typographic punctuation and many symbols.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
HELVETICA = {
    "regular": "Helvetica",
    "bold": "Helvetica-Bold",
    "italic": "Helvetica-Oblique",
    "bold_italic": "Helvetica-BoldOblique",
}

_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_unicode(text: str) -> str:
    """Text for places the PDF viewer draws itself (metadata, outline): any Unicode but no controls."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text or ""))


class Fonts:
    """The four faces in use, and how to turn any string into one they can show.

    A character the font has no glyph for would print as an empty box (or, in Helvetica's single-byte
    encoding, not at all), so it is swapped for its closest plain form (ŵ → w in Helvetica) or for a
    visible replacement mark.
    """

    def __init__(self, faces: dict[str, str], covers):
        self.regular = faces["regular"]
        self.bold = faces["bold"]
        self.italic = faces["italic"]
        self.bold_italic = faces["bold_italic"]
        self.is_fallback = faces == HELVETICA
        self._covers = covers
        self._replacement = "\ufffd" if covers("\ufffd") else "?"
        self._substitutes: dict[str, str] = {}

    def plain(self, text: str) -> str:
        """`text` with every character the fonts cannot show replaced; not yet escaped for markup."""
        return _NOT_PRINTABLE_ASCII.sub(self._substitute, text)

    def markup(self, text: str) -> str:
        """`text` ready to place inside reportlab paragraph markup."""
        return escape(self.plain(text))

    def _substitute(self, match: re.Match) -> str:
        char = match.group()
        if char not in self._substitutes:
            self._substitutes[char] = self._substitute_for(char)
        return self._substitutes[char]

    def _substitute_for(self, char: str) -> str:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):  # newlines, tabs and control codes: plain space
            return " "
        if category == "Cs":  # a lone surrogate cannot even be encoded
            return self._replacement
        if category == "Cf":  # zero-width joiners, direction marks, soft hyphens: invisible anyway
            return ""
        if self._covers(char):
            return char
        if category.startswith("M") or category == "Sk":  # combining marks, emoji variations and skin tones
            return ""
        if category == "Zs":
            return " "
        plain_form = "".join(
            c for c in unicodedata.normalize("NFKD", char) if self._covers(c) and not unicodedata.combining(c)
        )
        return plain_form or self._replacement


@functools.cache
def load_fonts(font_dir: Path) -> Fonts:
    """Register DejaVu Sans once per process, or settle for Helvetica when it is not installed.

    Only characters that all four DejaVu faces have count as covered, so bold and italic text never
    prints a blank box where regular text would not.
    """
    paths = {face: font_dir / filename for face, filename in DEJAVU_FILES.items()}
    if not all(path.is_file() for path in paths.values()):
        return Fonts(HELVETICA, _in_windows_1252)
    faces = {face: f"ChorusDejaVu-{face}" for face in paths}
    coverage = None
    for face, path in paths.items():
        font = TTFont(faces[face], str(path))
        pdfmetrics.registerFont(font)
        codepoints = set(font.face.charToGlyph)
        coverage = codepoints if coverage is None else coverage & codepoints
    pdfmetrics.registerFontFamily(
        faces["regular"],
        normal=faces["regular"],
        bold=faces["bold"],
        italic=faces["italic"],
        boldItalic=faces["bold_italic"],
    )
    coverage = frozenset(coverage)
    return Fonts(faces, lambda char: ord(char) in coverage)


def _in_windows_1252(char: str) -> bool:
    """reportlab writes the built-in Helvetica in WinAnsi encoding, which is Windows-1252."""
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
