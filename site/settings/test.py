"""The test suite: fast hashing, no hashed-static manifest, mail kept in memory.

DATABASE_URL and REDIS_URL still apply, so CI runs the same suite against PostgreSQL and Redis.
"""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Uploads and the demo's documents never land in the working tree.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="chorus-test-media-"))
# Tasks run at once in tests; safeguarding escalation is then left to its command (tested directly).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
