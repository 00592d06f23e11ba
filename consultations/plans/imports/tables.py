"""Tables in a plan draft: which are the author's tables of data, and what kind each is.

Word authors use tables for two things. Some lay out the plan itself, a number in the first column
and the paragraph beside it (`9.2 | Help children…`): those are read line by line like any text.
The others hold data — a table of terms and what they mean, figures by area, an annex of contacts —
and are kept whole, as a table with its header row, or as a definition list for terms.

The parser's lines are passed in; each has `.line` (the reader's Line: `table`, `cells`, `header`,
`text`) and `.refs`/`.errors` (question markers found on it).
"""

import re
from dataclasses import dataclass

from .lines import without_emphasis

_BARE_NUMBER = re.compile(r"^[1-9]\d?(?:[.,]\d{1,3}){0,3}\.?$")  # `9`, `9.2`, `9.2.1`, `1,7`
_SPACES = re.compile(r" {2,}")


@dataclass
class Table:
    """A table of the author's, kept as a table rather than read line by line."""

    rows: list[list[str]]
    header: bool
    kind: str  # "table", or "definitions" for a table of terms and what they mean
    first: object  # the parser's line the table starts on

    def value(self) -> dict:
        return {"kind": self.kind, "header": self.header, "rows": self.rows}


_DEFINITION_TERM_WORDS = 6
_HEADER_CELL_WORDS = 4


def tables_kept_whole(lines: list):
    """The lines, with each table of data (not a table used to lay out numbered paragraphs) as one
    `Table`. Word tables are known by the reader; in a text file, consecutive lines of two or more
    tab-separated cells are a table."""
    index = 0
    while index < len(lines):
        end = _table_end(lines, index)
        if end == index:
            yield lines[index]
            index += 1
            continue
        table = _data_table(lines[index:end])
        if table is None:
            yield from lines[index:end]
        else:
            yield table
        index = end


def _table_end(lines: list, start: int) -> int:
    table = lines[start].line.table
    end = start
    if table:
        while end < len(lines) and lines[end].line.table == table:
            end += 1
        return end
    while end < len(lines) and not lines[end].line.table and _is_text_table_row(lines[end]):
        end += 1
    return end if end - start >= 2 else start


def _is_text_table_row(line) -> bool:
    """A line of Word's text export that is a table row: two cells or more, and not a numbered
    paragraph laid out in a table (`9.2<tab>Help children…`) or a marker."""
    cells = [cell.strip() for cell in line.line.text.split("\t")]
    return sum(1 for cell in cells if cell) >= 2 and not _is_bare_number(cells[0]) and not line.refs


def _data_table(group: list) -> Table | None:
    """The group as a table of data, or None when it lays out plan paragraphs (a number in its first
    column, a question marker) or is too small to be more than a box around text."""
    if any(line.refs or line.errors for line in group):
        return None
    if group[0].line.table:
        rows = [list(line.line.cells) for line in group if line.line.cells is not None]
        marked_header = group[0].line.header
    else:
        rows = [line.line.text.split("\t") for line in group]
        marked_header = False
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if len(rows) < 2 or max(sum(1 for cell in row if cell.strip()) for row in rows) < 2:
        return None
    if any(_is_bare_number(row[0]) for row in rows):
        return None
    width = max(len(row) for row in rows)
    rows = [[_clean_cell(cell) for cell in row] + [""] * (width - len(row)) for row in rows]
    header = marked_header or _looks_like_header(rows)
    body = rows[1:] if header else rows
    kind = "definitions" if _is_definitions(body) else "table"
    return Table(rows, header, kind, group[0])


def _is_bare_number(text: str) -> bool:
    return bool(_BARE_NUMBER.match(without_emphasis(text).strip()))


def _clean_cell(text: str) -> str:
    return "\n".join(_SPACES.sub(" ", part.strip()) for part in text.split("\n") if part.strip())


def _words(text: str) -> int:
    return len(without_emphasis(text).split())


def _looks_like_header(rows: list[list[str]]) -> bool:
    """A first row of short labels over longer cells (or over figures) is the table's header."""
    first, rest = rows[0], rows[1:]
    filled = [cell for cell in first if cell]
    if len(filled) < 2 or any(_words(cell) > _HEADER_CELL_WORDS or cell.endswith(".") for cell in filled):
        return False
    first_words = sum(_words(cell) for cell in first) / len(first)
    rest_words = sum(_words(cell) for row in rest for cell in row) / max(1, sum(len(row) for row in rest))
    has_digits = any(char.isdigit() for char in "".join(first))
    figures_below = not has_digits and any(char.isdigit() for row in rest for char in "".join(row))
    return rest_words > first_words * 1.5 or figures_below


def _is_definitions(body: list[list[str]]) -> bool:
    """Two columns: a short term, then a longer description of it."""
    if not body or any(len(row) != 2 for row in body):
        return False
    if any(not row[0] or _words(row[0]) > _DEFINITION_TERM_WORDS or row[0].endswith(".") for row in body):
        return False
    terms = sum(_words(row[0]) for row in body) / len(body)
    descriptions = sum(_words(row[1]) for row in body) / len(body)
    return descriptions >= 3 and descriptions >= 2 * terms
