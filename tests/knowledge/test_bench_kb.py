"""`imaradesk bench kb` measures what it says: recall against exact search, and the seed's method on the same data."""

from __future__ import annotations

import numpy as np

from imaradesk.bench import kb


def test_questions_are_close_to_their_passage_and_far_from_most() -> None:
    passages, questions = kb.synthetic(2_000, 10)
    scores = passages @ questions[0]
    assert scores.max() > 0.6  # the passage the question was made from
    assert float(np.median(scores)) < 0.1  # the rest of the knowledge base


def test_a_small_run_reports_exact_recall_and_the_seed_ratio() -> None:
    figures = kb.run(sizes=(3_000,), queries=20, seed_queries=1, ingestion_pages=2)
    row = figures["3000"]
    assert row["ours"]["index"] == "exact"
    assert row["ours"]["recall_at_5"] == 1.0
    assert row["seed"]["p50_ms"] > row["ours"]["p50_ms"]
    assert row["speedup"] >= 1
    assert figures["ingestion"]["pages"] == 2 and figures["ingestion"]["chunks"] > 0
    table = kb.render(figures)
    assert "3,000" in table and "recall@5" in table and "pages/s" in table
