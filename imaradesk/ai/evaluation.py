"""`imaradesk eval classify FILE.jsonl`: accuracy of intent, sentiment and language against labelled rows.

A row is one JSON object per line: {"text", "intent", "sentiment": "negative|neutral|positive", "lang"}.
Sentiment scores are cut into classes at ±0.25 (sentiment.CLASS_CUT). Rows whose text has no letters
(emoji, digits) have no language to detect and are left out of the language figures only.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from imaradesk.ai.classification import sticky_language
from imaradesk.ai.local.language import count_words
from imaradesk.ai.local.sentiment import sentiment_class
from imaradesk.ai.local.sentiment_anchors import SentimentClass
from imaradesk.ai.providers.local import LocalProvider
from imaradesk.ai.schemas import INTENTS, Classification

SENTIMENT_CLASSES: tuple[str, ...] = get_args(SentimentClass)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")


class EvalFileError(ValueError):
    """A row of the evaluation file is unusable; the message names the file and line."""


@dataclass(frozen=True)
class EvalRow:
    line: int
    text: str
    intent: str
    sentiment: str
    lang: str


def load_rows(path: Path) -> list[EvalRow]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read the file ({exc})") from exc
    rows = [_parse_row(path, number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    if not rows:
        raise EvalFileError(f"{path}: no rows")
    return rows


def _parse_row(path: Path, number: int, line: str) -> EvalRow:
    where = f"{path}:{number}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalFileError(f"{where}: not valid JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise EvalFileError(f"{where}: expected a JSON object")
    fields = {}
    for name in ("text", "intent", "sentiment", "lang"):
        value = data.get(name)
        if not isinstance(value, str):
            raise EvalFileError(f"{where}: field {name!r} is missing or not a string")
        fields[name] = value
    if not fields["text"].strip():
        raise EvalFileError(f"{where}: field 'text' is empty")
    if fields["intent"] not in INTENTS:
        raise EvalFileError(f"{where}: unknown intent {fields['intent']!r} (expected one of {', '.join(INTENTS)})")
    if fields["sentiment"] not in SENTIMENT_CLASSES:
        raise EvalFileError(f"{where}: unknown sentiment {fields['sentiment']!r} (negative, neutral or positive)")
    if not _LANGUAGE_CODE.match(fields["lang"]):
        raise EvalFileError(f"{where}: lang {fields['lang']!r} is not an ISO 639-1 code")
    return EvalRow(line=number, **fields)


@dataclass
class _Tally:
    n: int = 0
    intent: int = 0
    sentiment: int = 0
    language_n: int = 0
    language: int = 0
    language_in_conversation: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "intent_accuracy": _ratio(self.intent, self.n),
            "sentiment_accuracy": _ratio(self.sentiment, self.n),
            "language_accuracy": _ratio(self.language, self.language_n),
            "language_accuracy_in_conversation": _ratio(self.language_in_conversation, self.language_n),
            "language_rows": self.language_n,
        }


def score(rows: Sequence[EvalRow], results: Sequence[Classification]) -> dict[str, Any]:
    """Overall and per-language accuracy plus confusion counts (gold → predicted → count) per label."""
    total = _Tally()
    by_language: defaultdict[str, _Tally] = defaultdict(_Tally)
    confusion: dict[str, dict[str, Counter[str]]] = {"intent": {}, "sentiment": {}, "language": {}}
    for row, result in zip(rows, results, strict=True):
        predicted_sentiment = sentiment_class(result.sentiment)
        words = count_words(row.text)
        in_conversation, _ = sticky_language(result.language, result.language_confidence, words, row.lang)
        for tally in (total, by_language[row.lang]):
            tally.n += 1
            tally.intent += result.intent == row.intent
            tally.sentiment += predicted_sentiment == row.sentiment
            if words:
                tally.language_n += 1
                tally.language += result.language == row.lang
                tally.language_in_conversation += in_conversation == row.lang
        confusion["intent"].setdefault(row.intent, Counter())[result.intent] += 1
        confusion["sentiment"].setdefault(row.sentiment, Counter())[predicted_sentiment] += 1
        if words:
            confusion["language"].setdefault(row.lang, Counter())[result.language] += 1
    return {
        **total.figures(),
        "per_language": {lang: tally.figures() for lang, tally in sorted(by_language.items())},
        "confusion": {label: {g: dict(c) for g, c in sorted(table.items())} for label, table in confusion.items()},
    }


def _ratio(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def render(report: dict[str, Any]) -> str:
    lines = [
        f"{report['n']} rows ({report.get('model', '?')}, {report.get('seconds', 0):.1f} s)",
        f"intent accuracy     {_pct(report['intent_accuracy'])}",
        f"sentiment accuracy  {_pct(report['sentiment_accuracy'])}   (classes cut at ±0.25)",
        f"language accuracy   {_pct(report['language_accuracy'])}   "
        f"({report['language_rows']} rows with letters; in a conversation already in that language: "
        f"{_pct(report['language_accuracy_in_conversation'])})",
        "",
        f"{'lang':<6}{'n':>5}{'intent':>9}{'sentiment':>11}{'language':>10}{'in conv.':>10}",
    ]
    for lang, figures in report["per_language"].items():
        lines.append(
            f"{lang:<6}{figures['n']:>5}{_pct(figures['intent_accuracy']):>9}{_pct(figures['sentiment_accuracy']):>11}"
            f"{_pct(figures['language_accuracy']):>10}{_pct(figures['language_accuracy_in_conversation']):>10}"
        )
    for label, table in report["confusion"].items():
        lines += ["", f"{label} confusion (rows: expected, columns: predicted)", *_confusion_lines(table)]
    return "\n".join(lines)


def _confusion_lines(table: dict[str, dict[str, int]]) -> list[str]:
    columns = sorted({predicted for row in table.values() for predicted in row} | set(table))
    width = max(6, *(len(_short(c)) + 1 for c in columns))
    head = " " * 18 + "".join(f"{_short(c):>{width}}" for c in columns)
    rows = [
        f"{gold[:17]:<18}" + "".join(f"{row.get(c, 0) or '.':>{width}}" for c in columns) for gold, row in table.items()
    ]
    return [head, *rows]


def _short(label: str) -> str:
    return label if len(label) <= 8 else label[:7] + "."


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def evaluate_file(path: Path, provider: LocalProvider | None = None) -> dict[str, Any]:
    """Load and check every row first (a bad file fails before any model loads), then classify and score."""
    rows = load_rows(path)
    provider = provider or LocalProvider()
    started = time.perf_counter()
    results = provider.classify_many([row.text for row in rows])
    report = score(rows, results)
    return {"model": provider.model, "seconds": round(time.perf_counter() - started, 2), **report}
