"""Settings for the portal, read from the environment.

Every value has a safe default (DEBUG off, SQLite, Celery inline, email to the console).
A malformed value stops start-up with ``ImproperlyConfigured``: django-environ raises it
for unparsable URLs and booleans, and ``_positive_int`` does for numbers.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()


def _int(name: str, default: int, minimum: int = 0) -> int:
    raw = env.str(name, default=str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {value}")
    return value


def _positive_int(name: str, default: int) -> int:
    return _int(name, default, minimum=1)


def _seconds(name: str, default: float) -> float:
    """A timeout in seconds (decimals allowed), above zero."""
    raw = env.str(name, default=str(default))
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, got {raw!r}") from None
    if not 0 < value < 3600:
        raise ImproperlyConfigured(f"{name} must be above 0 and below 3600 seconds, got {raw!r}")
    return value


def _bool(name: str, default: bool) -> bool:
    raw = env.str(name, default="true" if default else "false").strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


DEBUG = _bool("DJANGO_DEBUG", False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
SECRET_KEY_IS_SET = bool(SECRET_KEY)
if not SECRET_KEY_IS_SET:
    # Management commands (makemigrations, check, ...) may run without a key; the web and
    # worker processes refuse to start without one unless DEBUG is on (portal/startup.py),
    # and `check --deploy` reports it. The stand-in is random, so it signs nothing lasting.
    SECRET_KEY = (
        "dev-only-key-never-use-in-production-" + "x" * 20
        if DEBUG
        else "unset-" + secrets.token_urlsafe(48)
    )

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# Where links in emails point; emails carry links, never patient data.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "portal",
    "intake",
    "education",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.RequestIdMiddleware",
    "portal.middleware.RequestLogMiddleware",
    "csp.middleware.CSPMiddleware",  # django-csp: CONTENT_SECURITY_POLICY below
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.middleware.PrivatePagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the cookie set_language leaves, else the browser's Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.language.PatientLanguageMiddleware",  # a signed-in patient's saved language
    "django_otp.middleware.OTPMiddleware",
    "portal.idle.IdleTimeoutMiddleware",
    "portal.middleware.RefuseUnstorableTextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.SecondFactorMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
                "portal.idle.idle_context",
            ],
        },
    },
]

# DATABASE_URL selects PostgreSQL (or any backend django-environ knows); without it, SQLite.
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = _int("DATABASE_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Timeouts: a hung database costs a request a few seconds, never gunicorn's worker timeout.
# connect_timeout bounds the whole connection handshake (libpq counts whole seconds, at
# least 2); statement_timeout makes the server cancel a statement that runs too long
# (0 turns it off, e.g. for a one-off maintenance session).
DATABASE_CONNECT_TIMEOUT = _positive_int("DATABASE_CONNECT_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT_MS = _int("DATABASE_STATEMENT_TIMEOUT_MS", 5000)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=max(DATABASE_CONNECT_TIMEOUT, 2),
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}",
    )
# SQLite (`make run`, no set-up) with more than one user: every transaction starts as a
# writer (BEGIN IMMEDIATE), so a second one waits up to the busy timeout for its turn
# instead of failing "database is locked" when a read turns into a write; WAL lets
# readers go on while someone writes.
SQLITE_BUSY_TIMEOUT_MS = 5000
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command=f"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
        transaction_mode="IMMEDIATE",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out account or client before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# CACHE_URL (redis://host:6379/1) names a cache every web process shares. With it,
# sessions are read from the cache and written through to the database; without it,
# every process reads sessions from the database (a per-process cache could serve a
# session after sign-out elsewhere).
CACHE_URL = env.str("CACHE_URL", default="")
SHARED_CACHE = bool(CACHE_URL)
# A cache that hangs must not hang the request: Redis socket timeouts, in seconds.
CACHE_CONNECT_TIMEOUT = _seconds("CACHE_CONNECT_TIMEOUT", 0.5)
CACHE_SOCKET_TIMEOUT = _seconds("CACHE_SOCKET_TIMEOUT", 0.5)
# After a cache failure, each process uses the database alone for this long, then tries
# Redis again; and it re-reads the cache generation (see the module) this often.
CACHE_RETRY_SECONDS = _seconds("CACHE_RETRY_SECONDS", 5)
# Not a variable: the longest another process may serve an entry a failed write should
# have replaced; nothing an operator needs to tune (tests set it through settings).
CACHE_GENERATION_POLL_SECONDS = 1.0
CACHES = {
    "default": (
        # Django's Redis cache, failing soft to the database (portal/resilient_cache.py).
        env.cache_url(
            "CACHE_URL",
            backend=(
                "portal.resilient_cache.ResilientRedisCache"
                if CACHE_URL.startswith("redis")
                else None
            ),
        )
        if SHARED_CACHE
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"}
    ),
}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Handed to redis-py's connection pool: connecting and each reply wait this long at most.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=CACHE_CONNECT_TIMEOUT, socket_timeout=CACHE_SOCKET_TIMEOUT
    )
# Sessions live server-side, so the web tier keeps no state of its own.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if SHARED_CACHE
    else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_AGE = _positive_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_COOKIE_HTTPONLY = True
# The idle timeout slides: each request starts SESSION_COOKIE_AGE again, so a patient who is
# still answering is never signed out mid-intake.
SESSION_SAVE_EVERY_REQUEST = True
# Idle sign-out on the server (portal/idle.py), whatever SESSION_COOKIE_AGE says: staff after
# 15 minutes without a request, patients after 30, everyone 12 hours after signing in.
STAFF_IDLE_MINUTES = _positive_int("PORTAL_STAFF_IDLE_MINUTES", 15)
PATIENT_IDLE_MINUTES = _positive_int("PORTAL_PATIENT_IDLE_MINUTES", 30)
SESSION_MAX_HOURS = _positive_int("PORTAL_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-us"


# The patient's languages (issue 26): PORTAL_LANGUAGES, English first. A third is a new
# catalogue in each locale folder, its content files and its code here: no code, no
# migration. Each name is written in its own language (Django's), as it labels the switch.
def _language(code: str) -> tuple[str, str]:
    if code not in LANG_INFO or "name_local" not in LANG_INFO[code]:
        raise ImproperlyConfigured(f"PORTAL_LANGUAGES: Django knows no language {code!r}.")
    name = LANG_INFO[code]["name_local"]
    return code, name[:1].upper() + name[1:]


LANGUAGES = [_language(code) for code in env.list("PORTAL_LANGUAGES", default=["en", "es"])]
if not LANGUAGES or LANGUAGES[0][0] != "en":
    raise ImproperlyConfigured("PORTAL_LANGUAGES must start with en (the care team's language).")
# The catalogues, committed as .po and compiled to .mo by `make messages` (Babel, part of
# `make run` and `make test`). The first also holds the project templates' strings.
LOCALE_PATHS = [BASE_DIR / app / "locale" for app in ("portal", "intake", "education")]
TIME_ZONE = env.str("PORTAL_TIME_ZONE", default="America/New_York")
USE_I18N = True
FORMAT_MODULE_PATH = ["portal.formats"]  # English dates as the pages wrote them before
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (portal.3f2a81c0d9e4.css) that WhiteNoise serves with a long `immutable`
    # cache, so a second page moves no static file; with DEBUG on, templates link the plain
    # names and need no collectstatic (``make run``).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: the console by default; EMAIL_URL (smtp://user:pass@host:587) selects SMTP.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A request still running after this many seconds is stopped with the branded error page
# (portal/wsgi_guard.py), well before gunicorn's worker timeout (30 s) would kill it.
REQUEST_DEADLINE_SECONDS = _seconds("PORTAL_REQUEST_DEADLINE_SECONDS", 10)
# /readyz gives each dependency this long to answer (portal/health.py).
READYZ_TIMEOUT = _seconds("PORTAL_READYZ_TIMEOUT", 2)
# An SMTP server that hangs fails the send after this many seconds (the task retries).
EMAIL_TIMEOUT = _seconds("EMAIL_TIMEOUT", 10)
# Erased patients (account id and intake public ids: no personal data), one JSON line each,
# kept outside the database so that `manage.py reapply_erasures` can erase them again after
# a restore (intake/erasure_list.py). Put it on durable storage, apart from the backups.
ERASURE_LIST_FILE = Path(
    env.str("PORTAL_ERASURE_LIST", default=str(BASE_DIR / "var" / "erasures.jsonl"))
)
# Retention: sent notification rows are deleted this many days after sending (beat, daily).
OUTBOX_RETENTION_DAYS = _positive_int("PORTAL_OUTBOX_RETENTION_DAYS", 30)
# A notification claimed for sending this long ago and still not sent is sent again by the
# sweep (its sender died mid-send); longer than any send can take.
NOTIFICATION_CLAIM_SECONDS = _positive_int("PORTAL_NOTIFICATION_CLAIM_SECONDS", 120)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Intake portal <no-reply@portal.example>"
)

# Security. Production sets the HTTPS variables on; `check --deploy` then reports nothing.
SECURE_SSL_REDIRECT = _bool("DJANGO_SECURE_SSL_REDIRECT", False)
# Probes come from inside the network over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = _bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if SESSION_COOKIE_SECURE:
    # The __Host- prefix makes the browser refuse these cookies unless they are Secure, for
    # this host only (no Domain) and for the whole site (Path=/): no subdomain can set them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_HSTS_SECONDS = _int("DJANGO_SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Behind our proxy, trust its X-Forwarded-Proto and the address it appends to
# X-Forwarded-For (portal/clientip.py), never what the client sent before it.
BEHIND_PROXY = _bool("DJANGO_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "portal.views.home.csrf_failure"
# A strict CSP (django-csp): no inline script or style anywhere in the portal.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# No page asks for the camera, the microphone or the location (django-permissions-policy).
PERMISSIONS_POLICY = {"camera": [], "microphone": [], "geolocation": []}

# Throttling (django-axes): after PORTAL_LOCKOUT_FAILURES wrong passwords for one account
# from one client address, or from one client address, sign-in (site and admin) is refused
# there for PORTAL_LOCKOUT_MINUTES, even with the right password; then it works again (a
# cool-off, never a permanent lock). Never an account everywhere: past many failures it is
# slowed instead, and a browser signed in before is not (portal/lockout.py).
LOCKOUT_FAILURES = _positive_int("PORTAL_LOCKOUT_FAILURES", 5)
LOCKOUT_MINUTES = _positive_int("PORTAL_LOCKOUT_MINUTES", 15)
AXES_FAILURE_LIMIT = LOCKOUT_FAILURES
AXES_COOLOFF_TIME = timedelta(minutes=LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "portal.lockout.lockout_username"
AXES_CLIENT_IP_CALLABLE = "portal.clientip.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.lockout.lockout_response"
AXES_VERBOSE = False
# The second factor (django-otp): the name authenticator apps show beside the code.
OTP_TOTP_ISSUER = env.str("PORTAL_OTP_ISSUER", default="Intake portal")
# Failed second-factor codes before that step pauses (per account, and per client address x2).
MFA_FAILURES = _positive_int("PORTAL_MFA_FAILURES", 5)
# Password-reset emails: per address and per client address, within one hour.
PASSWORD_RESET_PER_EMAIL_PER_HOUR = _positive_int("PORTAL_PASSWORD_RESET_PER_EMAIL_PER_HOUR", 3)
PASSWORD_RESET_PER_CLIENT_PER_HOUR = _positive_int("PORTAL_PASSWORD_RESET_PER_CLIENT_PER_HOUR", 10)

# Celery: CELERY_BROKER_URL selects a real broker (Redis or RabbitMQ); without it tasks
# run inline and their errors propagate, so the zero set-up portal needs no service.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# The queue tasks go to (and a worker reads by default); one per deployment sharing a broker.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must fail fast when the broker is down or hangs: the outbox sweep re-sends
# later. CELERY_BROKER_TIMEOUT bounds connecting and each socket read or write (Redis) or
# the connection handshake (RabbitMQ); a publish is tried twice (once more at once), then
# left to the sweep.
CELERY_BROKER_TIMEOUT = _seconds("CELERY_BROKER_TIMEOUT", 2)
CELERY_PUBLISH_MAX_RETRIES = 1
CELERY_BROKER_CONNECTION_TIMEOUT = CELERY_BROKER_TIMEOUT
CELERY_TASK_PUBLISH_RETRY = True
# One retry policy for a publish (Celery) and for the broker connection under it (Kombu).
_PUBLISH_RETRY = {
    "max_retries": CELERY_PUBLISH_MAX_RETRIES,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = dict(_PUBLISH_RETRY)
CELERY_BROKER_TRANSPORT_OPTIONS = dict(_PUBLISH_RETRY)
if CELERY_BROKER_URL.startswith(("redis", "rediss")):
    CELERY_BROKER_TRANSPORT_OPTIONS.update(
        socket_timeout=CELERY_BROKER_TIMEOUT, socket_connect_timeout=CELERY_BROKER_TIMEOUT
    )
# Check-ins between visits (intake/checkins/): how often beat looks for due check-ins,
# and the interval in days a patient gets when their intake is sent and no psychiatrist
# has set one (0: no schedule unless a psychiatrist sets it).
CHECKIN_SWEEP_MINUTES = _positive_int("PORTAL_CHECKIN_SWEEP_MINUTES", 5)
CHECKIN_DEFAULT_DAYS = _int("PORTAL_CHECKIN_DEFAULT_DAYS", 0)
# Beat's timetable: (entry name, task, how often).
CELERY_BEAT_SCHEDULE = {
    name: {"task": task, "schedule": every}
    for name, task, every in [
        ("notifications-sweep", "intake.tasks.sweep_owed_notifications", timedelta(minutes=1)),
        ("stat-escalation-ladder", "intake.tasks.escalate_unclaimed_stat", timedelta(minutes=1)),
        ("intake-reminders", "intake.tasks.remind_unfinished_intakes", timedelta(hours=1)),
        ("checkins-due", "intake.checkins.tasks.owe_due_checkins",
         timedelta(minutes=CHECKIN_SWEEP_MINUTES)),
        ("sessions-clear-expired", "portal.tasks.clear_expired_sessions", timedelta(days=1)),
        ("notifications-prune-sent", "intake.tasks.prune_sent_notifications", timedelta(days=1)),
        ("education-review-reminders", "education.tasks.remind_overdue_reviews",
         timedelta(days=1)),
        ("education-release-scheduled", "education.tasks.release_scheduled_pages",
         timedelta(minutes=1)),
    ]
}  # fmt: skip

# Product settings.
ALLOW_SELF_REGISTRATION = _bool("PORTAL_ALLOW_SELF_REGISTRATION", False)
INVITATION_MAX_AGE_HOURS = _positive_int("PORTAL_INVITATION_MAX_AGE_HOURS", 72)
MINIMUM_PATIENT_AGE = _positive_int("PORTAL_MINIMUM_PATIENT_AGE", 18)
# The questionnaire patients answer (intake/sections.py declares it; a test may name another).
INTAKE_QUESTIONNAIRE = "intake.sections.QUESTIONNAIRE"
# A follow-up intake's and a check-in's (intake/follow_up.py declares them).
INTAKE_FOLLOW_UP_QUESTIONNAIRE = "intake.follow_up.FOLLOW_UP"
INTAKE_CHECK_IN_QUESTIONNAIRE = "intake.follow_up.CHECK_IN"
# A clinic's own instrument wording (a licensed, validated text): directories of
# <instrument>.<language>.json files, searched before the project's (docs/clinical.md).
INSTRUMENT_TEXTS_DIRS = env.list("PORTAL_INSTRUMENT_TEXTS_DIRS", default=[])
# Who hears about a STAT intake: the members of this group (psychiatrists on call).
ONCALL_GROUP = env.str("PORTAL_ONCALL_GROUP", default="On-call psychiatrists")
# The STAT escalation ladder (intake/notifications/ladder.py): a STAT intake nobody has claimed is
# notified again to the on-call group after PORTAL_STAT_RENOTIFY_MINUTES, then to
# PORTAL_ESCALATION_GROUP after PORTAL_STAT_ESCALATE_MINUTES (counted from the same start).
STAT_RENOTIFY_MINUTES = _positive_int("PORTAL_STAT_RENOTIFY_MINUTES", 15)
STAT_ESCALATE_MINUTES = _positive_int("PORTAL_STAT_ESCALATE_MINUTES", 30)
if STAT_ESCALATE_MINUTES <= STAT_RENOTIFY_MINUTES:
    raise ImproperlyConfigured(
        "PORTAL_STAT_ESCALATE_MINUTES must be above PORTAL_STAT_RENOTIFY_MINUTES "
        f"(got {STAT_ESCALATE_MINUTES} and {STAT_RENOTIFY_MINUTES})"
    )
ESCALATION_GROUP = env.str("PORTAL_ESCALATION_GROUP", default="Clinical leads")

# PORTAL_LOG_FORMAT: "json" (one object a line, for the log pipeline; the default unless
# DEBUG) or "text" (for a developer's terminal). The portal.requests logger writes one line
# per request (portal/middleware.py): ids, route, status and time, never patient data.
LOG_FORMAT = env.str("PORTAL_LOG_FORMAT", default="text" if DEBUG else "json").strip().lower()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"PORTAL_LOG_FORMAT must be json or text, got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "filters": {"route_not_path": {"()": "portal.logs.RouteNotPath"}},
    # Lines name the route, never the path (it carries the intake's public id): on the
    # handler for every record that carries a request, and on the loggers that log one.
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["route_not_path"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("PORTAL_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"filters": ["route_not_path"]},
        "django.security.csrf": {"filters": ["route_not_path"]},
        # /readyz logs one warning naming what failed (portal/health.py); the library's
        # own line per failed check, with a traceback, would repeat it.
        "health_check": {"level": "ERROR"},
    },
}
