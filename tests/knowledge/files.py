"""Real documents built in the tests: PDFs with reportlab, DOCX with python-docx, CSV and text bytes."""

from __future__ import annotations

import io
import zipfile

import docx
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def pdf(pages: list[list[str]]) -> bytes:
    """One list of lines per page, drawn top to bottom."""
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            document.drawString(50, y, line)
            y -= 18
        document.showPage()
    document.save()
    return buffer.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf([["Top secret prices"]]))))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_file(heading: str, paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_zip_bomb(inflated_bytes: int = 60 * 1024 * 1024) -> bytes:
    """A valid-looking DOCX with one member that inflates to `inflated_bytes` of zeros."""
    real = zipfile.ZipFile(io.BytesIO(docx_file("Bomb", ["boom"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in real.infolist():
            archive.writestr(item, real.read(item))
        archive.writestr("word/media/padding.bin", b"\0" * inflated_bytes)
    return buffer.getvalue()
