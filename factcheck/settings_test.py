"""Settings for the test suite: the real settings plus what only tests need."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-" + "x9Qm2vLp7Rt4" * 5)
os.environ.setdefault("FACTCHECK_HTTPS", "0")
# Each test run gets its own queue, so a worker never picks up another run's tasks.
os.environ.setdefault("FACTCHECK_QUEUE", f"factcheck-test-{os.getpid()}")

from factcheck.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Throttle counters and other cache keys stay apart from concurrent runs too.
CACHES["default"]["KEY_PREFIX"] = CELERY_TASK_DEFAULT_QUEUE  # noqa: F405
