"""Language identification with py3langid, reported as ISO 639-1 with an honest confidence.

py3langid knows 140 labels; a few are dialects or languages without an ISO 639-1 code. Dialects are
folded into their macro-language (their probabilities summed); labels with no ISO 639-1 code are
removed from the model so their probability mass goes to real candidates.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any

# py3langid label → ISO 639-1. Creoles go to their lexifier language, which is what an agent reads.
MACRO_LANGUAGE = {
    "ary": "ar",  # Moroccan Arabic
    "arz": "ar",  # Egyptian Arabic
    "uzs": "uz",  # Southern Uzbek
    "gug": "gn",  # Paraguayan Guarani
    "hbo": "he",  # Ancient Hebrew
    "grc": "el",  # Ancient Greek
    "kik": "ki",  # Kikuyu
    "fuv": "ff",  # Nigerian Fulfulde
    "pcm": "en",  # Nigerian Pidgin (English-based)
    "gcf": "fr",  # Guadeloupean Creole (French-based)
    "gcr": "fr",  # Guianese Creole (French-based)
    "ext": "es",  # Extremaduran
    "ltg": "lv",  # Latgalian
    "sdh": "ku",  # Southern Kurdish
    "wuu": "zh",  # Wu Chinese
    "yue": "zh",  # Cantonese
    "vec": "it",  # Venetian
}
# Labels without an ISO 639-1 code or macro-language we could report ("zxx" is "no linguistic content").
DROPPED_LABELS = frozenset({"ace", "bcl", "gom", "nso", "guw", "kab", "crh", "lij", "zxx"})

# py3langid scores one word poorly ("merci" → pl 0.02); these very common support words are unambiguous.
SHORT_WORDS = {
    "asante": "sw",
    "habari": "sw",
    "sawa": "sw",
    "karibu": "sw",
    "jambo": "sw",
    "mambo": "sw",
    "shikamoo": "sw",
    "merci": "fr",
    "bonjour": "fr",
    "bonsoir": "fr",
    "salut": "fr",
    "oui": "fr",
    "d'accord": "fr",
    "obrigado": "pt",
    "obrigada": "pt",
    "olá": "pt",
    "oi": "pt",
    "bom dia": "pt",
    "boa tarde": "pt",
    "valeu": "pt",
    "gracias": "es",
    "hola": "es",
    "buenos días": "es",
    "buenas": "es",
    "vale": "es",
    "thanks": "en",
    "thank you": "en",
    "hello": "en",
    "hi": "en",
    "hey": "en",
    "good morning": "en",
    "sannu": "ha",
    "na gode": "ha",
    "nagode": "ha",
    "ina kwana": "ha",
    "yauwa": "ha",
    "ẹ ṣé": "yo",
    "e se": "yo",
    "ẹ káàárọ̀": "yo",
    "e kaaro": "yo",
    "ẹ kú àárọ̀": "yo",
    "e ku aaro": "yo",
    "bawo": "yo",
    "شكرا": "ar",
    "مرحبا": "ar",
    "السلام عليكم": "ar",
    "سلام": "ar",
}
SHORT_WORD_CONFIDENCE = 0.6
# A 1-2 word message is weak evidence whatever the model says (dependencies.md §3: 9/16 correct).
SHORT_MESSAGE_CAP = {1: 0.4, 2: 0.6}
MAX_LANGUAGE_CHARS = 2_000

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageGuess:
    language: str | None  # None when the text carries no letters at all (emoji, digits, punctuation)
    confidence: float
    word_count: int
    method: str = "naive-bayes"  # or "short-words" (a known greeting/thanks word), "no-letters"


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


class LanguageDetector:
    """A py3langid model restricted to reportable labels, loaded once (~1 s) on first use."""

    def __init__(self) -> None:
        self._identifier: Any = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        if self._identifier is None:
            with self._lock:
                if self._identifier is None:
                    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

                    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                    identifier.set_languages([label for label in identifier.labels if label not in DROPPED_LABELS])
                    self._identifier = identifier
        return self._identifier

    def load(self) -> None:
        self._get()

    def detect(self, text: str) -> LanguageGuess:
        sample = unicodedata.normalize("NFC", text[:MAX_LANGUAGE_CHARS]).strip()
        words = count_words(sample)
        if words == 0:
            return LanguageGuess(None, 0.0, 0, "no-letters")
        short = _short_message_language(sample) if words <= 3 else None
        if short is not None:
            return LanguageGuess(short, SHORT_WORD_CONFIDENCE, words, "short-words")
        language, probability = self._best(sample)
        return LanguageGuess(language, min(probability, SHORT_MESSAGE_CAP.get(words, 1.0)), words)

    def _best(self, sample: str) -> tuple[str, float]:
        totals: dict[str, float] = {}
        for label, probability in self._get().rank(sample):
            code = MACRO_LANGUAGE.get(label, label)
            totals[code] = totals.get(code, 0.0) + float(probability)
        language = max(totals, key=lambda code: totals[code])
        return language, max(0.0, min(1.0, totals[language]))


def _short_message_language(sample: str) -> str | None:
    """The language of a known greeting/thanks word in the message, when all such words agree."""
    phrase = re.sub(r"[\s!?.,;:¡¿…]+", " ", sample.lower()).strip()
    if phrase in SHORT_WORDS:
        return SHORT_WORDS[phrase]
    tokens = phrase.split()
    spans = tokens + [" ".join(pair) for pair in itertools.pairwise(tokens)]
    found = {SHORT_WORDS[span] for span in spans if span in SHORT_WORDS}
    return found.pop() if len(found) == 1 else None


_detector = LanguageDetector()


def default_detector() -> LanguageDetector:
    return _detector
