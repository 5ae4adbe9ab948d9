"""Settings for every deployment, chosen by environment variables.

Unset `DATABASE_URL` means a SQLite file in the project folder and unset
`REDIS_URL` means Celery tasks run in-process: the embedded default that
`make demo` uses. Production sets both (see `.env.example`).
"""

import secrets
from pathlib import Path

import dj_database_url

from factcheck.byline import byline_roles
from factcheck.env import ConfigError, env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
# HTTPS hardening (HSTS, secure cookies, redirect) is on unless asked off, so a
# production deployment cannot forget it; the local demo turns it off.
HTTPS = env_bool("FACTCHECK_HTTPS", not DEBUG)


def _secret_key() -> str:
    key = env_str("SECRET_KEY", "")
    if key:
        if len(key) < 50 or len(set(key)) < 5:
            raise ConfigError("SECRET_KEY must be at least 50 characters of varied characters")
        return key
    if not DEBUG:
        raise ConfigError("SECRET_KEY must be set unless DEBUG is on")
    # A development key kept on disk, so sessions survive a restart of runserver.
    path = BASE_DIR / ".dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or (["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "factcheck.apps.DeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "factcheck",
    "claims",
    "reviews",
    "desk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "factcheck.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "factcheck.auth.KnownDeviceMiddleware",
    # After authentication, so a refusal page knows who is signed in; before
    # anything (CSRF, views) reads the body.
    "factcheck.limits.RequestLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "factcheck.error_views.QueueOutagePages",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "desk.context_processors.desk_nav",
                "reviews.brand.brand",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL", "").strip()
if DATABASE_URL:
    try:
        _db = dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ConfigError(f"DATABASE_URL is not a database URL: {exc}") from None
    if _db["ENGINE"] not in (
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    ):
        raise ConfigError("DATABASE_URL must be a postgres:// or sqlite:// URL")
else:
    _db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(BASE_DIR / "db.sqlite3")}
if _db["ENGINE"] == "django.db.backends.postgresql":
    # The desk runs short OLTP queries; JIT compilation only adds latency to them.
    _db.setdefault("OPTIONS", {})["options"] = "-c jit=off"
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a competing writer instead of failing with "database is locked".
    _db.setdefault("OPTIONS", {})["timeout"] = 20
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, cache and Celery ----------------------------------------------

