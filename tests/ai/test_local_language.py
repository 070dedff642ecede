"""Language detection of the local provider against the real py3langid model."""

from __future__ import annotations

import re

import pytest

from imaradesk.ai.classification import sticky_language
from imaradesk.ai.local.language import DROPPED_LABELS, MACRO_LANGUAGE, LanguageDetector, count_words, default_detector


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    detector = default_detector()
    detector.load()
    return detector


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nataka kujua kama mnauza betri za sola", "sw"),
        ("Bonjour, je n'ai toujours pas reçu la facture de ce mois", "fr"),
        ("أريد أن أعرف متى يصل الطلب الخاص بي", "ar"),
        ("Bom dia, gostaria de saber o preço da entrega", "pt"),
        ("Ina son sanin lokacin da kaya za su iso", "ha"),
        ("Ẹ jọ̀wọ́, mo fẹ́ mọ ìgbà tí ọjà mi máa dé", "yo"),
        ("Could you tell me when the shop opens tomorrow?", "en"),
        ("Quisiera saber si tienen envíos a Lima", "es"),
    ],
)
def test_sentences_get_their_iso_639_1_code_confidently(detector: LanguageDetector, text: str, language: str) -> None:
    guess = detector.detect(text)
    assert guess.language == language
    assert 0.8 <= guess.confidence <= 1.0


def test_every_reportable_label_is_a_two_letter_code(detector: LanguageDetector) -> None:
    identifier = detector._get()
    for label in identifier.nb_classes:
        assert label not in DROPPED_LABELS
        assert re.fullmatch(r"[a-z]{2}", MACRO_LANGUAGE.get(label, label)), label


def test_arabic_dialect_probability_is_folded_into_arabic(detector: LanguageDetector) -> None:
    guess = detector.detect("واش كاين شي واحد يجاوبني على الطلبية ديالي")  # Moroccan Darija
    assert guess.language == "ar"


@pytest.mark.parametrize(("text", "language"), [("merci", "fr"), ("Asante sana", "sw"), ("na gode", "ha")])
def test_known_short_words_are_recognised_with_limited_confidence(
    detector: LanguageDetector, text: str, language: str
) -> None:
    guess = detector.detect(text)
    assert guess.language == language
    assert guess.confidence <= 0.6
    assert guess.method == "short-words"


def test_one_or_two_unknown_words_get_low_confidence(detector: LanguageDetector) -> None:
    assert detector.detect("ok").confidence < 0.5
    assert detector.detect("Nakupenda").confidence <= 0.4  # one word: capped whatever the model says


@pytest.mark.parametrize("text", ["😡😡", "👍", "12345", "+254 700 000 000", "?!", ""])
def test_text_without_letters_has_no_language_and_zero_confidence(detector: LanguageDetector, text: str) -> None:
    guess = detector.detect(text)
    assert (guess.language, guess.confidence, guess.word_count, guess.method) == (None, 0.0, 0, "no-letters")


def test_mixed_scripts_still_give_one_valid_code(detector: LanguageDetector) -> None:
    guess = detector.detect("hello مرحبا merci 你好 habari")
    assert guess.language is not None and re.fullmatch(r"[a-z]{2}", guess.language)
    assert 0.0 <= guess.confidence <= 1.0


def test_word_count_ignores_digits_and_emoji() -> None:
    assert count_words("Order 123 👍 haijafika bado") == 3
    assert count_words("l'application") == 1


class TestStickyLanguage:
    def test_first_message_keeps_its_detection(self) -> None:
        assert sticky_language("sw", 0.3, 1, None) == ("sw", 0.3)

    def test_short_message_keeps_the_conversation_language(self) -> None:
        language, confidence = sticky_language("it", 0.07, 2, "sw")
        assert language == "sw"
        assert confidence <= 0.5

    def test_confident_long_message_switches(self) -> None:
        assert sticky_language("fr", 0.93, 6, "en") == ("fr", 0.93)

    def test_unconfident_long_message_does_not_switch(self) -> None:
        assert sticky_language("ff", 0.2, 6, "yo")[0] == "yo"

    def test_emoji_only_message_keeps_the_language_without_overstating_it(self) -> None:
        assert sticky_language("en", 0.0, 0, "pt") == ("pt", 0.5)

    def test_same_language_is_unchanged(self) -> None:
        assert sticky_language("ar", 0.4, 1, "ar") == ("ar", 0.4)
