"""Finding a site's feeds from one of its HTML pages.

Editors paste a site's home page as often as its feed. The page's <head>
usually names its feeds (`<link rel="alternate" type="application/rss+xml">`);
when it names none, the paths most publishing systems serve feeds at are the
next guess. Both lists are short and bounded: the caller fetches each
candidate through the safe fetcher and keeps only those that parse as feeds.
"""

from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

from claims.pipeline.fetch import ARTICLE, FEED, ContentKind

# The first fetch of what an editor pasted: a feed, or a page that may name one.
FEED_OR_PAGE = ContentKind(
    "a feed or a web page",
    FEED.accept_header.replace("*/*;q=0.5", "text/html;q=0.8, */*;q=0.5"),
    FEED.types | ARTICLE.types,
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_LINK_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml"}
)
# WordPress, Ghost, Hugo, Jekyll and most CMSs serve one of these.
COMMON_PATHS = ("/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml")
MAX_CANDIDATES = 8


def looks_like_html(content_type: str, body: bytes) -> bool:
    """True for a web page: served as HTML, or plainly HTML whatever the server said."""
    if content_type in HTML_TYPES:
        return True
    start = body[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


def feed_links(html: bytes, base_url: str) -> list[str]:
    """The absolute http(s) URLs of the feeds a page names in its <link> elements."""
    try:
        document = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for link in document.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" not in rels or kind not in FEED_LINK_TYPES or not href:
            continue
        url = urljoin(base_url, href).split("#", 1)[0]
        if urlsplit(url).scheme in {"http", "https"} and url not in found:
            found.append(url)
    return found[:MAX_CANDIDATES]


def common_feed_urls(page_url: str) -> list[str]:
    """The usual feed addresses at the page's site root."""
    parts = urlsplit(page_url)
    return [urlunsplit((parts.scheme, parts.netloc, path, "", "")) for path in COMMON_PATHS]
