"""`imaradesk bench kb`: knowledge-base search at 10k and 100k chunks, next to the seed's method.

Data: synthetic 512-d unit vectors shaped like sentence embeddings of a knowledge base (topics,
each a cluster of passages; a question is a passage's vector moved by noise so that their cosine is
about 0.75, as for a question and the passage that answers it). Recall@5 is measured against an
exact scan of the same vectors.

The reference is the seed's method, implemented faithfully: every chunk's vector stored as JSON
text in the database; a search reads every row of the workspace, parses each vector and computes
the cosine in application code, then sorts. It is slow, so it is timed on a few queries only.

Ingestion: a generated PDF price list/FAQ extracted, chunked and embedded with the offline model.
"""

from __future__ import annotations

import json
import math
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from imaradesk.ai.embeddings import default_embedder
from imaradesk.bench.stats import percentile, timed_ms
from imaradesk.knowledge.chunking import chunk_blocks
from imaradesk.knowledge.extract import extract
from imaradesk.knowledge.index import AdaptiveIndex

DIM = 512
TOPIC_SIZE = 100
PASSAGE_NOISE = 0.045  # per dimension, on unit centres: passages of a topic share cosine ≈ 0.5
QUESTION_NOISE = 0.04  # a question's cosine to its passage ≈ 0.75
K = 5
Matrix = npt.NDArray[np.float32]


