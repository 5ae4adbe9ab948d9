"""Sliding-window rate limits that count atomically, so a burst cannot slip through.

Checking a counter and then writing it back lets parallel requests all read
"9 of 10" and all be let in (100 parallel reports from one address got 13
through a 10/min limit). Here the check and the count are one step: a Lua
script on Redis, shared by every process; on the in-process cache of the
embedded default, a lock around the same steps.
"""

import threading
import time
import uuid
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache


@dataclass(frozen=True)
class Window:
    key: str
    limit: int
    seconds: int


# KEYS: one sorted set of timestamps per window. ARGV: now, a unique member, then
# limit and seconds for each key. Returns "0" when counted, or the seconds to wait.
SLIDING_WINDOWS = """
local now = tonumber(ARGV[1])
local wait = 0
for i, key in ipairs(KEYS) do
  local limit, seconds = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - seconds)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + seconds - now)
  end
end
if wait > 0 then return tostring(wait) end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('EXPIRE', key, tonumber(ARGV[2 + 2 * i]))
end
return '0'
"""

_local_lock = threading.Lock()


def take(windows: list[Window], now: float | None = None) -> float:
    """Count one event in every window if each has room; else count nothing.

    Returns 0.0 when counted, or the seconds until the fullest window has room.
    """
    now = time.time() if now is None else now
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return _take_redis(backend, windows, now)
    return _take_local(backend, windows, now)


def _take_redis(backend: RedisCache, windows: list[Window], now: float) -> float:
    client = backend._cache.get_client(write=True)
    keys = [backend.make_and_validate_key(w.key) for w in windows]
    args: list[float | int | str] = [now, f"{now}:{uuid.uuid4().hex}"]
    for w in windows:
        args += [w.limit, w.seconds]
    return float(client.eval(SLIDING_WINDOWS, len(keys), *keys, *args))


def _take_local(backend: BaseCache, windows: list[Window], now: float) -> float:
    with _local_lock:
        histories = []
        wait = 0.0
        for w in windows:
            history = [stamp for stamp in backend.get(w.key, []) if stamp > now - w.seconds]
            if len(history) >= w.limit:
                wait = max(wait, history[len(history) - w.limit] + w.seconds - now)
            histories.append(history)
        if wait:
            return wait
        for w, history in zip(windows, histories, strict=True):
            backend.set(w.key, [*history, now], w.seconds)
        return 0.0
