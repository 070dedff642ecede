"""Conversation-level rules on top of raw per-message labels (pure functions, no models)."""

from __future__ import annotations

# dependencies.md §3: detectors are unreliable on 1-2 word messages ("ok", "merci", "asante").
MIN_CONFIDENT_WORDS = 3
MIN_CONFIDENCE = 0.5


def sticky_language(
    detected: str, confidence: float, word_count: int, previous_language: str | None
) -> tuple[str, float]:
    """Keep the conversation's last confident language unless this message confidently says otherwise.

    A message switches the language only when it has at least three words and a confidence of at least
    0.5; otherwise the previous language (when there is one) is kept, with the message's confidence for
    it capped at what the detector actually said, i.e. the stored confidence never overstates evidence.
    """
    if previous_language is None or previous_language == detected:
        return detected, confidence
    if word_count >= MIN_CONFIDENT_WORDS and confidence >= MIN_CONFIDENCE:
        return detected, confidence
    return previous_language, min(MIN_CONFIDENCE, 1.0 - confidence)
