"""`/healthz`: the database, the broker and the workers, each checked for real.

A part the configuration does not ask for (no `REDIS_URL`: tasks run
in-process) is reported as such and does not fail the check.
"""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from factcheck.celery import app as celery_app

PROBE_TIMEOUT = 1.0


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"; report it, don't raise
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "vendor": connection.vendor}


def _broker() -> dict:
    if not settings.REDIS_URL:
        return {"ok": True, "mode": "in-process"}
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=PROBE_TIMEOUT, socket_timeout=PROBE_TIMEOUT
        )
        client.ping()
    except redis.RedisError as exc:
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "mode": "redis"}


def _workers(broker_ok: bool) -> dict:
    if not settings.REDIS_URL:
        return {"ok": True, "mode": "in-process"}
    if not broker_ok:
        return {"ok": False, "error": "broker unreachable"}
    try:
        replies = celery_app.control.ping(timeout=PROBE_TIMEOUT)
    except Exception as exc:  # kombu raises several transport errors; all mean "down"
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    if not replies:
        return {"ok": False, "error": "no worker answered a ping", "count": 0}
    return {"ok": True, "count": len(replies)}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = _database()
    broker = _broker()
    workers = _workers(broker["ok"])
    ok = database["ok"] and broker["ok"] and workers["ok"]
    body = {
        "status": "ok" if ok else "unavailable",
        "database": database,
        "broker": broker,
        "worker": workers,
    }
    return JsonResponse(body, status=200 if ok else 503)
