"""Checking a feed before it is registered: fetch it, parse it, or find the site's feeds.

Everything here runs outside any transaction (it waits on the network) and
through the one safe fetcher, so a feed added by hand meets the same SSRF guard,
size cap and entity guard as every poll. The whole check, discovery included,
stays within the fetch deadline an operator set.
"""

import time
from dataclasses import dataclass, replace

from claims.fetching import fetch_policy, fetcher
from claims.pipeline.discovery import (
    FEED_OR_PAGE,
    common_feed_urls,
    feed_links,
    looks_like_html,
)
from claims.pipeline.feeds import FeedEntry, FeedError, ParsedFeed, parse_feed
from claims.pipeline.fetch import FEED, Fetcher, FetchResult
from claims.pipeline.fetch_errors import (
    BadContentType,
    BadURL,
    BlockedAddress,
    ConnectionFailed,
    FetchError,
    HTTPStatusError,
    Timeout,
    TooLarge,
)
from factcheck.errors import InvalidInput

PREVIEW_ITEMS = 5


@dataclass(frozen=True)
class FeedPreview:
    url: str
    title: str
    items: list[FeedEntry]


def feed_check(*, url: str) -> FeedPreview:
    """The feed at `url` with its newest items, or InvalidInput saying why not.

    Given a web page, the refusal carries `candidates`: the feeds the page names
    (or the site serves at the usual paths) that were fetched and parsed here.
    """
    started = time.monotonic()
    try:
        response = fetcher().fetch(url, kind=FEED_OR_PAGE)
    except FetchError as error:
        raise InvalidInput(refusal(error)) from None
    if looks_like_html(response.content_type, response.body):
        candidates = _discover(response, started)
        if candidates:
            raise InvalidInput(
                f"{url} is a web page, not a feed; it offers {len(candidates)} "
                f"feed{'s' if len(candidates) > 1 else ''} to choose from.",
                candidates=candidates,
            )
        raise InvalidInput(
            f"Not a feed: {url} is a web page, and it names no RSS or Atom feed "
            "that could be fetched."
        )
    try:
        parsed = parse_feed(response.body, response.final_url, content_type=_type(response))
    except FeedError as error:
        raise InvalidInput(f"Not a feed: {error.reason}.") from None
    return _preview(url, parsed)


def refusal(error: FetchError) -> str:
    """One sentence an editor can act on, naming the kind of failure first."""
    reason = error.reason
    if isinstance(error, BlockedAddress):
        return f"Private or reserved address: {reason}."
    if isinstance(error, ConnectionFailed) and reason.startswith("could not resolve"):
        return f"No such host: {reason}."
    if isinstance(error, HTTPStatusError):
        return f"The server answered HTTP {error.status}: {reason}."
    if isinstance(error, TooLarge):
        return f"Too large: {reason}."
    if isinstance(error, BadContentType):
        return f"Not a feed: {reason}."
    if isinstance(error, Timeout):
        return f"Timed out: {reason}."
    if isinstance(error, BadURL):
        return f"Not a usable URL: {reason}."
    return f"Could not fetch the feed: {reason}."


def _discover(page: FetchResult, started: float) -> list[str]:
    """Feeds the page names, else those at the common paths, each fetched and parsed."""
    named = feed_links(page.body, page.final_url)
    guesses = named or common_feed_urls(page.final_url)
    found: list[str] = []
    for candidate in guesses:
        remaining = fetch_policy().deadline - (time.monotonic() - started)
        if remaining < 0.5:
            break  # the check as a whole keeps to one fetch deadline
        if _is_feed(_bounded_fetcher(remaining), candidate):
            found.append(candidate)
    return found


def _is_feed(bounded: Fetcher, url: str) -> bool:
    try:
        response = bounded.fetch(url, kind=FEED)
        parse_feed(response.body, response.final_url, content_type=_type(response))
    except (FetchError, FeedError):
        return False
    return True


def _bounded_fetcher(seconds: float) -> Fetcher:
    policy = fetch_policy()
    return Fetcher(replace(policy, deadline=min(policy.deadline, seconds)))


def _type(response: FetchResult) -> str | None:
    return response.headers.get("content-type")


def _preview(url: str, parsed: ParsedFeed) -> FeedPreview:
    dated = sorted(
        (entry for entry in parsed.entries if entry.published_at),
        key=lambda entry: entry.published_at,  # type: ignore[arg-type, return-value]
        reverse=True,
    )
    undated = [entry for entry in parsed.entries if not entry.published_at]
    return FeedPreview(url=url, title=parsed.title, items=(dated + undated)[:PREVIEW_ITEMS])