REDIS_URL = env_url("REDIS_URL", ("redis", "rediss"))

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "factcheck",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Without a broker the tasks run in the calling process: the embedded default.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_DEFAULT_QUEUE = env_str("FACTCHECK_QUEUE", "factcheck")
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only when done, so a dying worker's task is redelivered.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A pool process is replaced after this many tasks, or after a task leaves it above
# this resident size (KiB): one huge page must not keep a worker large for ever.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env_int("FACTCHECK_WORKER_MAX_TASKS_PER_CHILD", 500, minimum=1)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int(
    "FACTCHECK_WORKER_MAX_MEMORY_PER_CHILD", 300_000, minimum=50_000
)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("FACTCHECK_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 30
FACTCHECK_RETRY_BACKOFF_MAX = env_int("FACTCHECK_RETRY_BACKOFF_MAX", 600, minimum=1)
# Redis redelivers any unacknowledged message after the visibility timeout,
# including retries waiting on a countdown. It must outlast the longest run
# plus the longest backoff, twice over, or healthy tasks run twice.
CELERY_VISIBILITY_TIMEOUT = 2 * (CELERY_TASK_TIME_LIMIT + FACTCHECK_RETRY_BACKOFF_MAX) + 600
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    # Each feed has its own interval; this only looks for the ones that are due.
    "poll-due-feeds": {
        "task": "claims.poll_due_feeds",
        "schedule": 60.0,
        # A backlog of stale beats is worthless: the next one looks again.
        "options": {"expires": 55},
    },
    "notify-due-reviews": {
        "task": "reviews.notify_due_reviews",
        "schedule": 600.0,
        "options": {"expires": 590},
    },
    # Picks up an overdue retry or run within a minute or two of its time (one indexed query).
    "requeue-stale-articles": {
        "task": "claims.requeue_stale_articles",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Likewise for a claim's link lookups the broker refused when the claim was filed.
    "requeue-claim-links": {
        "task": "claims.requeue_claim_links",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Other publishers' fact-checks: each source has its own interval, as feeds do.
    "poll-due-factcheck-sources": {
        "task": "claims.poll_due_factcheck_sources",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
}

# --- Auth ------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Every sign-in path (admin, API token, login page) goes through the lockout.
AUTHENTICATION_BACKENDS = ["factcheck.auth.LockoutBackend"]
FACTCHECK_LOCKOUT_FAILURES = env_int("FACTCHECK_LOCKOUT_FAILURES", 5, minimum=1)
FACTCHECK_LOCKOUT_IP_FAILURES = env_int("FACTCHECK_LOCKOUT_IP_FAILURES", 20, minimum=1)
# Failures for one account from anywhere before unknown devices are slowed to one
# attempt per interval (seconds) for that account; known devices never are.
FACTCHECK_LOCKOUT_ACCOUNT_FAILURES = env_int("FACTCHECK_LOCKOUT_ACCOUNT_FAILURES", 50, minimum=1)
FACTCHECK_LOCKOUT_ACCOUNT_INTERVAL = env_int("FACTCHECK_LOCKOUT_ACCOUNT_INTERVAL", 10, minimum=1)
# Seconds a lock lasts; always finite, so a lockout can never be used to bar someone for good.
FACTCHECK_LOCKOUT_COOLOFF = env_int("FACTCHECK_LOCKOUT_COOLOFF", 900, minimum=1)
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/desk/"
LOGOUT_REDIRECT_URL = "/login/"

# --- API ------------------------------------------------------------------

REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header makes an anonymous call a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only: a browser's Accept header must not turn an API answer into HTML.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_PAGINATION_CLASS": "factcheck.pagination.ValidatedPagination",
    # JSON and urlencoded forms only: no endpoint takes files (factcheck/limits.py).
    "DEFAULT_PARSER_CLASSES": [
        "factcheck.parsers.NulFreeJSONParser",
        "rest_framework.parsers.FormParser",
    ],
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["factcheck.filters.FilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "factcheck.api.exception_handler",
    # Reader feedback: generous enough that no real reader ever meets it.
    "DEFAULT_THROTTLE_RATES": {
        "auth": "10/min",
        "feedback": "10/min",
        "feedback_daily": "50/day",
        # From everyone about one page: repeats are grouped, so this only stops floods.
        "feedback_page": "30/hour",
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Factcheck desk API",
    "DESCRIPTION": "Monitor news, flag statements citing officials, review and publish.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from our own static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a `status` or `stance`; name each enum after its model.
    # Every operation's error answers, documented once (factcheck/openapi.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "factcheck.openapi.document_errors",
    ],
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 2**63 - 1}
    },
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Claim.Status",
        "ArticleStatusEnum": "claims.models.Article.Status",
        "EvidenceStanceEnum": "reviews.models.Evidence.Stance",
        "AppearanceStanceEnum": "claims.models.Appearance.Stance",
        "SpeakerKindEnum": "claims.models.Speaker.Kind",
    },
}
# Bodies past this size are refused from their Content-Length, before parsing
# (413; factcheck/limits.py); Django's own check is the same size.
FACTCHECK_MAX_REQUEST_BODY = env_int("FACTCHECK_MAX_REQUEST_BODY", 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = FACTCHECK_MAX_REQUEST_BODY
# Nothing takes files: a file part in a page's form is dropped unread, never
# written to a temporary file (the API parses no multipart at all).
FILE_UPLOAD_HANDLERS = ["factcheck.limits.SkipFileParts"]

# --- Fetching ------------------------------------------------------------

FACTCHECK_FETCH_ALLOW_HOSTS = env_list("FACTCHECK_FETCH_ALLOW_HOSTS")
# Seconds: a whole fetch (redirects and body included), and the longest silence mid-way.
FACTCHECK_FETCH_DEADLINE = env_int("FACTCHECK_FETCH_DEADLINE", 30, minimum=1)
FACTCHECK_FETCH_READ_TIMEOUT = env_int("FACTCHECK_FETCH_READ_TIMEOUT", 15, minimum=1)
# Entries taken from one poll of a feed, the newest first; the rest are left out.
FACTCHECK_FEED_MAX_ENTRIES = env_int("FACTCHECK_FEED_MAX_ENTRIES", 200, minimum=1)
FACTCHECK_USER_AGENT = env_str(
    "FACTCHECK_USER_AGENT", "FactcheckDesk/0.1 (+newsroom fact-check monitor)"
)

# --- Email ----------------------------------------------------------------

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Factcheck desk <factcheck@localhost>")
# Empty counts as unset: compose passes every variable, set or not.
FACTCHECK_SITE_URL = (env_str("FACTCHECK_SITE_URL", "") or "http://127.0.0.1:8000").rstrip("/")
# Who publishes the fact-checks: the ClaimReview `author` and the RSS channel.
FACTCHECK_PUBLISHER_NAME = env_str("FACTCHECK_PUBLISHER_NAME", "Factcheck desk")
FACTCHECK_PUBLISHER_URL = (env_str("FACTCHECK_PUBLISHER_URL", "") or FACTCHECK_SITE_URL).rstrip("/")
# Who a fact-check page names under its headline: "checker", "editor", both, or "none".
FACTCHECK_BYLINE = byline_roles(env_str("FACTCHECK_BYLINE", "checker,editor"))

# --- Static files, i18n ---------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Security -------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Only the desk's own files run or style a page; no inline script, no inline
# style, nothing framed or framing (factcheck/headers.py). `data:` images are
# Swagger UI's icons.
FACTCHECK_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
FACTCHECK_PERMISSIONS_POLICY_DENY = [
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
    "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
]  # fmt: skip
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("FACTCHECK_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("FACTCHECK_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The health probe comes from inside the network over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"one_line_refusals": {"()": "factcheck.logs.OneLineRefusals"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["one_line_refusals"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
