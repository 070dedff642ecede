"""`imaradesk eval classify`: file checks, scoring, the command, and the honesty of the shipped data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imaradesk.ai.evaluation import EvalFileError, load_rows, score
from imaradesk.ai.local.intent_examples import DEFAULT_INTENT_EXAMPLES
from imaradesk.ai.local.sentiment_anchors import SENTIMENT_ANCHORS
from imaradesk.ai.providers.local import LocalProvider
from imaradesk.cli import app

EVALS = Path(__file__).resolve().parents[2] / "evals"
TINY = [
    {"text": "Where is my order? It has been a week", "intent": "order_status", "sentiment": "neutral", "lang": "en"},
    {"text": "Nataka kurejeshewa pesa zangu", "intent": "refund_return", "sentiment": "neutral", "lang": "sw"},
    {"text": "Service nul, je suis furieux", "intent": "complaint", "sentiment": "negative", "lang": "fr"},
    {"text": "👍", "intent": "other", "sentiment": "positive", "lang": "en"},
]


def write_rows(path: Path, rows: list[dict[str, str]] | list[str]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    return path


@pytest.fixture(scope="module")
def provider() -> LocalProvider:
    provider = LocalProvider()
    provider.warm_up()
    return provider


def test_command_prints_the_figures_as_json(tmp_path: Path, provider: LocalProvider) -> None:
    result = CliRunner().invoke(app, ["eval", "classify", str(write_rows(tmp_path / "t.jsonl", TINY)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n"] == 4
    for key in ("intent_accuracy", "sentiment_accuracy", "language_accuracy"):
        assert 0.0 <= report[key] <= 1.0
    assert report["language_rows"] == 3  # the emoji row has no language to detect
    assert set(report["per_language"]) == {"en", "sw", "fr"}
    assert set(report["confusion"]) == {"intent", "sentiment", "language"}


def test_command_prints_tables(tmp_path: Path, provider: LocalProvider) -> None:
    result = CliRunner().invoke(app, ["eval", "classify", str(write_rows(tmp_path / "t.jsonl", TINY))])
    assert result.exit_code == 0, result.output
    assert "intent accuracy" in result.stdout
    assert "intent confusion" in result.stdout
    assert re.search(r"^sw\s+1\s", result.stdout, re.MULTILINE)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"text": "hi", "intent": "greeting", "sentiment": "neutral"}', "field 'lang' is missing"),
        ('{"text": "hi", "intent": "shipping", "sentiment": "neutral", "lang": "en"}', "unknown intent 'shipping'"),
        ('{"text": "hi", "intent": "greeting", "sentiment": "happy", "lang": "en"}', "unknown sentiment 'happy'"),
        ('{"text": "hi", "intent": "greeting", "sentiment": "neutral", "lang": "eng"}', "not an ISO 639-1 code"),
        ('{"text": "  ", "intent": "greeting", "sentiment": "neutral", "lang": "en"}', "field 'text' is empty"),
        ('["a", "list"]', "expected a JSON object"),
    ],
)
def test_a_bad_row_is_named_by_its_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_rows(tmp_path / "bad.jsonl", [json.dumps(TINY[0]), "", line])
    with pytest.raises(EvalFileError, match=rf"bad\.jsonl:3: .*{re.escape(message)}"):
        load_rows(path)


def test_command_reports_a_bad_file_without_loading_models(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "bad.jsonl", [json.dumps(TINY[0]), '{"text": "x"'])
    result = CliRunner().invoke(app, ["eval", "classify", str(path)])
    assert result.exit_code == 2
    assert "bad.jsonl:2: not valid JSON" in result.stderr


def test_command_reports_a_missing_or_empty_file(tmp_path: Path) -> None:
    missing = CliRunner().invoke(app, ["eval", "classify", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "cannot read" in missing.stderr
    (tmp_path / "empty.jsonl").write_text("\n\n")
    empty = CliRunner().invoke(app, ["eval", "classify", str(tmp_path / "empty.jsonl")])
    assert empty.exit_code == 2 and "no rows" in empty.stderr


def test_shipped_files_are_valid_and_large_enough() -> None:
    dev, test = load_rows(EVALS / "classify-dev.jsonl"), load_rows(EVALS / "classify-test.jsonl")
    assert len(dev) >= 250 and len(test) >= 80
    for rows in (dev, test):
        assert {row.lang for row in rows} >= {"en", "fr", "pt", "sw", "ar", "ha", "yo"}
        assert {row.sentiment for row in rows} == {"negative", "neutral", "positive"}
    assert {row.intent for row in dev} == set(DEFAULT_INTENT_EXAMPLES)
    assert not {(row.text, row.lang) for row in dev} & {(row.text, row.lang) for row in test}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_default_phrases_are_not_copied_from_the_eval_rows() -> None:
    """Figures are only honest if no example or anchor is (nearly) an evaluated sentence."""
    phrases = [
        phrase
        for table in (DEFAULT_INTENT_EXAMPLES, SENTIMENT_ANCHORS)
        for by_language in table.values()
        for group in by_language.values()
        for phrase in group
    ]
    rows = load_rows(EVALS / "classify-dev.jsonl") + load_rows(EVALS / "classify-test.jsonl")
    for row in rows:
        words = _words(row.text)
        for phrase in phrases:
            other = _words(phrase)
            if words and other:
                overlap = len(words & other) / len(words | other)
                assert words != other and overlap < 0.8, (row.text, phrase)


def test_dev_set_meets_the_offline_goals(provider: LocalProvider) -> None:
    rows = load_rows(EVALS / "classify-dev.jsonl")
    report = score(rows, provider.classify_many([row.text for row in rows]))
    assert report["intent_accuracy"] >= 0.80
    assert report["language_accuracy"] >= 0.95
    assert report["sentiment_accuracy"] >= 0.75
