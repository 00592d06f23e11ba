"""Compiles the interface catalogues (`locale/<language>/LC_MESSAGES/django.po` → `.mo`).

In pure Python (polib) rather than Django's `compilemessages`, which needs GNU gettext's `msgfmt`:
`make install` then works on a fresh clone, on any machine, with nothing installed by hand. Like
`msgfmt`, it leaves fuzzy and untranslated messages out. Run: `python -m chorus.catalogues`.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR, *, force: bool = False) -> list[Path]:
    """Compile every catalogue whose .mo is missing or older than its .po; returns those written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogues(force="--force" in sys.argv):
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
