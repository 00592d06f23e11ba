"""The test suite: fast hashing, no hashed-static manifest, mail kept in memory.

DATABASE_URL and REDIS_URL still apply, so CI runs the same suite against PostgreSQL and Redis.
"""

import os
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

# Parallel workers (pytest-xdist) share the machine's Redis: each keeps its cache keys and channel
# groups apart, so one worker's rate limits and broadcasts never reach another's tests.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if WORKER and REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = WORKER  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = f"asgi-{WORKER}"  # noqa: F405
