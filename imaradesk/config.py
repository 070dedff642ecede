"""Settings: one object, read from IMARADESK_* environment variables and `.env`."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET_KEY = "dev-insecure-secret-key-change-me"  # noqa: S105 (refused outside development)


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class Mode(StrEnum):
    embedded = "embedded"
    scale_out = "scale_out"


class DatabaseSettings(BaseModel):
    pool_size: int = 10
    echo: bool = False
    sqlite_busy_timeout_ms: int = 5000


class AuthSettings(BaseModel):
    session_hours: int = Field(default=24 * 7, ge=1)
    login_attempts: int = Field(default=5, ge=1, description="Failed logins allowed per window")
    login_window_seconds: int = Field(default=300, ge=1)
    invitation_days: int = Field(default=7, ge=1)


class JobSettings(BaseModel):
    poll_interval_seconds: float = 0.5
    lease_seconds: int = 60
    batch_size: int = 20
    embedded_worker: bool = Field(default=True, description="Run the in-process worker in embedded mode")


class StorageBackend(StrEnum):
    local = "local"
    s3 = "s3"


class StorageSettings(BaseModel):
    backend: StorageBackend = StorageBackend.local
    bucket: str = ""
    prefix: str = Field(default="", description="Key prefix inside the bucket")
    endpoint_url: str = Field(default="", description="For S3-compatible stores (MinIO, R2, …)")
    region: str = "us-east-1"
    access_key_id: str = ""
    secret_access_key: str = ""


class HttpSettings(BaseModel):
    max_body_bytes: int = 1_000_000


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="IMARADESK_",
        env_file=".env",
        env_nested_delimiter="__",
        extra="ignore",
    )

    environment: Environment = Environment.development
    secret_key: str = DEV_SECRET_KEY
    data_dir: Path = Path("data")
    database_url: str = ""
    redis_url: str = ""
    public_url: str = "http://127.0.0.1:8000"
    log_level: str = "INFO"
    log_json: bool = False

    db: DatabaseSettings = DatabaseSettings()
    auth: AuthSettings = AuthSettings()
    jobs: JobSettings = JobSettings()
    http: HttpSettings = HttpSettings()
    storage: StorageSettings = StorageSettings()

    @model_validator(mode="after")
    def _refuse_unsafe_defaults(self) -> Settings:
        if self.environment == Environment.production and self.secret_key == DEV_SECRET_KEY:
            raise ValueError(
                "IMARADESK_SECRET_KEY is the development default; set a long random value "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`) "
                "before running with IMARADESK_ENVIRONMENT=production"
            )
        if self.storage.backend == StorageBackend.s3 and not self.storage.bucket:
            raise ValueError("IMARADESK_STORAGE__BUCKET is required when IMARADESK_STORAGE__BACKEND=s3")
        if len(self.secret_key) < 16:
            raise ValueError("IMARADESK_SECRET_KEY must be at least 16 characters long")
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'imaradesk.db').as_posix()}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def mode(self) -> Mode:
        """Embedded when the database is SQLite and no Redis is configured."""
        if self.is_sqlite and not self.redis_url:
            return Mode.embedded
        return Mode.scale_out

    @property
    def is_development(self) -> bool:
        return self.environment == Environment.development

    @property
    def secure_cookies(self) -> bool:
        return self.environment == Environment.production


@lru_cache
def get_settings() -> Settings:
    return Settings()
