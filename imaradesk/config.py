"""Settings: one object, read from IMARADESK_* environment variables and `.env`."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

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
    concurrency: int = Field(default=4, ge=1, description="Jobs run at once per worker (PostgreSQL; SQLite uses 1)")
    network_jobs: int = Field(
        default=4,
        ge=0,
        description="Jobs waiting on the network (AI, WhatsApp) run at once beside the others, per worker",
    )


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


class WhatsAppSettings(BaseModel):
    send_attempts: int = Field(default=4, ge=1, description="Tries per Graph call before giving up")
    retry_backoff_seconds: float = Field(default=0.5, ge=0)
    typing_indicator: bool = Field(
        default=True, description="Show the customer 'typing…' (§4.9); off: a plain mark-as-read instead"
    )
    max_webhook_bytes: int = Field(default=3 * 1024 * 1024, description="Meta's payload cap (§1.3)")
    max_media_bytes: int = Field(default=100 * 1024 * 1024)


class KnowledgeSettings(BaseModel):
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1, description="Largest document accepted")
    max_files_per_upload: int = Field(default=10, ge=1)


class HttpSettings(BaseModel):
    max_body_bytes: int = 1_000_000


# Simulator-only credentials: they open nothing real and are public on purpose (the demo and the
# tests use them); a real WhatsApp number never takes its token or secret from here.
SIMULATOR_ACCESS_TOKEN = "SIMULATOR-ONLY-access-token-not-a-real-meta-token"  # noqa: S105
SIMULATOR_APP_SECRET = "SIMULATOR-ONLY-app-secret"  # noqa: S105
SIMULATOR_VERIFY_TOKEN = "SIMULATOR-ONLY-verify-token"  # noqa: S105


class SimulatorPhoneNumber(BaseModel):
    phone_number_id: str = Field(default="106540352242922", pattern=r"^\d{6,20}$")
    display_phone_number: str = "+254 700 000 100"
    verified_name: str = "Duka Demo"


class SimulatorFaultSettings(BaseModel):
    """Webhook faults the simulator injects (whatsapp-cloud-api.md §1.3, §11); all off by default."""

    duplicate_probability: float = Field(default=0.0, ge=0, le=1)
    reorder_probability: float = Field(default=0.0, ge=0, le=1)
    drop_probability: float = Field(default=0.0, ge=0, le=1)
    latency_seconds: float = Field(default=0.0, ge=0, description="Added before every delivery")
    latency_jitter_seconds: float = Field(default=0.0, ge=0)
    invalid_signature_probability: float = Field(
        default=0.0, ge=0, le=1, description="Chance of an extra forged copy of an event"
    )
    malformed_json_probability: float = Field(default=0.0, ge=0, le=1)
    oversized_probability: float = Field(default=0.0, ge=0, le=1)
    reorder_hold_seconds: float = Field(
        default=2.0, gt=0, description="How long a held-back event waits for the next one"
    )


class SimulatorSettings(BaseModel):
    """The in-repo WhatsApp Cloud API stand-in (imaradesk/simulator, docs/simulator.md)."""

    enabled: bool = True
    graph_version: str = Field(default="v21.0", pattern=r"^v\d+\.\d+$")
    phone_numbers: list[SimulatorPhoneNumber] = Field(default_factory=lambda: [SimulatorPhoneNumber()], min_length=1)
    waba_id: str = "102290129340398"
    access_token: str = SIMULATOR_ACCESS_TOKEN
    app_secret: str = SIMULATOR_APP_SECRET
    verify_token: str = SIMULATOR_VERIFY_TOKEN
    webhook_url: str = "http://127.0.0.1:8000/webhooks/whatsapp"
    webhook_timeout_seconds: float = Field(default=5.0, gt=0)
    delivery_workers: int = Field(default=4, ge=1, description="Parallel webhook senders, in order per chat")
    retry_base_seconds: float = Field(default=1.0, gt=0, description="First redelivery delay, then doubled")
    retry_max_seconds: float = Field(default=60.0, gt=0)
    retry_max_attempts: int = Field(default=10, ge=1, description="Deliveries before an event is dropped")
    throughput_per_second: float = Field(default=80.0, gt=0)
    pair_rate_per_second: float = Field(default=1 / 6, gt=0)
    pair_rate_burst: int = Field(default=45, ge=1)
    window_hours: float = Field(default=24.0, gt=0)
    sent_delay_seconds: float = Field(default=0.3, ge=0)
    delivered_delay_seconds: float = Field(default=1.0, ge=0, description="After the send")
    auto_read_delay_seconds: float | None = Field(
        default=3.0, ge=0, description="After delivery; None: only when the phone page shows it"
    )
    template_approval_delay_seconds: float = Field(default=2.0, ge=0)
    media_url_ttl_seconds: int = Field(default=300, ge=1)
    undeliverable_errors: Literal["async", "sync"] = "async"
    window_errors: Literal["sync", "async"] = "sync"
    auto_register_recipients: bool = Field(
        default=True, description="Unknown numbers become reachable customers; False: they get 131026"
    )
    default_customers: bool = True
    seed: int | None = Field(default=None, description="Makes fault injection repeatable")
    faults: SimulatorFaultSettings = SimulatorFaultSettings()


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
    simulator: SimulatorSettings = SimulatorSettings()
    storage: StorageSettings = StorageSettings()
    whatsapp: WhatsAppSettings = WhatsAppSettings()
    knowledge: KnowledgeSettings = KnowledgeSettings()

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


_installed: Settings | None = None


def install_settings(settings: Settings | None) -> None:
    """The app and the worker install the settings they were built with, for code that runs in jobs."""
    global _installed
    _installed = settings


@lru_cache
def _settings_from_environment() -> Settings:
    return Settings()


def get_settings() -> Settings:
    return _installed or _settings_from_environment()


def reset_settings() -> None:
    install_settings(None)
    _settings_from_environment.cache_clear()
