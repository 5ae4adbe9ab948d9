"""The one place the Django side builds the safe fetcher, from settings."""

from dataclasses import replace
from functools import cache

from django.conf import settings

from claims.pipeline.fetch import Fetcher, FetchPolicy
from claims.pipeline.netguard import parse_allow_hosts


def fetch_policy() -> FetchPolicy:
    # settings.FACTCHECK_FETCH_ALLOW_HOSTS is already split on commas by env_list.
    return FetchPolicy(
        user_agent=settings.FACTCHECK_USER_AGENT,
        allow_hosts=parse_allow_hosts(",".join(settings.FACTCHECK_FETCH_ALLOW_HOSTS)),
        deadline=float(settings.FACTCHECK_FETCH_DEADLINE),
        read_timeout=float(settings.FACTCHECK_FETCH_READ_TIMEOUT),
    )


@cache
def _fetcher(policy: FetchPolicy) -> Fetcher:
    return Fetcher(policy)


def fetcher() -> Fetcher:
    """A fetcher for the current settings, reused across tasks (it holds a TLS context)."""
    return _fetcher(fetch_policy())


# A data feed of every fact-check a publisher made is one document; 20,000 reviews are ~20 MB.
SOURCE_MAX_BYTES = 64 * 1024 * 1024


def source_fetcher() -> Fetcher:
    """The same safe fetcher with room for a whole ClaimReview data feed."""
    return _fetcher(replace(fetch_policy(), max_bytes=SOURCE_MAX_BYTES))
