"""Read a plan draft (.docx, .odt, .txt or .md) into plain lines of text.

Every format ends up as the same thing, a list of `Line`s in document order, so one parser handles
them all. Readers keep what the parser needs and nothing more: the text, whether the author marked
the line as a heading or a bullet, and where it came from so messages can point at it.

Everything an editor can get wrong (a renamed file, a password, an old .doc, a text file in the
wrong encoding) raises `PlanImportError` with a message that says what to do; no other exception
leaves this module.
"""

import codecs
import io
import re
import xml.etree.ElementTree as ElementTree  # noqa: S405 - only parsed after refusing any DTD, see _parse_xml
import zipfile
from pathlib import PurePath

import docx
from django.utils.translation import gettext as _
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from .lines import Block, Line
from .markdown import markdown_blocks

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A zip can unpack to far more than it weighs; refuse anything that would fill memory.
MAX_UNPACKED_BYTES = 20 * MAX_UPLOAD_BYTES
SUPPORTED_EXTENSIONS = (".docx", ".odt", ".txt", ".md")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# A text file has next to no control characters; a renamed picture or program has many.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


class PlanImportError(Exception):
    """A plan draft that cannot be imported, with a message an editor can act on.

    `messages` lists every problem found (one per line in error) when there are several; `str()` is
    the summary.
    """

    def __init__(self, message: str, messages: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.messages = messages or [message]

    def __str__(self) -> str:
        return self.message


def read_document(filename: str, data: bytes, encoding: str | None = None) -> list[Line]:
    """Read an uploaded plan draft into lines; `encoding` only applies to .txt and .md files."""
    extension = PurePath(filename or "").suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        raise PlanImportError(_unsupported_message(filename, extension))
    if not data:
        raise PlanImportError(_("The file is empty. Choose the saved plan draft and upload it again."))
    if len(data) > MAX_UPLOAD_BYTES:
        size, limit = megabytes(len(data)), megabytes(MAX_UPLOAD_BYTES)
        words = {"size": size, "limit": limit}
        if size == limit:
            raise PlanImportError(
                _(
                    "The file is just over %(limit)s; the largest file Chorus can import is %(limit)s. "
                    "Remove pictures from the document (or save it as plain text) and try again."
                )
                % words
            )
        raise PlanImportError(
            _(
                "The file is %(size)s; the largest file Chorus can import is %(limit)s. Remove pictures from "
                "the document (or save it as plain text) and try again."
            )
            % words
        )
    _refuse_other_formats(data, extension)
    if extension == ".docx":
        blocks = _docx_blocks(data)
    elif extension == ".odt":
        blocks = _odt_blocks(data)
    else:
        text = _decode_text(data, encoding)
        blocks = markdown_blocks(text) if extension == ".md" else [Block(line) for line in text.split("\n")]
    lines = _number_lines(blocks)
    if not any(line.text.strip() and not _PICTURE_LINE.match(line.text) for line in lines):
        raise PlanImportError(
            _(
                "There is no text in this file (it may hold only pictures or scanned pages). Upload a plan "
                "draft whose text can be selected and copied."
            )
        )
    return lines


# What readers write for a picture: it shows where the picture was, but is not text to import.
_PICTURE_LINE = re.compile(r"^\[image: [^\]]*\]$")


def _unsupported_message(filename: str, extension: str) -> str:
    if extension == ".doc":
        return _(
            "This is an old-style Word document (.doc). Open it in Word, choose File › Save As › Word "
            "Document (.docx), and upload the .docx."
        )
    if not extension:
        return _(
            "“%(filename)s” has no file extension, so Chorus cannot tell what it is. Upload a .docx, .odt, "
            ".txt or .md file."
        ) % {"filename": filename}
    return _(
        "Chorus cannot import %(extension)s files. Upload the plan draft as a .docx, .odt, .txt or .md file "
        "(in Word: File › Save As › Word Document)."
    ) % {"extension": extension}


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def too_large_message(size: int, path: str = "") -> str:
    """For a file refused by its size before it is read (the command's `path`, the admin's upload)."""
    words = {"path": path, "size": f"{size / (1024 * 1024):.1f} MB", "limit": megabytes(MAX_UPLOAD_BYTES)}
    if path:
        return (
            _(
                "%(path)s is %(size)s, more than the %(limit)s Chorus can import. Remove pictures from the "
                "document (or save it as plain text) and try again."
            )
            % words
        )
    return (
        _(
            "The file is %(size)s, more than the %(limit)s Chorus can import. Remove pictures from the "
            "document (or save it as plain text) and try again."
        )
        % words
    )


def _refuse_other_formats(data: bytes, extension: str) -> None:
    """Recognise, from their first bytes, the files most often uploaded by mistake."""
    if data.startswith(_OLE_MAGIC):
        if extension in (".docx", ".odt"):
            raise PlanImportError(
                _(
                    "This %(extension)s is password-protected (encrypted), or it is an old Word .doc file "
                    "renamed %(extension)s. Remove the password in Word (File › Info › Protect Document) or "
                    "save it as a Word Document (.docx), and upload it again."
                )
                % {"extension": extension}
            )
        raise PlanImportError(
            _(
                "This is a Word or other Office file (an old .doc, or a password-protected document), not "
                "%(extension)s text. Open it in Word and save it as a Word Document (.docx)."
            )
            % {"extension": extension}
        )
    if data.startswith(_PDF_MAGIC):
        raise PlanImportError(
            _(
                "This is a PDF renamed %(extension)s. Chorus cannot read PDFs; upload the plan draft as the "
                "Word or OpenDocument file it was written in."
            )
            % {"extension": extension}
        )
    if extension in (".txt", ".md") and data.startswith(_ZIP_MAGIC):
        raise PlanImportError(
            _(
                "This is a .docx, .odt or other packaged document renamed %(extension)s, not plain text. "
                "Upload it with its real extension (for a Word document: .docx)."
            )
            % {"extension": extension}
        )


# --- Plain text and markdown -----------------------------------------------------------------------


def _decode_text(data: bytes, encoding: str | None) -> str:
    """Decode a text upload; only UTF-8 is trusted unless the editor names another encoding.

    Guessing between legacy encodings silently garbles dashes and quotes, so a file that is not UTF-8
    is refused with a message saying which line and what to do.
    """
    if encoding:
        text = _decode_with(data, encoding)
    else:
        if data.startswith(_UTF16_BOMS):
            raise PlanImportError(
                _(
                    "This text file is saved as UTF-16 (Notepad calls it “Unicode”). Save it again with the "
                    "encoding UTF-8 and upload it again."
                )
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if _looks_binary(data.decode("latin-1")):
                raise PlanImportError(_binary_message()) from None
            raise PlanImportError(_not_utf8_message(data, error)) from None
    if _looks_binary(text):
        raise PlanImportError(_binary_message())
    return _LINE_BREAKS.sub("\n", text)


def _decode_with(data: bytes, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise PlanImportError(
            _("Chorus does not know the text encoding “%(encoding)s”. Use utf-8 or cp1252 (Windows-1252).")
            % {"encoding": encoding}
        ) from None
    name = "utf-8-sig" if codec.name == "utf-8" else codec.name
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        raise PlanImportError(
            _(
                "Line %(line)s is not valid %(encoding)s text. Choose the encoding the file was saved in, or "
                "save it as UTF-8 and upload it again."
            )
            % {"line": _line_of_byte(data, error.start), "encoding": encoding}
        ) from None


def _not_utf8_message(data: bytes, error: UnicodeDecodeError) -> str:
    line = _line_of_byte(data, error.start)
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return _(
            "Line %(line)s of this text file is not UTF-8 text. Save the file with the encoding UTF-8 and "
            "upload it again, or choose the encoding it was saved in."
        ) % {"line": line}
    byte = data[error.start : error.start + 1]
    return _(
        "Line %(line)s of this text file is not UTF-8 text: it has the byte 0x%(byte)s, which is "
        "“%(character)s” in Windows-1252. The file looks like Windows-1252, as older Windows programs save "
        "text. Save it with the encoding UTF-8 (in Notepad: File › Save As › Encoding: UTF-8) and upload it "
        "again, or choose the Windows-1252 encoding when importing."
    ) % {"line": line, "byte": byte.hex().upper(), "character": byte.decode("cp1252")}


def _line_of_byte(data: bytes, offset: int) -> int:
    before = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return before.count(b"\n") + 1


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(_CONTROL_CHARS.findall(text)) > _MAX_CONTROL_SHARE * len(text)


def _binary_message() -> str:
    return _(
        "This file is not text (it looks like a picture, program or other binary file with a text name). "
        "Upload the plan draft itself, as .docx, .odt, .txt or .md."
    )


# --- Word (.docx) ----------------------------------------------------------------------------------


def _docx_blocks(data: bytes) -> list[Block]:
    archive = _open_zip(
        data,
        ".docx",
        _(
            "This .docx is damaged or is not really a Word document (it is not the zip package a .docx file "
            "is). Open it in the program that made it, save it again as .docx, and upload it again."
        ),
    )
    names = set(archive.namelist())
    if "word/document.xml" not in names:
        if "content.xml" in names:
            raise PlanImportError(
                _("This is an OpenDocument (.odt) file renamed .docx. Upload it with the extension .odt.")
            )
        raise PlanImportError(
            _(
                "This .docx is damaged: the document inside it (word/document.xml) is missing. Open it in "
                "Word, save it again as a Word Document (.docx), and upload it again."
            )
        )
    try:
        document = docx.Document(io.BytesIO(data))
        return _DocxReader(document).blocks(document)
    except Exception as error:  # python-docx raises many kinds of error on a malformed package
        raise PlanImportError(
            _(
                "Chorus could not read this .docx (%(error)s). Open it in Word, save it again as a Word "
                "Document (.docx), and upload it again."
            )
            % {"error": f"{type(error).__name__}: {error}"}
        ) from error


# Every run of a paragraph, including those python-docx's `Paragraph.text` leaves out (tracked
# insertions, content controls, fields, smart tags), so no visible text is lost. Deleted text is
# kept as w:delText, which is not matched; text boxes in drawings stay out, as in python-docx.
_DOCX_TEXT_XPATH = (
    "./descendant::w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:drawing"
    " or ancestor::w:pict or ancestor::w:object)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]"
)
_DOCX_CHARACTERS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


class _DocxReader:
    """Walks a Word document's body in order: paragraphs, and tables where they stand."""

    def __init__(self, document):
        # python-docx's `paragraph.style` searches every style for every paragraph; one map is linear.
        self.styles = {style.style_id: _docx_style(style) for style in document.styles}
        self.tables = 0

    def blocks(self, container) -> list[Block]:
        """Paragraphs and tables of a document body or table cell, in document order."""
        blocks: list[Block] = []
        element = container._body._element if hasattr(container, "_body") else container._element
        for item in _docx_items(element, container):
            if isinstance(item, Table):
                blocks.extend(self.table_blocks(item))
            else:
                blocks.extend(Block(f"[image: {name}]") for name in _docx_pictures(item._p))
                blocks.append(Block(self.text(item), self.style(item)))
        return blocks

    def table_blocks(self, table) -> list[Block]:
        self.tables += 1
        table_id = self.tables
        blocks: list[Block] = []
        seen = set()  # python-docx repeats a merged cell in every row and column it spans: read it once
        for position, row in enumerate(table.rows):
            cells = []
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    cells.append(self.blocks(cell))
            header = position == 0 and bool(row._tr.xpath("./w:trPr/w:tblHeader"))
            blocks.extend(_row_blocks(cells, table_id, header))
        return blocks

    def text(self, paragraph) -> str:
        parts = []
        for node in paragraph._p.xpath(_DOCX_TEXT_XPATH):
            name = node.tag.rsplit("}", 1)[-1]
            parts.append(node.text or "" if name == "t" else _DOCX_CHARACTERS[name])
        return "".join(parts)

    def style(self, paragraph) -> str:
        style = self.styles.get(paragraph._p.style or "", "")
        if style:
            return style
        properties = paragraph._p.pPr
        if properties is None:
            return ""
        # An outline level set on the paragraph itself makes it a heading in Word's navigation pane.
        outline = properties.find(qn("w:outlineLvl"))
        if outline is not None:
            return _outline_style(outline.get(qn("w:val")))
        # Bullets applied straight to a Normal paragraph carry numbering properties instead of a style.
        return "bullet" if properties.numPr is not None else ""


def _docx_items(element, parent):
    """The paragraphs and tables in a body or cell, including those inside content controls
    (`w:sdt`), where Word puts a contents field, a cover page or a form's text; python-docx's own
    `iter_inner_content` steps over those."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_items(content, parent)


def _docx_pictures(paragraph) -> list[str]:
    """The pictures in a paragraph, by the name Word gave them (`Picture 3`, `image6.wmf`)."""
    names = []
    for drawing in paragraph.xpath("./descendant::w:drawing | ./descendant::w:pict | ./descendant::w:object"):
        described = drawing.xpath("./descendant::wp:docPr")
        name = (described[0].get("descr") or described[0].get("name")) if described else ""
        names.append(" ".join((name or "picture").split()))
    return names


def _outline_style(level: str | None) -> str:
    """Word's outline level (0 is the top, 9 is body text) as a Line style."""
    try:
        number = int(level or "9")
    except ValueError:
        return ""
    return f"heading{min(number + 1, 3)}" if 0 <= number < 9 else ""


def _docx_style(style) -> str:
    """A Word style's Line style, looking through the styles it is based on: an author's own
    "Chapter title" based on Heading 1 is a heading too, and so is a style with an outline level."""
    for _step in range(10):  # Word caps style chains; this also stops a corrupt, circular one
        if style is None:
            return ""
        line_style = _style_for_name(style.name)
        if line_style:
            return line_style
        outline = style.element.xpath("./w:pPr/w:outlineLvl")
        if outline:
            return _outline_style(outline[0].get(qn("w:val")))
        style = getattr(style, "base_style", None)
    return ""


_HEADING_STYLE = re.compile(r"^heading\s*(\d)", re.IGNORECASE)
_BULLET_STYLE = re.compile(r"^list\s*(?:bullet|paragraph)", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"^list\s*number", re.IGNORECASE)
_CONTENTS_STYLE = re.compile(r"^(?:toc|contents)\s*(\d|heading)", re.IGNORECASE)


def _style_for_name(name: str) -> str:
    """Map a Word or OpenDocument paragraph style name to a Line style."""
    name = (name or "").replace("_20_", " ").strip()
    heading = _HEADING_STYLE.match(name)
    if heading:
        return f"heading{min(max(int(heading[1]), 1), 3)}"
    if name.lower() == "title":
        return "title"
    if name.lower() == "caption":
        return "caption"
    contents = _CONTENTS_STYLE.match(name)
    if contents:  # "TOC 2" -> "contents2": an entry's level; "TOC Heading" -> "contents"
        return "contents" + (contents[1] if contents[1].isdigit() else "")
    if _NUMBERED_STYLE.match(name):
        return "numbered"
    return "bullet" if _BULLET_STYLE.match(name) else ""


# --- OpenDocument (.odt) ---------------------------------------------------------------------------

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
# Inline content that python-docx leaves out of a Word paragraph's text, left out here to match.
_ODT_SKIPPED_INLINE = {f"{_TEXT}note", f"{_OFFICE}annotation", f"{_OFFICE}annotation-end"}
# Block content that repeats or annotates the document rather than being part of it.
_ODT_SKIPPED_BLOCKS = {
    f"{_TEXT}tracked-changes",
    f"{_TEXT}sequence-decls",
    f"{_TABLE}table-columns",
    f"{_TABLE}table-column",
    f"{_TABLE}covered-table-cell",
}
_ODT_ROW_GROUPS = {f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"}


def _odt_blocks(data: bytes) -> list[Block]:
    archive = _open_zip(
        data,
        ".odt",
        _(
            "This .odt is damaged or is not really an OpenDocument text document (it is not the zip "
            "package a .odt file is). Open it in the program that made it, save it again as .odt, and "
            "upload it again."
        ),
    )
    names = set(archive.namelist())
    if "content.xml" not in names:
        if "word/document.xml" in names:
            raise PlanImportError(
                _("This is a Word (.docx) file renamed .odt. Upload it with the extension .docx.")
            )
        raise PlanImportError(
            _(
                "This .odt is damaged: the document inside it (content.xml) is missing. Open it in "
                "LibreOffice or Word, save it again as .odt, and upload it again."
            )
        )
    if "mimetype" in names:
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
        if not mimetype.startswith(_ODT_MIMETYPE):
            raise PlanImportError(
                _(
                    "This is not an OpenDocument text document (its type is %(type)s). Upload the plan draft "
                    "as a text document (.odt or .docx)."
                )
                % {"type": mimetype}
            )
    root = _parse_xml(archive.read("content.xml"))
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise PlanImportError(
            _(
                "This .odt has no text document in it. Open it in LibreOffice, save it again as an "
                "OpenDocument Text (.odt), and upload it again."
            )
        )
    try:
        return _OdtReader(root).blocks(body, in_list=False)
    except RecursionError:
        raise PlanImportError(
            _(
                "This .odt is damaged (its content is nested too deeply to read). Open it in LibreOffice, "
                "save it again as .odt, and upload it again."
            )
        ) from None


def _parse_xml(content: bytes) -> ElementTree.Element:
    """Parse content.xml, refusing DTDs: an .odt never needs one, and entity tricks live there."""
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise PlanImportError(
            _("This .odt contains XML that Chorus will not read (a DTD). Save it again as .odt.")
        )
    try:
        return ElementTree.fromstring(content)  # noqa: S314 - DTDs refused above
    except ElementTree.ParseError as error:
        raise PlanImportError(
            _(
                "This .odt is damaged (its content is not valid XML: %(error)s). Open it in LibreOffice, "
                "save it again as .odt, and upload it again."
            )
            % {"error": error}
        ) from None


class _OdtReader:
    """Walks content.xml in document order, knowing which automatic styles stand for which named ones."""

    def __init__(self, root: ElementTree.Element):
        # LibreOffice writes `<text:p text:style-name="P3">` where P3 is a tweak of, say, "Heading_20_2".
        self.parents = {
            style.get(f"{_STYLE}name"): style.get(f"{_STYLE}parent-style-name", "")
            for style in root.iter(f"{_STYLE}style")
        }
        self.tables = 0

    def blocks(self, element: ElementTree.Element, in_list: bool) -> list[Block]:
        blocks: list[Block] = []
        for child in element:
            if child.tag in _ODT_SKIPPED_BLOCKS:
                continue
            if child.tag == f"{_TEXT}table-of-content":
                blocks.extend(self.contents_blocks(child))
            elif child.tag == f"{_TEXT}h":
                level = _odt_count(child.get(f"{_TEXT}outline-level"), most=3)
                blocks.append(Block(self.text(child), f"heading{level}"))
            elif child.tag == f"{_TEXT}p":
                style = self.style(child.get(f"{_TEXT}style-name", ""))
                blocks.extend(Block(f"[image: {name}]") for name in _odt_pictures(child))
                blocks.append(Block(self.text(child), style or ("bullet" if in_list else "")))
            elif child.tag == f"{_TABLE}table":
                self.tables += 1
                blocks.extend(self.table_blocks(child, self.tables, header=False))
            else:  # lists, list items, sections: their paragraphs, in order
                blocks.extend(self.blocks(child, in_list or child.tag == f"{_TEXT}list"))
        return blocks

    def contents_blocks(self, contents: ElementTree.Element) -> list[Block]:
        """A contents page as last laid out (its index body): entries keep their level ("Contents 2"),
        so the parser can confirm chapter titles; the source settings are not text."""
        body = contents.find(f"{_TEXT}index-body")
        if body is None:
            return []
        return [
            Block(self.text(paragraph), self.style(paragraph.get(f"{_TEXT}style-name", "")) or "contents1")
            for paragraph in body.iter(f"{_TEXT}p")
        ]

    def table_blocks(self, table: ElementTree.Element, table_id: int, header: bool) -> list[Block]:
        blocks: list[Block] = []
        for child in table:
            if child.tag in _ODT_ROW_GROUPS:
                blocks.extend(self.table_blocks(child, table_id, child.tag == f"{_TABLE}table-header-rows"))
            elif child.tag == f"{_TABLE}table-row":
                cells = [
                    self.blocks(cell, in_list=False) for cell in child if cell.tag == f"{_TABLE}table-cell"
                ]
                blocks.extend(_row_blocks(cells, table_id, header))
        return blocks

    def style(self, name: str) -> str:
        seen = set()
        while name and name not in seen:
            style = _style_for_name(name)
            if style:
                return style
            seen.add(name)
            name = self.parents.get(name, "")
        return ""

    def text(self, element: ElementTree.Element) -> str:
        parts = [element.text or ""]
        for child in element:
            if child.tag == f"{_TEXT}s":
                parts.append(" " * _odt_count(child.get(f"{_TEXT}c"), most=100))
            elif child.tag == f"{_TEXT}tab":
                parts.append("\t")
            elif child.tag == f"{_TEXT}line-break":
                parts.append("\n")
            elif child.tag == f"{_TEXT}number":  # a heading's automatic number, as last laid out
                parts.append((child.text or "") + "\t")
            elif child.tag not in _ODT_SKIPPED_INLINE and child.tag != f"{_DRAW}frame":
                parts.append(self.text(child))
            parts.append(child.tail or "")
        return "".join(parts)


_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"


def _odt_pictures(paragraph: ElementTree.Element) -> list[str]:
    """The pictures anchored in a paragraph, by their frame's name."""
    return [
        " ".join((frame.get(f"{_DRAW}name") or "picture").split())
        for frame in paragraph.iter(f"{_DRAW}frame")
        if frame.find(f"{_DRAW}image") is not None
    ]


def _odt_count(value: str | None, most: int) -> int:
    """A count attribute (`text:c`, `text:outline-level`): 1 when missing or malformed, capped so
    a hostile file cannot ask for a billion spaces."""
    try:
        return min(max(int(value or 1), 1), most)
    except ValueError:
        return 1


# --- Shared ----------------------------------------------------------------------------------------


def _open_zip(data: bytes, extension: str, damaged: str) -> zipfile.ZipFile:
    """The package of a .docx or .odt; `damaged` is what to say when it is not a sound one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise PlanImportError(damaged) from None
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise PlanImportError(
            _(
                "This %(extension)s unpacks to more than %(limit)s, far more than a plan draft needs. Remove "
                "pictures and embedded files from it and upload it again."
            )
            % {"extension": extension, "limit": megabytes(MAX_UNPACKED_BYTES)}
        )
    try:
        damaged_member = archive.testzip()
    except RuntimeError:  # how zipfile says a member is encrypted
        raise PlanImportError(
            _(
                "This %(extension)s is password-protected. Remove the password, save it again as "
                "%(extension)s, and upload it again."
            )
            % {"extension": extension}
        ) from None
    except Exception:  # zlib, EOF and format errors in a truncated or corrupted file
        raise PlanImportError(damaged) from None
    if damaged_member is not None:
        raise PlanImportError(damaged)
    return archive


def _row_blocks(cells: list[list[Block]], table: int, header: bool) -> list[Block]:
    """Lay a table row out as Word's own "Save as plain text" does.

    The cells' first paragraphs share one line, joined by tabs (`9.2<tab>Help children…`); further
    paragraphs of a cell follow on their own lines, so bullets and marker lines in a cell stay apart.
    A shared line keeps a style only when a single cell put text on it. The first line also carries
    the whole row, each cell's paragraphs joined, for the parser to keep a real table as a table.
    """
    lines: list[list[Block]] = []
    for index, cell in enumerate(cells):
        for position, block in enumerate(cell or [Block("")]):
            if position == 0 and index > 0 and lines:
                lines[-1].append(block)
            else:
                lines.append([block])
    row = tuple("\n".join(block.text for block in cell if block.text.strip()) for cell in cells)
    blocks = []
    for position, parts in enumerate(lines):
        styles = [block.style for block in parts if block.text.strip()]
        text = "\t".join(block.text for block in parts)
        first = position == 0
        blocks.append(
            Block(
                text,
                styles[0] if len(styles) == 1 else "",
                table=table,
                cells=row if first else None,
                header=header and first,
            )
        )
    return blocks


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\f\v\x1c-\x1e\x85\u2028\u2029]")
_SPACES = re.compile("[\u00a0\u2007\u202f]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x1f\x7f]")


def _number_lines(blocks: list[Block]) -> list[Line]:
    """Clean each block's text and give every resulting line its number.

    A line break inside a heading is only layout, so it becomes a space; inside other text it starts
    a new line (Word authors put a marker or a paragraph's text after a soft break), and the new line
    is plain text even when its paragraph was a bullet.
    """
    lines: list[Line] = []
    for block in blocks:
        text = _tidy_characters(block.text)
        if block.style.startswith("heading"):
            pieces = [_LINE_BREAKS.sub(" ", text)]
        else:
            pieces = _LINE_BREAKS.split(text)
        cells = tuple(_tidy_characters(cell) for cell in block.cells) if block.cells is not None else None
        for position, piece in enumerate(pieces):
            first = position == 0
            lines.append(
                Line(
                    text=piece.rstrip(),
                    style=block.style if first else "",
                    number=len(lines) + 1,
                    table=block.table,
                    cells=cells if first else None,
                    header=block.header and first,
                )
            )
    return lines


def _tidy_characters(text: str) -> str:
    return _INVISIBLE.sub("", _SPACES.sub(" ", text))
