"""RSS / Atom parsing from bytes we fetched ourselves.

feedparser is lenient with the broken feeds real publishers serve, but it must
never be handed a string (it fetches URLs and opens local paths) and its guard
against entity expansion is a regex that a one-line DTD slips past. So:
1. the body is decoded to UTF-8 first, exactly as feedparser would decode it
   (BOM, EBCDIC, UTF-16/32, UTF-7, the declared or served charset), and any
   entity declaration or internal DTD subset in that text is refused before
   parsing (billion laughs, XXE): no encoding can hide one;
2. feedparser is pure Python (~1 ms an entry, ~2 MB/s of text): a feed listing
   more entries than the cap, or a large one, is first cut down with libxml2
   (C, linear) to the newest entries, each field at most a few KB;
3. the UTF-8 bytes reach feedparser wrapped in a file object, never as str or
   bytes (feedparser 6 fetches str URLs and tries bytes as a file name first);
4. a document feedparser had to repair is accepted when it still yields entries,
   with the problem kept in `ParsedFeed.warning`; otherwise it is a FeedError.
"""

import calendar
import io
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
from feedparser.datetimes import _parse_date
from feedparser.encodings import convert_to_utf8
from lxml import etree

_ENTITY_DECLARATION = re.compile(r"<!\s*ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(r"<!\s*DOCTYPE[^\[>]*\[", re.IGNORECASE)
_ROOT_START = re.compile(r"<[^!?]")
# An RSS <item> or Atom <entry>, with or without a namespace prefix.
_ENTRY_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]")
_ENTRY_NAMES = frozenset({"item", "entry"})
_DATE_NAMES = ("published", "pubDate", "updated", "date", "issued", "modified", "created")
# Feeds up to this size go to feedparser as they are; larger ones are cut down first.
LEAN_ABOVE = 1024 * 1024
# Longest text kept in one element of a large feed: titles, links and summaries fit.
FIELD_CHARS = 2000
_UTF8_XML = "application/xml; charset=utf-8"
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
    warning: str | None = None  # set when the feed was malformed or cut, but still usable
    skipped_entries: int = 0  # entries left out because the feed listed more than the cap


def parse_feed(
    data: bytes,
    base_url: str,
    *,
    content_type: str | None = None,
    max_entries: int | None = None,
) -> ParsedFeed:
    """Parse a fetched feed body; relative links are resolved against `base_url`.

    `content_type` is the response's Content-Type header, when known, for its charset.
    With `max_entries`, only that many entries are taken, the newest first (entries
    without a date count as older than dated ones and keep the feed's order).
    """
    if not data.strip():
        raise FeedError("the feed is empty")
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    utf8 = _as_utf8(data, headers)
    refuse_declarations(utf8.decode("utf-8", errors="replace"))
    listed = len(_ENTRY_TAG.findall(utf8))
    repaired = None
    if len(utf8) > LEAN_ABOVE or (max_entries is not None and listed > max_entries):
        utf8, listed, repaired = _lean(utf8, max_entries)
    parsed = feedparser.parse(
        io.BytesIO(utf8),
        # The body is UTF-8 now, whatever it was served as.
        response_headers={"content-location": base_url, "content-type": _UTF8_XML},
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    problem = repaired or _problem(parsed)
    entries = [entry for raw in parsed.entries if (entry := _entry(raw, base_url))]
    if not parsed.version and not entries:
        raise FeedError(
            "not an RSS or Atom feed" + (f" (malformed XML: {problem})" if problem else "")
        )
    if problem and not entries:
        raise FeedError(f"malformed XML: {problem}")
    if max_entries is not None and len(entries) > max_entries:
        entries = _newest(entries, max_entries)  # the lenient parser found more than counted
    listed = max(listed, len(parsed.entries))
    skipped = listed - max_entries if max_entries is not None and listed > max_entries else 0
    warnings = [f"malformed XML, parsed leniently: {problem}"] if problem else []
    if skipped:
        warnings.append(
            f"the feed lists {listed} entries; only the newest {max_entries} were taken"
        )
    unfetchable = sum(1 for raw in parsed.entries if _refused_link(raw, base_url))
    if unfetchable:
        warnings.append(f"{unfetchable} entries link to something other than http(s)")
    return ParsedFeed(
        title=_clean(parsed.feed.get("title", "")),
        site_url=_absolute_http(parsed.feed.get("link"), base_url),
        entries=entries,
        warning="; ".join(warnings) or None,
        skipped_entries=skipped,
    )


def _as_utf8(data: bytes, headers: dict[str, str]) -> bytes:
    """The body as feedparser would decode it, re-encoded as UTF-8 (declaration included)."""
    result: dict[str, Any] = {}
    converted = convert_to_utf8(headers, data, result)
    if result.get("encoding"):
        return converted
    # No encoding fits: feedparser would read it as UTF-8 with replacement characters.
    return data.decode("utf-8", errors="replace").encode("utf-8")


def refuse_declarations(text: str) -> None:
    if _ENTITY_DECLARATION.search(text):
        raise FeedError("entity declarations are not allowed")
    root = _ROOT_START.search(text)
    if _INTERNAL_SUBSET.search(text, 0, root.start() if root else len(text)):
        raise FeedError("internal DTD subsets are not allowed")


def _lean(utf8: bytes, keep: int | None) -> tuple[bytes, int, str | None]:
    """The document with only its `keep` newest entries and no text longer than
    FIELD_CHARS; how many entries it listed; what libxml2 had to repair. Entity
    declarations were refused already; no DTD or network is read, and libxml2's
    own depth and size limits stay on."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(utf8, parser)
    except etree.XMLSyntaxError as error:
        raise FeedError(f"malformed XML: {error.msg}") from error
    if root is None:
        raise FeedError("not an RSS or Atom feed")
    items = [
        element
        for element in root.iter()
        if isinstance(element.tag, str) and etree.QName(element).localname in _ENTRY_NAMES
    ]
    if keep is not None:
        ranked = sorted(range(len(items)), key=lambda i: (-_element_time(items[i]), i))
        for i in ranked[keep:]:
            parent = items[i].getparent()
            if parent is not None:
                parent.remove(items[i])
    for element in root.iter():
        if element.text and len(element.text) > FIELD_CHARS:
            element.text = element.text[:FIELD_CHARS]
        if element.tail and len(element.tail) > FIELD_CHARS:
            element.tail = element.tail[:FIELD_CHARS]
    errors = [entry.message for entry in parser.error_log]
    body = etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=True)
    return body, len(items), errors[0] if errors else None


def _element_time(element: etree._Element) -> float:
    """Seconds since the epoch of an entry's first date element, or -inf when it has none."""
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname in _DATE_NAMES:
            parsed = _parse_date((child.text or "").strip())
            if parsed is not None:
                return float(calendar.timegm(parsed))
    return float("-inf")


def _newest(entries: list[FeedEntry], keep: int) -> list[FeedEntry]:
    def age(i: int) -> tuple[float, int]:
        published = entries[i].published_at
        return (-published.timestamp() if published else float("inf"), i)

    return [entries[i] for i in sorted(sorted(range(len(entries)), key=age)[:keep])]


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


def _refused_link(raw: feedparser.FeedParserDict, base_url: str) -> bool:
    link = (raw.get("link") or "").strip()
    return bool(link) and _absolute_http(link, base_url) is None


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
