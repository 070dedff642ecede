import pytest

from imaradesk.auth.passwords import password_problem


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short1", "at least 10"),
        ("aaaaaaaaaaaa", "too few different"),
        ("password123", "most common"),
        ("me@example.com", "e-mail"),
        ("x" * 201, "at most 200"),
    ],
)
def test_weak_passwords_are_named(password: str, problem: str) -> None:
    assert problem in (password_problem(password, "me@example.com") or "")


def test_a_reasonable_passphrase_is_accepted() -> None:
    assert password_problem("correct horse battery", "me@example.com") is None
