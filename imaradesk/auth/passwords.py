"""Password policy: long enough, not trivially guessable, not the e-mail."""

from __future__ import annotations

MIN_LENGTH = 10
MAX_LENGTH = 200
_COMMON = {
    "password123",
    "1234567890",
    "qwertyuiop",
    "password1234",
    "iloveyou123",
    "administrator",
    "letmein1234",
    "welcome123",
    "0123456789",
    "abcdefghij",
}


def password_problem(password: str, email: str = "") -> str | None:
    """The reason a password is too weak, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"must be at least {MIN_LENGTH} characters long"
    if len(password) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters long"
    if len(set(password)) < 4:
        return "uses too few different characters"
    if password.lower() in _COMMON:
        return "is one of the most common passwords"
    if email and password.lower() == email.lower():
        return "must not be your e-mail address"
    return None
