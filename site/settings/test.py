"""The test suite: fast hashing, no hashed-static manifest, mail kept in memory.

DATABASE_URL and REDIS_URL still apply, so CI runs the same suite against PostgreSQL and Redis.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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

# Parallel workers (pytest-xdist) share the machine's Redis. Each worker's cache is a Redis
# database of its own below REDIS_URL's (clearing a cache empties its whole database, which must
# never take another worker's rate limits, or the channel layer's messages, with it), and each
# keeps its channel groups apart by prefix.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if WORKER and REDIS_URL:  # noqa: F405
    _redis = urlsplit(REDIS_URL)  # noqa: F405
    _cache_db = int(_redis.path.strip("/") or 0) - 1 - int(WORKER.removeprefix("gw"))
    CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{_cache_db % 16}"))  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = f"asgi-{WORKER}"  # noqa: F405
