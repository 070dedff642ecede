"""Blocks → overlapping chunks sized for the embedder, each carrying its heading.

A chunk never mixes two sections: a heading closes the current chunk, and its text is repeated at
the top of every chunk of that section, so a passage found on its own still says what it is about
("Delivery — Orders inside Nairobi arrive the next day"). Table and CSV rows are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from imaradesk.knowledge.extract import Block

# About 60 words: one answerable idea. Sentence embedders blur longer passages: measured on the
# retrieval test set, 700-character chunks ranked the right passage lower than 400-character ones.
TARGET_CHARS = 400
MAX_CHARS = 800
OVERLAP_CHARS = 120  # the tail of the previous chunk, so a sentence cut at a boundary is still found

_SENTENCE_END = re.compile(r"(?<=[.!?。؟])\s+")


@dataclass(frozen=True)
class Chunk:
    ordinal: int
    text: str
    heading: str | None
    page: int | None


def chunk_blocks(blocks: Iterable[Block]) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in _sections(blocks):
        for body, page in _pack(section):
            heading = section[0].heading
            text = f"{heading} — {body}" if heading and not body.startswith(heading) else body
            chunks.append(Chunk(ordinal=len(chunks), text=text, heading=heading, page=page))
    return chunks


def _sections(blocks: Iterable[Block]) -> Iterator[list[Block]]:
    """Consecutive blocks under the same heading; the heading blocks themselves are dropped (carried as context)."""
    section: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            if section:
                yield section
            section = []
            continue
        if section and block.heading != section[0].heading:
            yield section
            section = []
        section.append(block)
    if section:
        yield section


def _pack(section: list[Block]) -> Iterator[tuple[str, int | None]]:
    pieces = [(piece, block.page, block.kind == "row") for block in section for piece in _pieces(block)]
    current: list[str] = []
    page: int | None = None
    size = 0
    for piece, piece_page, is_row in pieces:
        if current and size + len(piece) > TARGET_CHARS:
            yield " ".join(current), page
            current = [] if is_row else _overlap(current)
            size = sum(len(part) + 1 for part in current)
            page = None
        if page is None:
            page = piece_page
        current.append(piece)
        size += len(piece) + 1
    if current:
        yield " ".join(current), page


def _pieces(block: Block) -> list[str]:
    """A block small enough to embed whole, else its sentences (and over-long sentences cut by words)."""
    text = " ".join(block.text.split())
    if len(text) <= MAX_CHARS:
        return [text]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        pieces.extend(_cut_words(sentence) if len(sentence) > MAX_CHARS else [sentence])
    return pieces


def _cut_words(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    for word in text.split():
        if current and sum(len(w) + 1 for w in current) + len(word) > TARGET_CHARS:
            parts.append(" ".join(current))
            current = []
        current.append(word[:MAX_CHARS])
    if current:
        parts.append(" ".join(current))
    return parts


def _overlap(previous: list[str]) -> list[str]:
    """The last sentences of the previous chunk, up to OVERLAP_CHARS."""
    tail: list[str] = []
    size = 0
    for piece in reversed(previous):
        sentences = _SENTENCE_END.split(piece)
        for sentence in reversed(sentences):
            if size + len(sentence) > OVERLAP_CHARS:
                return tail
            tail.insert(0, sentence)
            size += len(sentence) + 1
    return tail
