"""Build small plan-draft documents in memory, in every format the plan importer reads.

A document is a list of blocks, the same for every format:

    ("title", text)                  the document title (Word's Title style)
    ("heading1", text) … ("heading3", text)
    ("p", text)                      a paragraph; tabs stay tabs
    ("bullet", text)                 a bulleted list item
    ("table", [[cell, cell], …])     a table; a cell is a string, or a list of strings and
                                     ("p"/"bullet"/"heading2", text) blocks
"""

import io
import re
import zipfile
from xml.sax.saxutils import escape

import docx

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
_ODT_MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def _cell_blocks(cell) -> list[tuple[str, str]]:
    items = [cell] if isinstance(cell, str) else cell
    return [("p", item) if isinstance(item, str) else item for item in items]


# --- Word -----------------------------------------------------------------------------------------


def docx_bytes(blocks) -> bytes:
    """A .docx made by python-docx, with Word's own heading, title and bullet styles."""
    document = docx.Document()
    for kind, value in blocks:
        if kind == "table":
            _docx_table(document, value)
        else:
            _docx_paragraph(document, kind, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_paragraph(container, kind: str, text: str, first_in_cell=None):
    style = {"title": "Title", "bullet": "List Bullet", "p": None}.get(
        kind, kind.replace("heading", "Heading ")
    )
    if first_in_cell is not None:
        first_in_cell.text = text
        first_in_cell.style = style
        return first_in_cell
    return container.add_paragraph(text, style=style)


def _docx_table(document, rows) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=False):
            for index, (kind, text) in enumerate(_cell_blocks(value)):
                _docx_paragraph(cell, kind, text, first_in_cell=cell.paragraphs[0] if index == 0 else None)


# --- OpenDocument -----------------------------------------------------------------------------------


def odt_bytes(blocks) -> bytes:
    """A minimal .odt written by hand: mimetype, content.xml and the manifest."""
    body = "".join(_odt_blocks(blocks))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NAMESPACES} '
        f'office:version="1.3"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    return odt_package(content)


def odt_package(content: str | bytes, mimetype: str = ODT_MIMETYPE) -> bytes:
    """An .odt zip around any content.xml (for testing broken ones too)."""
    return zip_bytes(
        {"mimetype": mimetype, "content.xml": content, "META-INF/manifest.xml": _ODT_MANIFEST},
    )


def _odt_blocks(blocks) -> list[str]:
    parts: list[str] = []
    bullets: list[str] = []
    for kind, value in blocks:
        if kind == "bullet":
            bullets.append(f"<text:list-item><text:p>{odt_text(value)}</text:p></text:list-item>")
            continue
        if bullets:
            parts.append("<text:list>" + "".join(bullets) + "</text:list>")
            bullets = []
        if kind == "table":
            parts.append(_odt_table(value))
        elif kind.startswith("heading"):
            parts.append(f'<text:h text:outline-level="{kind[-1]}">{odt_text(value)}</text:h>')
        elif kind == "title":
            parts.append(f'<text:p text:style-name="Title">{odt_text(value)}</text:p>')
        else:
            parts.append(f"<text:p>{odt_text(value)}</text:p>")
    if bullets:
        parts.append("<text:list>" + "".join(bullets) + "</text:list>")
    return parts


def _odt_table(rows) -> str:
    xml_rows = []
    for cells in rows:
        xml_cells = "".join(
            f'<table:table-cell office:value-type="string">{"".join(_odt_blocks(_cell_blocks(cell)))}'
            "</table:table-cell>"
            for cell in cells
        )
        xml_rows.append(f"<table:table-row>{xml_cells}</table:table-row>")
    columns = max(len(cells) for cells in rows)
    return (
        f'<table:table><table:table-column table:number-columns-repeated="{columns}"/>'
        f"{''.join(xml_rows)}</table:table>"
    )


def odt_text(text: str) -> str:
    """Text as OpenDocument writes it: <text:tab/>, <text:line-break/>, runs of spaces as <text:s/>."""
    xml = escape(text).replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
    return re.sub(r"  +", lambda spaces: f' <text:s text:c="{len(spaces[0]) - 1}"/>', xml)


# --- Plain text and markdown --------------------------------------------------------------------------


def txt_bytes(blocks, encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """Plain text as Word's "Save as plain text" writes it: bullets as •, table cells tab-separated."""
    lines: list[str] = []
    for kind, value in blocks:
        if kind == "table":
            for cells in value:
                lines.extend(_text_row(cells, bullet="• "))
        else:
            lines.append(("• " if kind == "bullet" else "") + value)
    return newline.join(lines).encode(encoding)


def md_bytes(blocks) -> bytes:
    """Markdown with # headings, - bullets and pipe tables, blocks separated by blank lines."""
    lines: list[str] = []
    after_bullets = False
    for kind, value in blocks:
        if after_bullets and kind != "bullet":
            lines.append("")
        after_bullets = kind == "bullet"
        if kind == "table":
            lines.append("| " + " | ".join(" " for _ in value[0]) + " |")
            lines.append("|" + "---|" * len(value[0]))
            lines.extend("| " + " | ".join(_md_cell(cell) for cell in cells) + " |" for cells in value)
        elif kind == "bullet":
            lines.append(f"- {value}")
            continue
        elif kind == "title":
            lines.append(f"# {value}")
        elif kind.startswith("heading"):
            lines.append("#" * int(kind[-1]) + f" {value}")
        else:
            lines.append(value)
        lines.append("")
    return "\n".join(lines).encode()


def _text_row(cells, bullet: str) -> list[str]:
    """A table row as Word's plain-text export lays it out (see readers._row_blocks)."""
    lines: list[str] = []
    for index, cell in enumerate(cells):
        for position, (kind, text) in enumerate(_cell_blocks(cell)):
            text = (bullet if kind == "bullet" else "") + text
            if position == 0 and index > 0:
                lines[-1] += "\t" + text
            else:
                lines.append(text)
    return lines


def _md_cell(cell) -> str:
    return " ".join(text for _, text in _cell_blocks(cell))


# --- Packages -------------------------------------------------------------------------------------


def zip_bytes(files: dict[str, str | bytes]) -> bytes:
    """A zip of the given files; a `mimetype` entry goes first, stored, as OpenDocument requires."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in sorted(files.items(), key=lambda item: item[0] != "mimetype"):
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return out.getvalue()


def encrypted_office_bytes() -> bytes:
    """What a password-protected .docx (or an old .doc) starts with: an OLE compound file header."""
    return OLE_MAGIC + bytes(504)


FORMATS = {".docx": docx_bytes, ".odt": odt_bytes, ".txt": txt_bytes, ".md": md_bytes}
