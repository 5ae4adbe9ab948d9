"""Other publishers' ClaimReview markup, read from pages and data feeds we fetched ourselves.

Pure Python: bytes in, `ExternalCheck` records out, plus a reason for every ClaimReview
that was skipped. Real markup is messy, so:
1. JSON-LD blocks are read from `<script type="application/ld+json">`, each on its own
   (one broken block does not hide the others); `@graph`, arrays, nested nodes and `@id`
   references inside one document are all followed, to a bounded depth and node count;
2. a ClaimReview is recognised by `@type` in any spelling (`ClaimReview`,
   `schema:ClaimReview`, `http://schema.org/ClaimReview`, or in a list of types);
3. text is text only: HTML is parsed and its script and style elements dropped, control
   characters removed, whitespace collapsed, lengths capped;
4. URLs are made absolute against the page, must be http(s), and may not name a
   private or loopback address (unless the operator allowed that host);
5. a numeric rating is normalised to 0..1 only when the publisher gives its own scale
   (bestRating and worstRating) and the value lies on it;
6. each ClaimReview is parsed on its own: a bad one is skipped with a reason.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree

from claims.pipeline.fetch_errors import FetchError
from claims.pipeline.netguard import AllowEntry, address_problem, is_allowed, parse_target

MAX_BLOCKS = 50  # JSON-LD blocks read from one page
MAX_BLOCK_BYTES = 2 * 1024 * 1024  # one JSON-LD block on a page
MAX_DEPTH = 24  # nesting followed inside one JSON-LD document
MAX_NODES = 500_000  # JSON objects visited in one document (a data feed of 20,000 is ~200,000)
MAX_CHECKS = 50_000  # ClaimReviews taken from one document
MAX_SKIPPED = 200  # reasons kept; the count goes on
CLAIM_LENGTH = 2000
SHORT_LENGTH = 300
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$", re.IGNORECASE)
# Language names some publishers write instead of a code.
_LANGUAGE_NAMES = {
    "english": "en",
    "spanish": "es",
    "español": "es",
    "french": "fr",
    "français": "fr",
    "german": "de",
    "deutsch": "de",
    "portuguese": "pt",
    "português": "pt",
    "italian": "it",
    "italiano": "it",
    "dutch": "nl",
    "polish": "pl",
    "ukrainian": "uk",
    "russian": "ru",
    "arabic": "ar",
}
_LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".home.arpa")


class ClaimReviewError(Exception):
    """The document as a whole cannot be read (not JSON, nested too deeply, too big)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ExternalCheck:
    url: str  # the fact-check's own address: absolute http(s), fragment kept
    publisher: str
    claim_reviewed: str
    claimant: str
    claimant_title: str
    rating_text: str
    rating_value: float | None  # 0 = the scale's worst, 1 = its best; None without a scale
    date_published: datetime | None  # aware, UTC
    date_modified: datetime | None
    language: str  # lower-case primary subtag ("en", "es"), "" when unknown
    appearance_url: str  # where the claim was made, when the publisher says


@dataclass(frozen=True)
class Skipped:
    where: str  # the fact-check's URL when known, else the page and position
    reason: str


@dataclass
class Parsed:
    checks: list[ExternalCheck] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    skipped_count: int = 0

    def skip(self, where: str, reason: str) -> None:
        self.skipped_count += 1
        if len(self.skipped) < MAX_SKIPPED:
            self.skipped.append(Skipped(where, reason))

    def extend(self, other: Parsed) -> None:
        self.checks.extend(other.checks)
        self.skipped.extend(other.skipped[: MAX_SKIPPED - len(self.skipped)])
        self.skipped_count += other.skipped_count


@dataclass(frozen=True)
class Context:
    """What the page or source tells us when the markup does not."""

    base_url: str
    publisher: str = ""
    language: str = ""
    allow_hosts: frozenset[AllowEntry] = frozenset()


class _Bad(Exception):
    """One ClaimReview is unusable; the message is the reason recorded."""


# --- Documents --------------------------------------------------------------------------


