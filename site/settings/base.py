"""Settings shared by every environment; each environment module overrides what differs.

Everything that varies between machines comes from environment variables, all listed in the
README's configuration table. https://docs.djangoproject.com/en/5.2/topics/settings/
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "daphne",
    "home",
    "consultations",
    "youth_voice",
    # Welsh and English versions of pages, translated segment by segment in the admin.
    "wagtail_localize",
    # Background tasks (retention, safeguarding escalation): django-tasks, its database backend in production.
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "channels",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response, static files and errors included (see below).
    "chorus.headers.ContentSecurityPolicyMiddleware",
    "chorus.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are small but phones are on poor data: compress HTML too (Django pads gzip
    # output against BREACH since 4.2).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "chorus.languages.LocaleMiddleware",
    "chorus.languages.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff sessions end after 30 idle minutes and 12 hours at most (chorus.staff_sessions).
    "chorus.staff_sessions.StaffSessionLimitsMiddleware",
    # Anyone who can read responses sets up a second factor before reaching the admin.
    "chorus.staff_sessions.RequireStaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "chorus.urls"
ASGI_APPLICATION = "chorus.asgi.application"

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
            ],
            # The language switch on every page, without an app to hold it.
            "builtins": ["chorus.templatetags.languages", "chorus.templatetags.passkeys"],
        },
    },
]

# Connections a process may hold at once (PostgreSQL's pool); live votes get as many threads.
DATABASE_POOL_MAX_SIZE = int(os.environ.get("DATABASE_POOL_MAX_SIZE", "10"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a response is written; IMMEDIATE avoids lock upgrades
    # failing under concurrent submissions.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }

elif (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and not DATABASES["default"]["CONN_MAX_AGE"]
):
    # Under ASGI each request runs in a thread of its own, so persistent connections would pile
    # up; a pool per process hands each request an open connection instead of a new one (about
    # a millisecond of connecting saved per request). DATABASE_POOL_MAX_SIZE bounds it.
    # https://docs.djangoproject.com/en/5.2/ref/databases/#connection-pool
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": DATABASE_POOL_MAX_SIZE,
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "chorus.cache.SharedPoolRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # channels_redis waits up to 5 s in a blocking BZPOPMIN for each process's messages;
            # redis-py's own default read timeout is also 5 s, so a socket left quiet for 5 s was
            # cut off with a server error (1011). A longer read timeout lets the wait end first.
            # `capacity` is per process, not per socket: every socket of a daphne process shares
            # one queue, and the default 100 made a busy live session drop presenter updates
            # (group_send skips a full queue) and fail sends with ChannelFull.
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 30}], "capacity": 2000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "chorus.channel_layers.ThrottledCleaningInMemoryChannelLayer"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts are for staff only: young people never need one to respond.
# https://docs.allauth.org/en/latest/account/configuration.html
ACCOUNT_ADAPTER = "chorus.accounts.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Every sign-in is allauth's, with its limits: Wagtail's /admin/login/ only redirects here (chorus.urls).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/admin/"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Passwords are changed through allauth's pages (rate-limited, e-mailed), not Wagtail's account panel.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Wrong passwords lock an account out for 15 minutes after 5 tries (whoever tries), and an address
# after 20 tries in 15 minutes (whichever account); a successful sign-in clears the account's count.
# https://docs.allauth.org/en/latest/account/rate_limits.html
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/15m/ip,5/15m/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "reauthenticate": "10/m/user",
    "change_password": "5/m/user",
}
# Staff second factor: an authenticator app (TOTP), recovery codes, passkeys and security keys
# (WebAuthn). Passkeys may also sign in on their own (they are a second factor in themselves).
# https://docs.allauth.org/en/latest/mfa/configuration.html
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Chorus"
# Staff sessions: at most 12 hours (the cookie and the stored session), and 30 idle minutes
# (checked by chorus.staff_sessions, which records when each session began and was last used).
SESSION_COOKIE_AGE = 12 * 60 * 60
CHORUS_STAFF_SESSION_IDLE = 30 * 60
CHORUS_STAFF_SESSION_MAX = 12 * 60 * 60

# Welsh and English with equal standing: Welsh is never placed second. English is the language a
# string falls back to. Public pages are under /cy/ and /en-gb/ (see chorus.languages).
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("cy", "Cymraeg"), ("en-gb", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Pages exist in both languages, each version in its own tree (wagtail-localize keeps them in step).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The language last read in is remembered for a year, without an account.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Chorus"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# Embeds would fetch from third parties; a children's platform sends nothing out.
WAGTAILEMBEDS_FINDERS = []
# No avatar service either (it would be sent each officer's hashed email): the admin shows the
# picture a user uploads, else their initials (youth_voice.workspace.admin_hooks).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"


# True only under chorus.settings.production: the demo refuses to load, and a deployment check
# fails if the demo officer exists.
CHORUS_PRODUCTION = False


# Tasks run at once in development and tests; production.py queues them in the database for
# `manage.py db_worker` (docs/operations.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Responses of a consultation whose feedback was never published are kept this many months
# after it closed on top of its retention period (docs/security.md, "Retention and erasure").
CHORUS_RETENTION_GRACE_MONTHS = int(os.environ.get("RETENTION_GRACE_MONTHS", "6"))


# Abuse limits (docs/security.md, "Abuse limits"): events allowed per window of seconds, counted in
# the cache per subject. Names read `<action>_per_<subject>[_<window>]`; each limit can be set from
# the environment as LIMIT_<NAME> (e.g. LIMIT_SUBMIT_PER_ADDRESS_BURST=60). Sized so that a school
# where 300 phones answer through one address within 10 minutes is never refused, while one
# address sending hundreds of forms in seconds is.
def _limit(name, limit, seconds):
    return {"limit": int(os.environ.get(f"LIMIT_{name.upper()}", str(limit))), "seconds": seconds}


CHORUS_LIMITS = {
    name: _limit(name, limit, seconds)
    for name, limit, seconds in [
        # Sending or saving answers.
        ("submit_per_address_burst", 30, 10),  # a school averages 0.5 a second; 3 a second is a robot
        ("submit_per_address", 600, 600),  # twice a whole school's 300 in 10 minutes
        ("submit_per_address_day", 5000, 24 * 3600),
        ("submit_per_consultation", 3000, 600),  # ten schools at once
        ("submit_per_key", 10, 600),  # one form: a double tap or a retry, not a loop
        # Wrong resume or change codes.
        ("wrong_code_per_address", 60, 3600),
        ("wrong_code_per_consultation", 600, 3600),
        ("wrong_code_per_response", 10, 3600),
        # Live sessions: one phone's votes and comments, over all its sockets and page posts.
        ("live_vote_per_participant", 30, 10),
        # Wrong forum member sign-ins (username and sign-in code).
        ("member_sign_in_per_address", 60, 3600),  # a forum meeting signing in on one wifi
        ("member_sign_in_per_username", 10, 3600),
    ]
}
# How long a form's signed submission key is accepted after the page was shown.
CHORUS_SUBMISSION_KEY_MAX_AGE = int(os.environ.get("SUBMISSION_KEY_MAX_AGE", str(7 * 24 * 3600)))
# Unacknowledged safeguarding alerts go to the site administrators after this many working days.
SAFEGUARDING_ESCALATION_WORKING_DAYS = int(os.environ.get("SAFEGUARDING_ESCALATION_WORKING_DAYS", "1"))

# --- Security headers: Content-Security-Policy and Permissions-Policy --------------------------
# docs/security.md, "Headers", says what each directive allows and why. The middleware
# (chorus.headers) adds this host's ws:/wss: origin to connect-src and picks the admin policy.
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # QR codes may later be inline SVG images (data: URLs).
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (and only it) needs inline styles and a few inline scripts, and previews
# pages in a frame of its own: measured in headless chromium, see docs/security.md.
CHORUS_ADMIN_PATH_PREFIX = "/admin/"
CHORUS_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "script-src-attr": [NONE],
        "style-src": [SELF, UNSAFE_INLINE],
        "frame-ancestors": [SELF],
        "frame-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
    }
}
# Powerful features nobody on the platform needs are off for every page and anything it embeds;
# passkeys (staff sign-in) and full screen stay available to this site only.
PERMISSIONS_POLICY = {
    **{
        feature: []
        for feature in (
            "accelerometer",
            "autoplay",
            "bluetooth",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "serial",
            "usb",
            "xr-spatial-tracking",
        )
    },
    "fullscreen": ["self"],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
}
# --- Websockets: how fast one connection may send (chorus consumers, docs/security.md) ---------
# A live session sends a message now and then; a script in a loop is answered "slow down", and
# after `close_after` refusals in a row the socket is closed with 1008 (policy violation).
CHORUS_WEBSOCKET_RATE_LIMIT = {"messages": 20, "seconds": 1, "close_after": 20}
