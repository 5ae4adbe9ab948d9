"""The feedback limit holds under parallel requests, on Redis and in-process alike.

Reproduces 19.10: 100 parallel posts from one address got 13 accepted against
a limit of 10 a minute, because each request read the count, then wrote it.
"""

import json
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from reviews.models import Feedback

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL_POSTS = 100


@pytest.fixture(params=["redis", "in-process"])
def shared_cache(request, settings) -> str:
    if request.param == "redis":
        assert settings.REDIS_URL, "needs Redis (make test starts a throwaway one)"
        backend = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": f"race-{uuid.uuid4()}",
        }
    else:
        backend = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"race-{uuid.uuid4()}",
        }
    settings.CACHES = {"default": backend}
    return request.param


def post_report(url: str, n: int) -> int:
    body = {"url": "https://desk.example/fact-checks/a/", "category": "other",
            "message": f"Parallel report {n}"}  # fmt: skip
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_parallel_reports_from_one_address_get_exactly_the_limit(
    live_server, shared_cache: str, settings
) -> None:
    limit = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["feedback"].split("/")[0])
    url = f"{live_server.url}/api/v1/feedback/"

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(lambda n: post_report(url, n), range(PARALLEL_POSTS)))

    assert statuses.count(201) == limit, statuses
    assert statuses.count(429) == PARALLEL_POSTS - limit
    assert Feedback.objects.count() == limit
