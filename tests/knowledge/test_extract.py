"""Text extraction: the real type from the bytes, and a clear error for every kind of bad file."""

from __future__ import annotations

import itertools

import pytest

from imaradesk.knowledge.chunking import MAX_CHARS, chunk_blocks
from imaradesk.knowledge.extract import ExtractionError, extract
from tests.knowledge import files


def texts(data: bytes, name: str) -> list[str]:
    return [chunk.text for chunk in chunk_blocks(extract(data, name).blocks)]


def test_pdf_pages_and_headings_become_chunks_that_name_their_section() -> None:
    data = files.pdf(
        [
            [
                "Delivery times",
                "Orders inside Nairobi arrive the next working day. Orders to",
                "Mombasa take three days.",
            ],
            ["Refunds", "Money is sent back to M-Pesa within 7 days."],
        ]
    )
    extracted = extract(data, "faq.pdf")
    assert extracted.kind == "pdf"
    assert extracted.pages == 2
    chunks = chunk_blocks(extracted.blocks)
    assert chunks[0].text == (
        "Delivery times — Orders inside Nairobi arrive the next working day. Orders to Mombasa take three days."
    )
    assert chunks[0].page == 1
    assert chunks[1].text == "Refunds — Money is sent back to M-Pesa within 7 days."
    assert chunks[1].page == 2


def test_docx_paragraphs_and_table_rows_keep_their_column_names() -> None:
    data = files.docx_file(
        "Price list",
        ["All prices include VAT."],
        [["Item", "Price"], ["Rice 5 kg", "KES 1,200"], ["Sugar 2 kg", "KES 300"]],
    )
    assert texts(data, "prices.docx") == [
        "Price list — All prices include VAT. Item: Rice 5 kg; Price: KES 1,200 Item: Sugar 2 kg; Price: KES 300"
    ]


def test_an_extension_that_lies_does_not_decide_the_type() -> None:
    pdf_named_docx = files.pdf([["Opening hours", "We open at 8am."]])
    assert extract(pdf_named_docx, "hours.docx").kind == "pdf"
    docx_named_txt = files.docx_file("Hours", ["We open at 8am."])
    assert extract(docx_named_txt, "hours.txt").kind == "docx"


@pytest.mark.parametrize(
    ("data", "name", "code", "words"),
    [
        (b"", "empty.pdf", "empty_file", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "scan.pdf", "unsupported_type", "PNG image"),
        (b"PK\x03\x04" + b"\0" * 64, "archive.docx", "unsupported_type", "not a Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old.doc", "unsupported_type", "old Office file"),
        (b"%PDF-1.7\n this is not really a pdf", "broken.pdf", "damaged_pdf", "damaged"),
    ],
)
def test_bad_files_get_an_error_naming_the_problem(data: bytes, name: str, code: str, words: str) -> None:
    with pytest.raises(ExtractionError) as error:
        extract(data, name)
    assert error.value.code == code
    assert words in error.value.message


def test_a_truncated_pdf_is_reported_as_damaged() -> None:
    data = files.pdf([["Prices", "Rice costs 1,200 shillings."]])
    with pytest.raises(ExtractionError) as error:
        extract(data[: len(data) // 3], "cut.pdf")
    assert error.value.code in ("damaged_pdf", "no_text")


def test_an_encrypted_pdf_asks_for_the_password_to_be_removed() -> None:
    with pytest.raises(ExtractionError) as error:
        extract(files.encrypted_pdf(), "locked.pdf")
    assert error.value.code == "encrypted_pdf"
    assert "password" in error.value.message


def test_a_docx_zip_bomb_is_refused_without_inflating_it() -> None:
    with pytest.raises(ExtractionError) as error:
        extract(files.docx_zip_bomb(), "bomb.docx")
    assert error.value.code == "suspicious_archive"


def test_a_pdf_without_text_says_so() -> None:
    with pytest.raises(ExtractionError) as error:
        extract(files.pdf([[], []]), "scanned.pdf")
    assert error.value.code == "no_text"
    assert "scanned" in error.value.message


def test_csv_in_latin1_with_semicolons_is_read() -> None:
    data = "Produit;Prix\nCafé moulu;3,50 €\nThé vert;2,00 €\n".encode("cp1252")
    assert texts(data, "prix.csv") == ["Produit: Café moulu; Prix: 3,50 € Produit: Thé vert; Prix: 2,00 €"]


def test_csv_with_a_utf8_bom_keeps_the_first_column_name_clean() -> None:
    data = "\ufeffItem,Price\nRice,1200\n".encode()
    assert texts(data, "prices.csv") == ["Item: Rice; Price: 1200"]


def test_markdown_headings_carry_over_to_their_chunks() -> None:
    data = b"# Returns\n\nYou can return any item within 14 days.\n\n## Exceptions\n\nFood cannot be returned.\n"
    assert texts(data, "policy.md") == [
        "Returns — You can return any item within 14 days.",
        "Exceptions — Food cannot be returned.",
    ]


def test_long_text_is_cut_into_overlapping_chunks_of_bounded_size() -> None:
    sentences = [f"Sentence number {i} explains one more detail of the warranty terms." for i in range(120)]
    chunks = texts(" ".join(sentences).encode(), "warranty.txt")
    assert len(chunks) > 5
    assert all(len(chunk) <= MAX_CHARS + 100 for chunk in chunks)
    # Overlap: each chunk starts with the end of the previous one, so no sentence is only ever cut.
    for previous, current in itertools.pairwise(chunks):
        assert current.split(". ")[0] in previous
