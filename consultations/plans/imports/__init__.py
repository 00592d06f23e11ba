"""Import a plan draft document: read it into lines, then parse its numbered structure.

    lines = read_document(filename, data, encoding=None)   # .docx, .odt, .txt or .md
    plan = parse_plan(lines)                                # chapters, paragraphs, question refs

Both raise PlanImportError, whose message tells an editor what is wrong and what to do.
"""

from .lines import Line
from .parsed import ParsedChapter, ParsedParagraph, ParsedPlan
from .parser import parse_plan
from .readers import MAX_UPLOAD_BYTES, PlanImportError, read_document

__all__ = [
    "MAX_UPLOAD_BYTES",
    "Line",
    "ParsedChapter",
    "ParsedParagraph",
    "ParsedPlan",
    "PlanImportError",
    "parse_plan",
    "read_document",
]
