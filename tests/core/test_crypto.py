import pytest

from imaradesk.core.crypto import SecretBox, hash_password, verify_password


def test_secret_box_round_trips_and_hides_the_plaintext() -> None:
    box = SecretBox("k" * 32)
    sealed = box.encrypt("EAAG-whatsapp-token")
    assert "EAAG" not in sealed
    assert box.decrypt(sealed) == "EAAG-whatsapp-token"


def test_secret_box_refuses_a_value_sealed_with_another_key() -> None:
    sealed = SecretBox("k" * 32).encrypt("secret")
    with pytest.raises(ValueError, match="cannot be decrypted"):
        SecretBox("other-key-0123456789").decrypt(sealed)


def test_password_hash_verifies_only_the_right_password() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "wrong horse battery")
    assert not verify_password(None, "anything at all")
