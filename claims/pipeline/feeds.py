"""RSS / Atom parsing from bytes we fetched ourselves.

feedparser is lenient with the broken feeds real publishers serve, but it must
never be handed a string (it fetches URLs and opens local paths) and its guard
against entity expansion is a regex that a one-line DTD slips past. So:
1. any entity declaration is refused before parsing (billion laughs, XXE);
2. the bytes reach feedparser wrapped in a file object, never as str or bytes
   (feedparser 6 tries bytes as a file name first);
3. a document feedparser had to repair is accepted when it still yields entries,
   with the problem kept in `ParsedFeed.warning`; otherwise it is a FeedError.
"""

import calendar
import io
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html

# Checked on the text, so UTF-16 feeds cannot hide the declaration behind NUL bytes.
_ENTITY_DECLARATION = re.compile(r"<!\s*ENTITY", re.IGNORECASE)
_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)
# Problems feedparser reports that say nothing about whether the XML is broken.
_HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


class FeedError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FeedEntry:
    guid: str  # the entry's id/guid, or its link when it has none
    url: str | None  # absolute http(s) link to the article
    title: str
    summary: str  # plain text
    published_at: datetime | None  # aware, UTC
    author: str | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    site_url: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str | None = None  # set when the feed was malformed but still usable


def parse_feed(data: bytes, base_url: str, *, content_type: str | None = None) -> ParsedFeed:
    """Parse a fetched feed body; relative links are resolved against `base_url`.

    `content_type` is the response's Content-Type header, when known, for its charset.
    """
    if not data.strip():
        raise FeedError("the feed is empty")
    if _ENTITY_DECLARATION.search(_scan_text(data)):
        raise FeedError("entity declarations are not allowed")
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    problem = _problem(parsed)
    entries = [entry for raw in parsed.entries if (entry := _entry(raw, base_url))]
    if not parsed.version and not entries:
        raise FeedError(
            "not an RSS or Atom feed" + (f" (malformed XML: {problem})" if problem else "")
        )
    if problem and not entries:
        raise FeedError(f"malformed XML: {problem}")
    return ParsedFeed(
        title=_clean(parsed.feed.get("title", "")),
        site_url=_absolute_http(parsed.feed.get("link"), base_url),
        entries=entries,
        warning=f"malformed XML, parsed leniently: {problem}" if problem else None,
    )


def _scan_text(data: bytes) -> str:
    for bom, encoding in _UTF16_32_BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    # Every other encoding a feed may declare keeps ASCII markup as ASCII bytes.
    return data.decode("latin-1")


def _problem(parsed: feedparser.FeedParserDict) -> str | None:
    error = parsed.get("bozo_exception")
    if not parsed.get("bozo") or error is None or isinstance(error, _HARMLESS_BOZO):
        return None
    # SAX messages are short and readable ("not well-formed (invalid token)"); line
    # numbers are left out because feedparser rewrites the prolog before parsing.
    return str(getattr(error, "getMessage", lambda: error)())


def _entry(raw: feedparser.FeedParserDict, base_url: str) -> FeedEntry | None:
    url = _absolute_http(raw.get("link"), base_url)
    guid = (raw.get("id") or "").strip() or url
    if not guid:
        return None  # nothing to fetch and nothing to dedupe on
    return FeedEntry(
        guid=guid,
        url=url,
        title=_clean(raw.get("title", "")),
        summary=_plain_text(raw.get("summary", "")),
        published_at=_published(raw),
        author=_clean(raw.get("author", "")) or None,
    )


def _absolute_http(link: str | None, base_url: str) -> str | None:
    if not link:
        return None
    absolute = urljoin(base_url, link.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def _published(raw: feedparser.FeedParserDict) -> datetime | None:
    parsed: time.struct_time | None = raw.get("published_parsed") or raw.get("updated_parsed")
    if parsed is None:
        return None
    try:
        # feedparser normalises dates to UTC struct_time.
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (OverflowError, ValueError):
        return None


def _plain_text(html: str) -> str:
    if "<" not in html:
        return _clean(html)
    try:
        return _clean(lxml.html.fromstring(html).text_content())
    except (ValueError, lxml.etree.ParserError):
        return _clean(html)


def _clean(text: str) -> str:
    return " ".join(text.split())
