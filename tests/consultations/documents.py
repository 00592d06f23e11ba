"""Build small plan-draft documents in memory, in every format the plan importer reads.

A document is a list of blocks, the same for every format:

    ("title", text)                  the document title (Word's Title style)
    ("heading1", text) … ("heading3", text)
    ("p", text)                      a paragraph; tabs stay tabs
    ("bullet", text)                 a bulleted list item
    ("table", [[cell, cell], …])     a table; a cell is a string, or a list of strings and
                                     ("p"/"bullet"/"heading2", text) blocks

Word documents (`docx_bytes`) also take what real drafts carry:

    ("numbered", text)               a "List Number" paragraph (Word numbers it; the text has no number)
    ("caption", text)                a "Caption" paragraph, as Word's Insert Caption writes it
    ("bold", text)                   a Normal paragraph in bold, as chart labels are left behind
    ("image", name)                  a paragraph holding only a picture called `name`
    ("contents", [(title, page), …]) a contents page: "TOC Heading", then a TOC field of "TOC 1"
                                     entries (`title<tab>page`); (title, page, 2) is a "TOC 2" entry
    ("tracked", (text, inserted, deleted))  text with a tracked insertion and a tracked deletion
    ("header_table", rows)           a table whose first row is marked "repeat as header row"
"""

import io
import re
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

import docx
import docx.shared
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

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
    """A .docx made by python-docx, with Word's own heading, title, list and caption styles."""
    document = docx.Document()
    for kind, value in blocks:
        if kind in ("table", "header_table"):
            table = _docx_table(document, value)
            if kind == "header_table":
                table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        elif kind == "image":
            run = document.add_paragraph().add_run()
            run.add_picture(io.BytesIO(PNG), width=docx.shared.Cm(2))
            run._r.xpath(".//wp:docPr")[0].set("name", value)
        elif kind == "bold":
            document.add_paragraph().add_run(value).bold = True
        elif kind == "contents":
            _docx_contents(document, value)
        elif kind == "tracked":
            _docx_tracked(document, *value)
        else:
            _docx_paragraph(document, kind, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _png() -> bytes:
    """The smallest picture Word accepts: one white pixel."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


PNG = _png()


def _docx_contents(document, entries) -> None:
    """A contents page as Word inserts it: a TOC field whose result is one "TOC 1" paragraph per entry."""
    names = [style.name for style in document.styles]
    for level in (1, 2):
        if f"TOC {level}" not in names:
            document.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Contents", style="TOC Heading")
    for index, (title, page, *level) in enumerate(entries):
        paragraph = document.add_paragraph(style=f"TOC {level[0] if level else 1}")
        if index == 0:
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
            paragraph._p.append(
                parse_xml(
                    f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
                )
            )
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
        paragraph.add_run(title)
        paragraph.add_run().add_tab()
        paragraph.add_run(str(page))
        if index == len(entries) - 1:
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    # Word 2007 and later put the whole contents page in a content control.
    body = document.element.body
    heading = body.findall(qn("w:p"))[-len(entries) - 1]
    control = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent/></w:sdt>"
    )
    heading.addprevious(control)
    content = control.find(qn("w:sdtContent"))
    for paragraph in body.findall(qn("w:p"))[-len(entries) - 1 :]:
        content.append(paragraph)


def _docx_tracked(document, text: str, inserted: str, deleted: str) -> None:
    """A paragraph edited with Track Changes on: `inserted` added, `deleted` struck out."""
    paragraph = document.add_paragraph(text)
    author = 'w:id="{}" w:author="Officer" w:date="2026-11-01T10:00:00Z"'
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} {author.format(1)}><w:r><w:t xml:space="preserve">{escape(inserted)}</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} {author.format(2)}><w:r><w:delText xml:space="preserve">{escape(deleted)}</w:delText></w:r></w:del>'
        )
    )


def _docx_paragraph(container, kind: str, text: str, first_in_cell=None):
    style = {
        "title": "Title",
        "bullet": "List Bullet",
        "numbered": "List Number",
        "caption": "Caption",
        "p": None,
    }.get(kind, kind.replace("heading", "Heading "))
    if first_in_cell is not None:
        first_in_cell.text = text
        first_in_cell.style = style
        return first_in_cell
    return container.add_paragraph(text, style=style)


def _docx_table(document, rows):
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=False):
            for index, (kind, text) in enumerate(_cell_blocks(value)):
                _docx_paragraph(cell, kind, text, first_in_cell=cell.paragraphs[0] if index == 0 else None)
    return table


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
        if kind in ("table", "header_table"):
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
        if kind in ("table", "header_table"):
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