def parse_page(data: bytes | str, context: Context) -> Parsed:
    """Every ClaimReview in the JSON-LD of an HTML page.

    The page's `<html lang>` stands in for a missing `inLanguage`; its URL for a
    missing `url`. Several ClaimReviews that end up with one URL get `#claim-2`, … so
    each keeps its own row.
    """
    try:
        root = lxml.html.document_fromstring(data or b"<html></html>")
    except (etree.ParserError, ValueError) as error:
        raise ClaimReviewError(f"not an HTML page ({error})") from None
    language = normalise_language(root.get("lang") or "") or context.language
    context = Context(context.base_url, context.publisher, language, context.allow_hosts)
    parsed = Parsed()
    blocks = [
        script
        for script in root.iter("script")
        if (script.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"
    ]
    for position, block in enumerate(blocks[:MAX_BLOCKS], start=1):
        text = block.text or ""
        where = f"{context.base_url} (JSON-LD block {position})"
        if len(text) > MAX_BLOCK_BYTES:
            parsed.skip(where, f"JSON-LD block larger than {MAX_BLOCK_BYTES} bytes")
            continue
        try:
            document = _load_json(text)
        except ClaimReviewError as error:
            parsed.skip(where, error.reason)
            continue
        parsed.extend(parse_document(document, context))
    if len(blocks) > MAX_BLOCKS:
        parsed.skip(context.base_url, f"more than {MAX_BLOCKS} JSON-LD blocks; the rest ignored")
    _distinct_urls(parsed)
    return parsed


def parse_data_feed(data: bytes | str, context: Context) -> Parsed:
    """A ClaimReview data feed: a schema.org `DataFeed` whose `dataFeedElement` items
    carry ClaimReviews (directly or as a DataFeedItem's `item`), or a bare JSON array.

    Raises ClaimReviewError when the document is not JSON or nests too deeply; a feed
    that is JSON but holds no ClaimReview yields an empty result, not an error.
    """
    document = _load_json(data)
    if isinstance(document, dict) and not _is_feed_or_review(document):
        raise ClaimReviewError("not a ClaimReview data feed (no DataFeed or ClaimReview)")
    parsed = parse_document(document, context)
    _distinct_urls(parsed)
    return parsed


def looks_like_json(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[")


def parse_document(document: Any, context: Context) -> Parsed:
    """Every ClaimReview in one parsed JSON-LD document, each parsed on its own."""
    parsed = Parsed()
    nodes = _Nodes(document)
    for position, node in enumerate(nodes.reviews(), start=1):
        if len(parsed.checks) >= MAX_CHECKS:
            parsed.skip(context.base_url, f"more than {MAX_CHECKS} ClaimReviews; the rest ignored")
            break
        try:
            parsed.checks.append(_check(node, nodes, context))
        except _Bad as reason:
            parsed.skip(_where(node, context, position), str(reason))
    if nodes.truncated:
        parsed.skip(context.base_url, nodes.truncated)
    return parsed


def _load_json(data: bytes | str) -> Any:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ClaimReviewError("not UTF-8 JSON") from None
    # Some CMSs wrap the block in an HTML comment or CDATA to keep old parsers quiet.
    text = data.strip()
    for opening, closing in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
        if text.startswith(opening) and text.endswith(closing):
            text = text[len(opening) : -len(closing)].strip()
    if not text:
        raise ClaimReviewError("empty JSON-LD")
    try:
        return json.loads(text)
    except RecursionError:
        raise ClaimReviewError("JSON nested too deeply") from None
    except ValueError as error:
        raise ClaimReviewError(f"not valid JSON ({error})") from None


def _is_feed_or_review(node: dict[str, Any]) -> bool:
    types = _types(node)
    return (
        bool(types & {"DataFeed", "ClaimReview"}) or "@graph" in node or ("dataFeedElement" in node)
    )


class _Nodes:
    """The objects of one JSON-LD document, walked once, bounded, with `@id` lookup."""

    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, dict[str, Any]] = {}
        self.found: list[dict[str, Any]] = []
        self.truncated = ""
        visited = 0
        # An explicit stack: a deep document cannot exhaust Python's recursion limit.
        stack: list[tuple[Any, int]] = [(document, 0)]
        while stack:
            value, depth = stack.pop()
            if depth > MAX_DEPTH:
                self.truncated = f"JSON-LD nested deeper than {MAX_DEPTH} levels; ignored below"
                continue
            if isinstance(value, list):
                stack.extend((item, depth + 1) for item in reversed(value))
                continue
            if not isinstance(value, dict):
                continue
            visited += 1
            if visited > MAX_NODES:
                self.truncated = f"more than {MAX_NODES} JSON-LD objects; the rest ignored"
                break
            node_id = value.get("@id")
            if isinstance(node_id, str) and len(value) > 1:
                self.by_id.setdefault(node_id, value)
            if "ClaimReview" in _types(value):
                self.found.append(value)
            for key, child in reversed(value.items()):
                if isinstance(child, dict | list) and key != "@context":
                    stack.append((child, depth + 1))

    def reviews(self) -> Iterator[dict[str, Any]]:
        return iter(self.found)

    def resolve(self, value: Any) -> Any:
        """A `{"@id": ...}` reference replaced by the node it names, when the document has it."""
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.by_id.get(str(value["@id"]), value)
        return value


# --- One ClaimReview ---------------------------------------------------------------------


def _check(node: dict[str, Any], nodes: _Nodes, context: Context) -> ExternalCheck:
    item = nodes.resolve(_first(node.get("itemReviewed")))
    item = item if isinstance(item, dict) else {}
    claim = clean_text(node.get("claimReviewed"), CLAIM_LENGTH) or clean_text(
        item.get("text") or item.get("name"), CLAIM_LENGTH
    )
    if not claim:
        raise _Bad("no claimReviewed")
    url = _url(node.get("url") or node.get("@id"), context, required=False) or _url(
        context.base_url, context, required=True
    )
    rating_text, rating_value = _rating(nodes.resolve(_first(node.get("reviewRating"))))
    claimant, claimant_title = _person(nodes.resolve(_first(item.get("author"))))
    published = parse_date(node.get("datePublished"))
    return ExternalCheck(
        url=url,
        publisher=_publisher(node, nodes, context),
        claim_reviewed=claim,
        claimant=claimant,
        claimant_title=claimant_title,
        rating_text=rating_text,
        rating_value=rating_value,
        date_published=published,
        date_modified=parse_date(node.get("dateModified")) or published,
        language=_language(node, item) or context.language,
        appearance_url=_appearance(item, nodes, context),
    )


def _rating(rating: Any) -> tuple[str, float | None]:
    if isinstance(rating, str | int | float) and not isinstance(rating, bool):
        text = clean_text(rating, SHORT_LENGTH)
        if text:
            return text, None
        raise _Bad("no reviewRating")
    if not isinstance(rating, dict):
        raise _Bad("no reviewRating")
    value = _number(rating.get("ratingValue"))
    best = _number(rating.get("bestRating"))
    worst = _number(rating.get("worstRating"))
    normalised = None
    if value is not None and best is not None and worst is not None and best != worst:
        share = (value - worst) / (best - worst)  # also right for a scale where best < worst
        if 0 <= share <= 1:
            normalised = round(share, 4)
    text = clean_text(rating.get("alternateName"), SHORT_LENGTH) or clean_text(
        rating.get("name"), SHORT_LENGTH
    )
    if not text and value is not None:
        shown = _shown_number(value)
        text = (
            f"{shown} on a scale of {_shown_number(worst)} to {_shown_number(best)}"
            if normalised is not None and worst is not None and best is not None
            else shown
        )
    if not text:
        raise _Bad("reviewRating has neither alternateName nor ratingValue")
    return text, normalised


def _person(author: Any) -> tuple[str, str]:
    if isinstance(author, str):
        return clean_text(author, SHORT_LENGTH), ""
    if not isinstance(author, dict):
        return "", ""
    name = clean_text(author.get("name"), SHORT_LENGTH)
    title = clean_text(_first(author.get("jobTitle")), SHORT_LENGTH)
    return name, title


def _publisher(node: dict[str, Any], nodes: _Nodes, context: Context) -> str:
    for key in ("author", "publisher"):
        who = nodes.resolve(_first(node.get(key)))
        if isinstance(who, dict):
            name = clean_text(who.get("name"), SHORT_LENGTH)
            if name:
                return name
        elif isinstance(who, str) and clean_text(who, SHORT_LENGTH):
            return clean_text(who, SHORT_LENGTH)
    if context.publisher:
        return context.publisher
    return urlsplit(context.base_url).hostname or "unknown publisher"


def _appearance(item: dict[str, Any], nodes: _Nodes, context: Context) -> str:
    for key in ("appearance", "firstAppearance"):
        for value in _as_list(item.get(key)):
            value = nodes.resolve(value)
            link = value.get("url") if isinstance(value, dict) else value
            try:
                found = _url(link, context, required=False)
            except _Bad:
                continue  # a bad appearance link loses the link, not the fact-check
            if found:
                return found
    return ""


def _language(node: dict[str, Any], item: dict[str, Any]) -> str:
    for value in (node.get("inLanguage"), item.get("inLanguage")):
        value = _first(value)
        if isinstance(value, dict):
            value = value.get("alternateName") or value.get("name")
        language = normalise_language(value if isinstance(value, str) else "")
        if language:
            return language
    return ""


def _url(value: Any, context: Context, *, required: bool) -> str:
    value = _first(value)
    if not isinstance(value, str) or not value.strip():
        if required:
            raise _Bad("no url")
        return ""
    absolute = urljoin(context.base_url, _CONTROL.sub("", value.strip()))
    if len(absolute) > 2000:
        raise _Bad("url longer than 2000 characters")
    problem = url_problem(absolute, context.allow_hosts)
    if problem:
        raise _Bad(problem)
    return absolute


def url_problem(url: str, allow_hosts: frozenset[AllowEntry] = frozenset()) -> str | None:
    """Why a link must not be stored or followed, judged from the URL alone (no DNS)."""
    try:
        target = parse_target(url)
    except FetchError as error:
        return error.reason
    if is_allowed(target, allow_hosts):
        return None
    if target.literal_ip is not None:
        problem = address_problem(ipaddress.ip_address(target.literal_ip))
        return f"refused: {target.host} is {problem}" if problem else None
    if target.host == "localhost" or target.host.endswith(_LOCAL_NAMES):
        return f"refused: {target.host} is a local host name"
    return None


def _where(node: dict[str, Any], context: Context, position: int) -> str:
    url = _first(node.get("url"))
    if isinstance(url, str) and url.strip():
        return urljoin(context.base_url, url.strip())[:2000]
    return f"{context.base_url} (ClaimReview {position})"


def _distinct_urls(parsed: Parsed) -> None:
    """Several ClaimReviews on one page often all carry the page URL; keep each apart."""
    seen: dict[str, int] = {}
    for index, check in enumerate(parsed.checks):
        count = seen.get(check.url, 0) + 1
        seen[check.url] = count
        if count > 1:
            url = f"{urldefrag(check.url).url}#claim-{count}"
            parsed.checks[index] = replace(check, url=url)


# --- Values ------------------------------------------------------------------------------


def clean_text(value: Any, limit: int) -> str:
    """Plain text from whatever a publisher put in a text field, HTML and scripts removed."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        value = str(value)
    if isinstance(value, dict):
        value = value.get("@value", "")
    if not isinstance(value, str):
        return ""
    text = value
    if "<" in text or "&" in text:
        text = _html_text(text)
    text = " ".join(_CONTROL.sub(" ", text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _html_text(markup: str) -> str:
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", markup)
    for element in fragment.xpath(".//script|.//style|.//template|.//noscript"):
        element.drop_tree()
    return str(fragment.text_content())


def parse_date(value: Any) -> datetime | None:
    """An ISO 8601 date or date-time as aware UTC; a date alone is midnight UTC."""
    value = _first(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 40:
        return None
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), time())
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def normalise_language(value: str) -> str:
    value = value.strip().lower()
    if value in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[value]
    match = _LANGUAGE.match(value)
    return match.group(1) if match else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return number if number == number and abs(number) < 1e9 else None  # no NaN, no inf


def _shown_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else f"{value:g}"


def _types(node: dict[str, Any]) -> set[str]:
    names = set()
    for value in _as_list(node.get("@type")):
        if isinstance(value, str):
            names.add(value.rsplit("/", 1)[-1].rsplit(":", 1)[-1].rsplit("#", 1)[-1])
    return names


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first(value: Any) -> Any:
    """The first non-empty value of a list, or the value itself."""
    if isinstance(value, list):
        return next((item for item in value if item not in (None, "", [], {})), None)
    return value
