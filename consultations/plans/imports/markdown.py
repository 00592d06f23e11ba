"""Markdown (as people and pandoc write it) read into blocks, one per source line.

Headings, bullets, pipe tables and pictures keep their meaning; bold and italic become emphasis marks
(see lines.py); other inline markup becomes plain text. Every pattern is anchored, possessive or
stops at its own delimiter, so a long line full of stray `*`, `[` or `|` costs linear time.
"""

import re
from pathlib import PurePath

from .lines import BOLD_CLOSE, BOLD_OPEN, ITALIC_CLOSE, ITALIC_OPEN, Block, without_emphasis

_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*))?$")
_MD_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*+\1){2,}+\s*$")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_TABLE_DELIMITER = re.compile(r"^\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)++\|?$")
# Lines that start a new block or a new plan paragraph, so never continue the line before them.
_MD_NEW_BLOCK = re.compile(
    r"^\s*(?:\d+(?:[.,]\d+)*[.)]?(?:\s|$)|\.?\s*ref\b|[·•●○◦▪■❑\uf000-\uf0ff]|o\s)", re.IGNORECASE
)


def markdown_blocks(text: str) -> list[Block]:
    """Read markdown into blocks, one per source line so line numbers stay true.

    Headings and bullets keep their meaning; bold and italic are kept as emphasis marks, other inline
    formatting becomes plain text. Markdown wraps long paragraphs over several lines, so a line that
    merely continues the one before is joined to it (leaving a blank line in its place) — except a
    line starting with a plan number or a question marker, which plans written by hand put one per
    line. Inline markup is read after joining, so bold wrapped over two lines is still bold.
    Consecutive pipe-table rows form one table; the row above a `|---|` line is its header.
    """
    blocks: list[Block] = []
    in_code = False
    continuable = False  # the last block is a paragraph or bullet that the next line may continue
    open_block = Block("")  # that paragraph or bullet
    tables = 0
    for raw in text.split("\n"):
        if _MD_FENCE.match(raw):
            in_code = not in_code
            blocks.append(Block(""))
            continuable = False
            continue
        if in_code:
            blocks.append(Block(raw))
            continue
        source = _MD_QUOTE.sub("", raw)
        underline = _MD_SETEXT_UNDERLINE.match(source)
        if underline and blocks and continuable and blocks[-1].style == "":
            blocks[-1].style = "heading1" if underline[1].startswith("=") else "heading2"
            blocks.append(Block(""))
            continuable = False
            continue
        if _MD_TABLE_DELIMITER.match(source.strip()) and blocks and blocks[-1].table:
            blocks[-1].header = any(cell.strip() for cell in blocks[-1].cells or ())
            blocks.append(Block("", table=blocks[-1].table))  # the same table goes on below
            continue
        block, continuable_next = _markdown_block(source)
        if block is None:
            blocks.append(Block(""))
        elif continuable and continuable_next and block.style == "" and not _MD_NEW_BLOCK.match(source):
            open_block.text += " " + block.text  # a paragraph wrapped over any number of lines
            blocks.append(Block(""))
            block = open_block
        else:
            open_block = block
            if block.cells is not None:
                tables += 0 if blocks and blocks[-1].table else 1
                block.table = tables
            blocks.append(block)
        continuable = block is not None and continuable_next and not source.endswith("  ")  # hard break
    for block in blocks:
        _markdown_inline(block)
    return blocks


def _markdown_inline(block: Block) -> None:
    """Read a block's inline markup, once its wrapped lines are joined."""
    if block.style.startswith("heading"):
        block.text = without_emphasis(_plain_markdown(block.text))
    elif block.cells is not None:
        block.cells = tuple(_plain_markdown(cell) for cell in block.cells)
        block.text = "\t".join(block.cells)
    elif block.text:
        block.text = _plain_markdown(block.text)


_MD_IMAGE_LINE = re.compile(r"^\s*+!\[([^\[\]]*+)\]\(([^()\s]*+)[^()]*+\)(?:\{[^{}]*+\})?\s*+$")


def _markdown_block(source: str) -> tuple[Block | None, bool]:
    """One markdown line as a block (its inline markup still in), or None for a line that carries
    no text; and whether it is paragraph text that a following line may continue."""
    if not source.strip() or _MD_RULE.match(source) or _MD_TABLE_DELIMITER.match(source.strip()):
        return None, False
    image = _MD_IMAGE_LINE.match(source)
    if image:  # pandoc's `![Map](media/image6.wmf){width="6in"}`: a picture the page cannot show
        return Block(f"[image: {image[1].strip() or PurePath(image[2]).name}]"), False
    heading = _MD_HEADING.match(source)
    if heading:
        level = min(len(heading[1]), 3)
        return Block(_without_closing_hashes(heading[2] or ""), f"heading{level}"), False
    bullet = _MD_BULLET.match(source)
    if bullet:
        return Block(bullet[1], "bullet"), True
    if source.strip().startswith("|"):
        cells = tuple(cell.strip() for cell in re.split(r"(?<!\\)\|", source.strip().strip("|")))
        return Block("\t".join(cells), cells=cells), False
    return Block(source.strip()), True


def _without_closing_hashes(heading: str) -> str:
    """`## Vision ##` is the heading "Vision"; `## C#` keeps its hash."""
    heading = heading.rstrip()
    bare = heading.rstrip("#")
    return bare.rstrip() if bare != heading and (not bare or bare[-1].isspace()) else heading


# Inline markup. The text between delimiters never contains the delimiter itself, so every search
# stops at the next one: a long line full of stray `*` or `[` costs linear time, not quadratic.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_ESCAPED = re.compile("[\ue000-\ue07f]")
_MD_CODE = re.compile(r"(`+)([^`]+)\1(?!`)")
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\](?:\([^()]*\)|\[[^\[\]]*\])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_MD_STRONG = re.compile(r"\*\*(?=\S)([^*]+)(?<=\S)\*\*|__(?=\S)([^_]+)(?<=\S)__")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)([^_]+)(?<=\S)_(?!\w)")


def _plain_markdown(text: str) -> str:
    """Strip inline markdown (code, links) and keep the words; bold and italic become emphasis marks.

    Escaped characters (`1\\. Introduction`, `\\*`) are set aside first so they survive as written.
    """
    text = _MD_ESCAPE.sub(lambda match: chr(0xE000 + ord(match[1])), text)
    text = _MD_CODE.sub(lambda match: match[2].strip(), text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_STRONG.sub(lambda match: BOLD_OPEN + (match[1] or match[2]) + BOLD_CLOSE, text)
    text = _MD_EMPHASIS.sub(lambda match: ITALIC_OPEN + (match[1] or match[2]) + ITALIC_CLOSE, text)
    return _MD_ESCAPED.sub(lambda match: chr(ord(match[0]) - 0xE000), text)
