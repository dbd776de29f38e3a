"""Tryg settings: one file, read from the environment.

Defaults give a local SQLite development setup. Production sets TRYG_ENV=production,
SECRET_KEY (or SECRET_KEY_FILE), ALLOWED_HOSTS, DATABASE_URL and TRYG_ENCRYPTION_KEYS.
"""

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_secret(name: str, default: str = "") -> str:
    """Read NAME, or the file named by NAME_FILE (for container secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


TESTING = "pytest" in sys.modules or env_bool("TRYG_TESTING")
PRODUCTION = env("TRYG_ENV", "development") == "production"
DEMO = env_bool("TRYG_DEMO")

SECRET_KEY = env_secret("SECRET_KEY", "" if PRODUCTION else "dev-insecure-key-change-me-0123456789-abcdefghijklmnop")
if PRODUCTION and not SECRET_KEY:
    raise RuntimeError("SECRET_KEY (or SECRET_KEY_FILE) must be set in production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "tryg.core",
    "tryg.accounts",
    "tryg.audit",
    "tryg.knowledge",
    "tryg.actioncards",
    "tryg.cases",
    "tryg.prevention",
    "tryg.training",
    "tryg.partnerships",
    "tryg.coordination",
    "tryg.risk",
    "tryg.public",
    "tryg.insights",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tryg.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tryg.core.middleware.InputGuardMiddleware",
    "tryg.core.middleware.SessionLifetimeMiddleware",
    "tryg.core.middleware.StaffAreaMiddleware",
    "tryg.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tryg.core.middleware.NoStoreMiddleware",
    "tryg.core.middleware.RefusalMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tryg.urls"
WSGI_APPLICATION = "tryg.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "tryg.accounts.context_processors.shell",
            ],
        },
    }
]


def database_from_url(url: str) -> dict:
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise RuntimeError("DATABASE_URL must be a postgres:// URL; leave it unset for SQLite")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
        "ATOMIC_REQUESTS": False,
    }


if env("DATABASE_URL"):
    DATABASES = {"default": database_from_url(env("DATABASE_URL"))}
else:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "var" / "tryg.sqlite3")),
            # WAL + synchronous=FULL: a write that answered 2xx survives a crash.
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "tryg.accounts.validators.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "tryg.accounts.lockout.LockoutBackend",
    "tryg.accounts.backends.UserBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:start"
# The staff-area gate (tryg.core.middleware.StaffAreaMiddleware): where a password-only session verifies its
# second factor, and the /app/ pages reachable before that.
TWO_FACTOR_URL = "accounts:otp-verify"
STAFF_OPEN_URLS = ["accounts:login", "accounts:logout", "accounts:otp-verify", "accounts:otp-setup"]

# Lockout (tryg/accounts/lockout.py): 5 failures within 15 minutes lock the pair (username, client address) for
# 15 minutes (django-axes); the username from every address together is slowed from 10 failures (a growing
# delay, at most 2 s) and locked only at 100. Behind a reverse proxy set TRYG_PROXY_COUNT so that the client
# address is read from X-Forwarded-For, or every client has the proxy's address.
AXES_FAILURE_LIMIT = env_int("TRYG_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("TRYG_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
TRYG_LOCKOUT_DELAY_AFTER = env_int("TRYG_LOCKOUT_DELAY_AFTER", 10)
TRYG_LOCKOUT_MAX_DELAY = float(env("TRYG_LOCKOUT_MAX_DELAY", "2"))
TRYG_LOCKOUT_USERNAME_FAILURES = env_int("TRYG_LOCKOUT_USERNAME_FAILURES", 100)
if env("TRYG_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = env_int("TRYG_PROXY_COUNT", 1)
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
AXES_LOCKOUT_CALLABLE = "tryg.accounts.views.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["password", "otp", "token"]

# Sessions: database-backed (stateless app), idle and absolute lifetime.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
TRYG_SESSION_IDLE_MINUTES = env_int("TRYG_SESSION_IDLE_MINUTES", 30)
TRYG_SESSION_ABSOLUTE_HOURS = env_int("TRYG_SESSION_ABSOLUTE_HOURS", 12)
SESSION_COOKIE_AGE = TRYG_SESSION_IDLE_MINUTES * 60
# Written when it changes, not on every request: the idle clock (core.middleware.SessionLifetimeMiddleware) writes
# the time last seen at most once a minute, which also moves the row's expiry on while the user is active.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
TRYG_API_TOKEN_HOURS = env_int("TRYG_API_TOKEN_HOURS", 8)
TRYG_REAUTH_MINUTES = env_int("TRYG_REAUTH_MINUTES", 5)

SECURE_SSL_REDIRECT = PRODUCTION and env_bool("TRYG_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
if PRODUCTION:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LANGUAGE_CODE = "da"
# Every language of the site. Staff pages and the API offer only TRYG_STAFF_LANGUAGES; the citizens' pages (tryg/public)
# all of them, chosen by URL prefix (/ar/, /so/, …) and never by a cookie. A string with no translation falls back
# to the Danish source text (gettext returns the msgid), never to an empty string.
LANGUAGES = [
    ("da", _("Dansk")),
    ("en", _("English")),
    ("ar", "العربية"),
    ("so", "Soomaali"),
    ("tr", "Türkçe"),
    ("ur", "اردو"),
    ("fa", "فارسی"),
]
TRYG_STAFF_LANGUAGES = ["da", "en"]
LOCALE_PATHS = [BASE_DIR / "tryg" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = PRODUCTION

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist")]
if (BASE_DIR / "node_modules" / "axe-core").exists():
    STATICFILES_DIRS.append(("axe", BASE_DIR / "node_modules" / "axe-core"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "media"
# Partners' attachments: outside every served folder, read back only by an access-checked view.
PARTNERSHIPS_UPLOAD_ROOT = Path(env("PARTNERSHIPS_UPLOAD_ROOT", str(BASE_DIR / "var" / "uploads" / "partnerships")))
PARTNERSHIPS_UPLOAD_MAX_BYTES = env_int("PARTNERSHIPS_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)

# Request bodies: a form post or JSON body over 1 MiB is a 400 (the longest text field takes 20,000
# characters); JSON nests at most 32 levels (tryg.core.parsers.BoundedJSONParser).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("TRYG_MAX_BODY_BYTES", 1024 * 1024)
TRYG_JSON_MAX_DEPTH = env_int("TRYG_JSON_MAX_DEPTH", 32)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tryg.accounts.api_auth.BearerTokenAuthentication",
        "tryg.accounts.api_auth.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["tryg.accounts.api_auth.IsVerifiedStaff"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "tryg.core.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["tryg.core.parsers.BoundedJSONParser"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tryg API",
    "DESCRIPTION": "Tryg: the municipal effort against negative social control and honour-related conflicts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar), its init script a separate file: no CDN,
    # nothing inline but a style block with the CSP nonce (tryg/core/templates/core/swagger_ui.html).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tryg.core.api.document_common_errors",
    ],
    # One name per choice set in the schema (drf-spectacular names enums after fields otherwise, and fields
    # named "kind" or "status" collide across apps).
    "ENUM_NAME_OVERRIDES": {
        "ChannelEnum": "tryg.cases.models.Channel",
        "CaseStatusEnum": "tryg.cases.models.Case.Status",
        "CaseLinkKindEnum": "tryg.cases.models.CaseLink.Kind",
        "TimelineEntryKindEnum": "tryg.cases.forms.ENTRY_KINDS",
        "ReferralStatusEnum": "tryg.cases.models.Referral.Status",
        "KnowledgeEntryKindEnum": "tryg.knowledge.models.Entry.Kind",
        "ConcernFeedbackEnum": "tryg.cases.models.Concern.Feedback",
        "PartnerKindEnum": "tryg.partnerships.models.Partner.Kind",
        "CourseKindEnum": "tryg.training.models.Course.Kind",
        "ConsultationTargetGroupEnum": "tryg.coordination.models.Consultation.TargetGroup",
        "ConsultationUrgencyEnum": "tryg.coordination.models.Consultation.Urgency",
        "ConsultationStatusEnum": "tryg.coordination.models.Consultation.Status",
        "RiskInstrumentKindEnum": "tryg.risk.models.Instrument.Kind",
        "RiskLevelEnum": "tryg.risk.models.Level",
        "ContactPartyEnum": "tryg.cases.models.TimelineEntry.Party",
    },
}

# The citizens' site (tryg/public): the quick exit's neutral page, and how long an anonymous thread and its
# code live without activity before the daily job (`manage.py public_daily`) deletes them.
TRYG_QUICK_EXIT_URL = env("TRYG_QUICK_EXIT_URL", "https://www.dmi.dk/")
TRYG_PUBLIC_THREAD_DAYS = env_int("TRYG_PUBLIC_THREAD_DAYS", 90)
# The key of the receipt codes' lookup prefix (an HMAC of the code); derived from SECRET_KEY when unset, so
# rotating SECRET_KEY without setting this makes every open code unusable.
TRYG_PUBLIC_CODE_KEY = env_secret("TRYG_PUBLIC_CODE_KEY")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Encryption at rest for special-category free text. Comma-separated Fernet keys; the first encrypts,
# all decrypt (rotation: put the new key first, run `manage.py rotate_encryption`, then drop the old).
TRYG_ENCRYPTION_KEYS = env_list("TRYG_ENCRYPTION_KEYS")
if PRODUCTION and not TRYG_ENCRYPTION_KEYS:
    raise RuntimeError("TRYG_ENCRYPTION_KEYS must be set in production")

# The access log's signed checkpoints (tryg/audit/signing.py): Ed25519 private key (base64, or *_FILE) for the
# daily `manage.py audit_checkpoint`, and the public keys `audit_verify` accepts besides the signing key's own.
TRYG_AUDIT_SIGNING_KEY = env_secret("TRYG_AUDIT_SIGNING_KEY")
TRYG_AUDIT_VERIFY_KEYS = env_list("TRYG_AUDIT_VERIFY_KEYS")

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "tryg@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

if TESTING:
    # Fast hashing in tests only; production keeps Argon2.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    # Tests serve static files from the finders; no collectstatic needed (and no warning about var/static).
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Attachments written by tests go to the temp folder, never into var/ (tests may narrow it to tmp_path).
    PARTNERSHIPS_UPLOAD_ROOT = Path(tempfile.gettempdir()) / "tryg-test-uploads"
    if not TRYG_ENCRYPTION_KEYS:
        TRYG_ENCRYPTION_KEYS = ["hJ0Hq2wq6m8tK0w2xJ4y0Zb7o9xq5dYQe3Gk1v2Lr8A="]
    if not TRYG_AUDIT_SIGNING_KEY:  # a fixed test key (32 bytes); production reads its own from the environment
        TRYG_AUDIT_SIGNING_KEY = "dHJ5Zy10ZXN0LWF1ZGl0LXNpZ25pbmcta2V5LTMyYmI="
CSRF_FAILURE_VIEW = "tryg.core.views.csrf_failure"

# Risk work: a signed risk assessment older than this many days marks the case "needs reassessment".
TRYG_RISK_REASSESS_DAYS = env_int("TRYG_RISK_REASSESS_DAYS", 90)
