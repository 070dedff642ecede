"""Text out of an uploaded document, its real type read from the bytes, never from the extension.

Extraction yields blocks (a heading, a paragraph, a table row) rather than one string, so chunking
can keep headings with their text and CSV rows whole. Every failure is an ExtractionError with a
message an admin can act on; it is stored on the document, which then never becomes searchable.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

DocumentKind = Literal["pdf", "docx", "csv", "markdown", "text"]
BlockKind = Literal["heading", "paragraph", "row"]

# A DOCX is a ZIP: refuse archives that would inflate far beyond any real document (zip bombs).
MAX_DOCX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_DOCX_COMPRESSION_RATIO = 200
MAX_DOCX_MEMBERS = 5_000

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls): save it as DOCX or PDF"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 file"),
)


class ExtractionError(Exception):
    """Why a document cannot be made searchable, in words for the person who uploaded it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    heading: str | None = None  # the nearest heading above, for context
    page: int | None = None  # PDF page, 1-based


@dataclass(frozen=True)
class Extracted:
    kind: DocumentKind
    blocks: list[Block]
    pages: int  # PDF pages; 1 for other kinds

    @property
    def characters(self) -> int:
        return sum(len(block.text) for block in self.blocks)


def extract(data: bytes, filename: str) -> Extracted:
    kind = detect_kind(data, filename)
    if kind == "pdf":
        extracted = _pdf(data)
    elif kind == "docx":
        extracted = _docx(data)
    else:
        text = decode_text(data)
        blocks = _csv_rows(text) if kind == "csv" else _text_blocks(text, markdown=kind == "markdown")
        extracted = Extracted(kind=kind, blocks=blocks, pages=1)
    if not any(block.text.strip() for block in extracted.blocks):
        raise ExtractionError(
            "no_text",
            "No text could be extracted from this file. If it is a scanned document, upload a version with real text.",
        )
    return extracted


def detect_kind(data: bytes, filename: str) -> DocumentKind:
    if not data:
        raise ExtractionError("empty_file", "The file is empty.")
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return "docx"
        raise ExtractionError("unsupported_type", "This is a ZIP archive, not a Word document (DOCX).")
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ExtractionError("unsupported_type", f"This file is {what}, not a document we can read.")
    if _looks_binary(data):
        raise ExtractionError("unsupported_type", "This file is not a PDF, DOCX or text file.")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension in ("csv", "tsv"):
        return "csv"
    if extension in ("md", "markdown"):
        return "markdown"
    return "text"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return "word/document.xml" in names


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes by design
    return b"\x00" in sample


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252/Latin-1 (common for spreadsheet exports)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _pdf(data: bytes) -> Extracted:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("encrypted_pdf", "This PDF is protected by a password. Remove it and upload again.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise ExtractionError(
            "encrypted_pdf", "This PDF is protected by a password. Remove it and upload again."
        ) from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExtractionError("damaged_pdf", "This PDF is damaged or incomplete and cannot be read.") from exc
    blocks: list[Block] = []
    heading: str | None = None
    for number, text in enumerate(pages, start=1):
        page_blocks = _pdf_page_blocks(text, number, heading)
        heading = page_blocks[-1].heading if page_blocks else heading
        blocks.extend(page_blocks)
    return Extracted(kind="pdf", blocks=blocks, pages=len(pages))


def _docx(data: bytes) -> Extracted:
    _refuse_zip_bomb(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise ExtractionError("damaged_docx", "This Word document is damaged and cannot be read.") from exc
    return Extracted(kind="docx", blocks=_docx_blocks(document), pages=1)


def _refuse_zip_bomb(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    if len(members) > MAX_DOCX_MEMBERS:
        raise ExtractionError("suspicious_archive", "This Word document contains far too many parts to be genuine.")
    total = sum(member.file_size for member in members)
    compressed = max(1, sum(member.compress_size for member in members))
    if total > MAX_DOCX_UNCOMPRESSED_BYTES or total / compressed > MAX_DOCX_COMPRESSION_RATIO:
        raise ExtractionError(
            "suspicious_archive",
            "This Word document would expand to an unreasonable size (a 'zip bomb'); it was not opened.",
        )


def _docx_blocks(document: DocxDocument) -> list[Block]:
    blocks: list[Block] = []
    heading: str | None = None
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            if style.lower().startswith(("heading", "title")):
                heading = text
                blocks.append(Block("heading", text, heading=text))
            else:
                blocks.append(Block("paragraph", text, heading=heading))
        elif isinstance(item, Table):
            blocks.extend(_table_rows(item, heading))
    return blocks


def _table_rows(table: Table, heading: str | None) -> list[Block]:
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    if not rows:
        return []
    return [Block("row", line, heading=heading) for line in _labelled_rows(rows[0], rows[1:])]


def _csv_rows(text: str) -> list[Block]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = [cell.strip() for cell in rows[0]]
    return [Block("row", line) for line in _labelled_rows(header, rows[1:])] or [Block("row", " | ".join(header))]


def _labelled_rows(header: list[str], rows: list[list[str]]) -> list[str]:
    """Each row as "Column: value; …" so a chunk with one row still says what its numbers mean."""
    lines = []
    for row in rows:
        cells = [cell.strip() for cell in row]
        pairs = [
            f"{header[i]}: {value}" if i < len(header) and header[i] else value
            for i, value in enumerate(cells)
            if value
        ]
        if pairs:
            lines.append("; ".join(pairs))
    return lines


def _pdf_page_blocks(text: str, page: int, heading: str | None) -> list[Block]:
    """PDF text comes as lines without paragraph breaks: a heading is a short capitalised line that
    follows the end of a sentence; other lines join into the paragraph they wrap."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    sentence_ended = True

    def close() -> None:
        if paragraph:
            blocks.append(Block("paragraph", " ".join(paragraph), heading=heading, page=page))
            paragraph.clear()

    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if sentence_ended and line[:1].isupper() and _looks_like_heading(line, 1):
            close()
            heading = line
            blocks.append(Block("heading", line, heading=line, page=page))
        else:
            paragraph.append(line)
        sentence_ended = line == heading or line.endswith((".", "!", "?", ":"))
    close()
    return blocks


_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def _text_blocks(text: str, *, markdown: bool, page: int | None = None) -> list[Block]:
    blocks: list[Block] = []
    heading: str | None = None
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        first = lines[0]
        match = _MARKDOWN_HEADING.match(first) if markdown else None
        if match or (not markdown and _looks_like_heading(first, len(lines))):
            heading = match.group(1) if match else first
            blocks.append(Block("heading", heading, heading=heading, page=page))
            lines = lines[1:]
            if not lines:
                continue
        blocks.append(Block("paragraph", " ".join(lines), heading=heading, page=page))
    return blocks


def _looks_like_heading(line: str, lines_in_paragraph: int) -> bool:
    """A short line without end punctuation that opens a paragraph ("Delivery times", "PRICES 2026")."""
    return (
        lines_in_paragraph >= 1
        and len(line) <= 60
        and not line.endswith((".", ",", ";", ":", "?", "!"))
        and (line.isupper() or line.istitle() or len(line.split()) <= 6)
    )
