"""Marketing opt-out keywords (spec §2): a message that is only one of these words changes consent."""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class ConsentChange(StrEnum):
    opted_out = "opted_out"
    opted_in = "opted_in"


# Whole-message keywords only, so "stop sending me the wrong size" stays a normal message.
_OPT_OUT = {
    "stop",
    "unsubscribe",
    "stop all",
    "opt out",
    "optout",
    "cancel",  # en
    "arret",
    "arreter",
    "stop svp",
    "desabonner",
    "desinscrire",  # fr (accents folded)
    "parar",
    "pare",
    "cancelar",
    "sair",  # pt
    "acha",
    "sitaki",
    "simamisha",  # sw
    "tsaya",
    "daina",  # ha
    "duro",  # yo
    "توقف",
    "الغاء",  # ar
}
_OPT_IN = {
    "start",
    "subscribe",
    "unstop",
    "demarrer",
    "commencer",
    "iniciar",
    "comecar",
    "anza",
    "fara",
    "bere",
    "ابدأ",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.strip(" .!?¡¿").split())


def consent_change(text: str) -> ConsentChange | None:
    folded = _fold(text)
    if folded in _OPT_OUT:
        return ConsentChange.opted_out
    if folded in _OPT_IN:
        return ConsentChange.opted_in
    return None


CONFIRMATIONS = {
    ConsentChange.opted_out: "You will no longer receive promotional messages. Reply START to subscribe again.",
    ConsentChange.opted_in: "You are subscribed to our updates again. Reply STOP at any time to opt out.",
}