def synthetic(n: int, queries: int, seed: int = 5) -> tuple[Matrix, Matrix]:
    rng = np.random.default_rng(seed)
    centres = _unit(rng.standard_normal((max(1, n // TOPIC_SIZE), DIM)))
    passages = _unit(centres[rng.integers(0, len(centres), n)] + PASSAGE_NOISE * rng.standard_normal((n, DIM)))
    targets = passages[rng.integers(0, n, queries)]
    return passages, _unit(targets + QUESTION_NOISE * rng.standard_normal((queries, DIM)))


def _unit(rows: npt.NDArray[Any]) -> Matrix:
    unit: Matrix = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    return unit


def measure_index(passages: Matrix, questions: Matrix) -> dict[str, float]:
    started = time.perf_counter()
    index = AdaptiveIndex(DIM)
    index.add(list(range(len(passages))), passages)
    build_s = time.perf_counter() - started
    latencies, found = [], 0
    for question in questions:
        started = time.perf_counter()
        hits = index.search(question, K)
        latencies.append((time.perf_counter() - started) * 1000)
        exact = np.argpartition(-(passages @ question), K)[:K]
        found += len({hit.key for hit in hits} & set(exact.tolist()))
    return {
        "p50_ms": round(percentile(latencies, 50), 3),
        "p99_ms": round(percentile(latencies, 99), 3),
        "recall_at_5": round(found / (K * len(questions)), 4),
        "build_s": round(build_s, 2),
        "index": index.kind,  # type: ignore[dict-item]
    }


def measure_seed(passages: Matrix, questions: Matrix) -> dict[str, float]:
    """The seed's method: JSON vectors in the database, all rows read and compared in Python, then sorted."""
    with tempfile.TemporaryDirectory() as folder:
        database = sqlite3.connect(Path(folder) / "seed.db")
        database.execute(
            "CREATE TABLE kb_entries (id INTEGER PRIMARY KEY, workspace_id TEXT, content TEXT, embedding TEXT)"
        )
        database.execute("CREATE INDEX ix_kb_entries_workspace ON kb_entries (workspace_id)")
        with database:  # sqlite3's context manager commits the inserts
            database.executemany(
                "INSERT INTO kb_entries (workspace_id, content, embedding) VALUES ('w1', ?, ?)",
                ((f"passage {i}", json.dumps(row.tolist())) for i, row in enumerate(passages)),
            )
        latencies = []
        for question in questions:
            values: list[float] = question.tolist()
            latencies.append(timed_ms(lambda: _seed_search(database, values)))  # noqa: B023 (called at once)
        database.close()
    return {"p50_ms": round(percentile(latencies, 50), 1), "p99_ms": round(percentile(latencies, 99), 1)}


def _seed_search(database: sqlite3.Connection, question: list[float]) -> list[tuple[float, str]]:
    scored = []
    for content, embedding in database.execute("SELECT content, embedding FROM kb_entries WHERE workspace_id = 'w1'"):
        vector = json.loads(embedding)
        dot = sum(a * b for a, b in zip(question, vector, strict=True))
        norms = math.sqrt(sum(a * a for a in question)) * math.sqrt(sum(b * b for b in vector))
        scored.append((dot / norms if norms else 0.0, content))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return scored[:K]


def measure_ingestion(pages: int = 20) -> dict[str, float]:
    from reportlab.lib.pagesizes import A4  # test/bench dependency only
    from reportlab.pdfgen import canvas

    path = Path(tempfile.mkdtemp()) / "faq.pdf"
    document = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        y = 800
        for line in _page_lines(page):
            document.drawString(40, y, line)
            y -= 16
        document.showPage()
    document.save()
    data = path.read_bytes()
    embedder = default_embedder()
    embedder.load()
    started = time.perf_counter()
    extracted = extract(data, path.name)
    extracted_s = time.perf_counter() - started
    chunks = chunk_blocks(extracted.blocks)
    embedder.embed([chunk.text for chunk in chunks])
    total_s = time.perf_counter() - started
    return {
        "pages": pages,
        "chunks": len(chunks),
        "extract_pages_per_s": round(pages / extracted_s, 1),
        "pages_per_s": round(pages / total_s, 1),
    }


def _page_lines(page: int) -> list[str]:
    lines = [f"Section {page + 1}: delivery, prices and returns"]
    for item in range(40):
        number = page * 40 + item
        lines.append(f"Item {number} costs {100 + number} shillings and ships within {1 + number % 5} working days.")
    return lines


def run(
    *,
    sizes: tuple[int, ...] = (10_000, 100_000),
    queries: int = 200,
    seed_queries: int = 3,
    ingestion_pages: int = 20,
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for n in sizes:
        passages, questions = synthetic(n, queries)
        ours = measure_index(passages, questions)
        seed = measure_seed(passages, questions[:seed_queries])
        figures[str(n)] = {"ours": ours, "seed": seed, "speedup": round(seed["p50_ms"] / max(ours["p50_ms"], 1e-3))}
    embedder = default_embedder()
    embedder.load()
    question = ["Do you deliver to Mombasa?"]
    samples = [timed_ms(lambda: embedder.embed(question)) for _ in range(50)]
    figures["query_embedding_ms"] = round(percentile(samples, 50), 2)
    figures["ingestion"] = measure_ingestion(ingestion_pages)
    return figures


def render(figures: dict[str, Any]) -> str:
    lines = [
        f"{'chunks':>8} {'index':>6} {'p50 ms':>8} {'p99 ms':>8} {'recall@5':>9} {'seed p50 ms':>12} {'speedup':>8}"
    ]
    for key, row in figures.items():
        if not key.isdigit():
            continue
        ours, seed = row["ours"], row["seed"]
        lines.append(
            f"{int(key):>8,} {ours['index']:>6} {ours['p50_ms']:>8.3f} {ours['p99_ms']:>8.3f} "
            f"{ours['recall_at_5']:>9.3f} {seed['p50_ms']:>12,.1f} {row['speedup']:>7,}x"
        )
    lines.append(f"query embedding (offline model, one question): {figures['query_embedding_ms']} ms p50")
    ingestion = figures["ingestion"]
    lines.append(
        f"ingestion: {ingestion['pages']}-page PDF → {ingestion['chunks']} chunks: "
        f"{ingestion['pages_per_s']} pages/s (extraction alone {ingestion['extract_pages_per_s']} pages/s)"
    )
    return "\n".join(lines)
