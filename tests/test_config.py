import pytest
from pydantic import ValidationError

from imaradesk.config import DEV_SECRET_KEY, Mode, Settings


def test_production_refuses_the_default_secret_key() -> None:
    with pytest.raises(ValidationError, match="IMARADESK_SECRET_KEY is the development default"):
        Settings(_env_file=None, environment="production")  # type: ignore[call-arg]


def test_production_accepts_a_real_secret_key() -> None:
    settings = Settings(_env_file=None, environment="production", secret_key="x" * 40)  # type: ignore[call-arg]
    assert settings.secure_cookies


def test_development_allows_the_default_key() -> None:
    assert Settings(_env_file=None).secret_key == DEV_SECRET_KEY  # type: ignore[call-arg]


def test_mode_is_derived_from_database_and_redis() -> None:
    assert Settings(_env_file=None).mode == Mode.embedded  # type: ignore[call-arg]
    pg = Settings(_env_file=None, database_url="postgresql+asyncpg://postgres@localhost/x")  # type: ignore[call-arg]
    assert pg.mode == Mode.scale_out
    redis = Settings(_env_file=None, redis_url="redis://localhost:6379/0")  # type: ignore[call-arg]
    assert redis.mode == Mode.scale_out


def test_environment_variables_and_nested_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMARADESK_DATABASE_URL", "postgresql+asyncpg://postgres@db/imaradesk")
    monkeypatch.setenv("IMARADESK_AUTH__LOGIN_ATTEMPTS", "9")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.resolved_database_url.endswith("@db/imaradesk")
    assert settings.auth.login_attempts == 9


def test_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert settings.resolved_database_url == f"sqlite+aiosqlite:///{tmp_path}/imaradesk.db"
