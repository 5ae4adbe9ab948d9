"""Article text and metadata from a fetched page, with trafilatura (never fetching).

Paragraphs are separated by a blank line ("\\n\\n"): the detector works per
paragraph and follows quotes across paragraph breaks.

trafilatura is pure Python and its cost grows faster than the page (64,000
elements take half a minute), so a page is bounded before it gets there: libxml2
parses it (C, linear, at most 256 levels deep), and a page over MAX_ELEMENTS or
MAX_TEXT_CHARS loses its scripts, menus and forms; if that is not enough, only
its article container is kept; if there is none small enough, it fails at once.
"""

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

# Lines that CMSs splice into article bodies to send readers elsewhere, in the
# languages we expect. They are removed only when short, so a real sentence
# starting "Related ..." stays.
_INSERT = re.compile(
    r"^(?:(?:read|see|also read|read also|more|watch|listen|related|recommended|"
    r"more on this|more from|don't miss|click here|lea también|lee también|leer más|"
    r"(?:à )?lire aussi|lesen sie auch|mehr zum thema|leia também|leggi anche)"
    r"(?: more| also)?\s*(?:[:|»›>]|—|-\s)"
    r"|(?:advertisement|sponsored|publicidad|anzeige|publicité|"
    r"(?:story|article) continues below(?: advertisement)?|"
    r"scroll to continue(?: with content)?)\W*$)",
    re.IGNORECASE,
)
# Site footers that trafilatura sometimes keeps after the last paragraph.
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d|copyright\b)", re.IGNORECASE)
_HEADER_SEARCH = 5  # how many leading paragraphs may hold a repeated headline
_KICKER_MAX_WORDS = 8
_LAYOUT_CELL_WORDS = 150
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "»", "'", "’", ")")
_INSERT_MAX_WORDS = 25
# Bounds on what trafilatura is given: a few seconds of work at most. Article
# pages have a few thousand elements; live blogs and long transcripts, tens of
# thousands of characters.
MAX_ELEMENTS = 25_000
MAX_TEXT_CHARS = 2_000_000
# Tags in the markup beyond which the page is not even parsed (a tree of a million
# elements takes 400 MB); generous, since scripts, menus and footers are counted too.
MAX_TAGS = 10 * MAX_ELEMENTS
_TAG_STR = re.compile(r"<[A-Za-z]")
_TAG_BYTES = re.compile(rb"<[A-Za-z]")
# Never article text; removed from an oversized page (JSON-LD scripts stay, for dates).
_INERT = (
    "style noscript template svg math iframe object embed applet canvas video audio "
    "picture map form select button input textarea menu nav aside footer"
).split()
_CONTAINERS = (
    "//*[@itemprop='articleBody']",
    "//article",
    "//main",
    "//*[@role='main']",
)
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
)


class ExtractionError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ExtractedArticle:
    title: str | None
    author: str | None
    published_at: datetime | None  # aware; midnight UTC when the page gives only a date
    language: str | None  # primary language subtag, e.g. "en"
    text: str


def extract_article(
    body: bytes | str,
    url: str,
    *,
    content_type: str = "text/html",
    charset: str | None = None,
) -> ExtractedArticle:
    """Extract the article in `body` (HTML or plain text) served at `url`."""
    if isinstance(body, bytes) and charset:
        body = _decode(body, charset)
    if content_type == "text/plain":
        return _plain_text_article(body)
    tags = len(_TAG_BYTES.findall(body) if isinstance(body, bytes) else _TAG_STR.findall(body))
    if tags > MAX_TAGS:
        raise ExtractionError(
            f"the page is too large to extract: {tags:,} tags (the limit is {MAX_TAGS:,} tags)"
        )
    tree = trafilatura.load_html(body)
    if tree is None:
        raise ExtractionError("the page is not parseable HTML")
    # Read our own metadata first: trafilatura prunes the tree while extracting.
    published_at = _published_at(tree)
    language = _language(tree)
    tree = _bounded(tree)
    _unwrap_layout_tables(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # trafilatura's deduplication uses a process-wide cache: in a long-running
        # worker it would drop a paragraph the third outlet or re-fetch carries.
        deduplicate=False,
    )
    if not isinstance(document, Document):  # None when nothing was found
        raise ExtractionError("no article text found on the page")
    text = _paragraphs(document.text or "", document)
    if not text:
        raise ExtractionError("no article text found on the page")
    return ExtractedArticle(
        title=_clean(document.title) or None,
        author=_clean(document.author) or None,
        published_at=published_at or _from_date(document.date),
        language=language,
        text=text,
    )


def _decode(body: bytes, charset: str) -> bytes | str:
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body  # a charset Python does not know: trafilatura guesses from the bytes


def _bounded(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The page, or the part of it trafilatura can work through in a few seconds."""
    if _size_problem(tree) is None:
        return tree
    for script in tree.xpath("//script[not(contains(@type, 'ld+json'))]"):
        script.drop_tree()
    etree.strip_elements(tree, *_INERT, with_tail=False)
    problem = _size_problem(tree)
    if problem is None:
        return tree
    for xpath in _CONTAINERS:
        for container in tree.xpath(xpath):
            if _size_problem(container) is None:
                return _page_of(tree, container)
    raise ExtractionError(f"the page is too large to extract: {problem}")


def _size_problem(element: lxml.html.HtmlElement) -> str | None:
    elements = sum(1 for _ in element.iter())
    if elements > MAX_ELEMENTS:
        return f"{elements:,} elements (the limit is {MAX_ELEMENTS:,} elements)"
    characters = len(element.text_content())
    if characters > MAX_TEXT_CHARS:
        return f"{characters:,} characters of text (the limit is {MAX_TEXT_CHARS:,} characters)"
    return None


def _page_of(
    tree: lxml.html.HtmlElement, container: lxml.html.HtmlElement
) -> lxml.html.HtmlElement:
    """A page holding the original head (title, metadata) and only `container`."""
    page = lxml.html.Element("html", tree.attrib)
    head = tree.find("head")
    if head is not None:
        page.append(head)
    body = lxml.html.Element("body")
    body.append(container)
    page.append(body)
    return page


def _unwrap_layout_tables(tree: etree._Element) -> None:
    """Turn tables used for page layout into plain blocks.

    trafilatura flattens every table row into one " | "-separated line, which
    glues an article laid out in a table cell to the navigation beside it. A
    cell holding a whole article's worth of prose marks the table as layout.
    """
    for table in list(tree.iter("table")):
        cells = table.xpath(".//td | .//th")
        if any(len(cell.text_content().split()) > _LAYOUT_CELL_WORDS for cell in cells):
            for element in [table, *table.xpath(".//tbody | .//thead | .//tfoot | .//tr"), *cells]:
                element.tag = "div"


def _plain_text_article(body: bytes | str) -> ExtractedArticle:
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    joined = "\n\n".join(p for p in paragraphs if p)
    if not joined:
        raise ExtractionError("the document is empty")
    return ExtractedArticle(title=None, author=None, published_at=None, language=None, text=joined)


def _paragraphs(text: str, document: Document | None) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [line for line in lines if line and not _is_insert(line)]
    # Onward links, share tools and site footers that follow the last paragraph.
    while paragraphs and (_COPYRIGHT.match(paragraphs[-1]) or _is_fragment(paragraphs[-1])):
        paragraphs.pop()
    if document is not None:
        paragraphs = _without_header(paragraphs, document)
    return "\n\n".join(paragraphs)


def _without_header(paragraphs: list[str], document: Document) -> list[str]:
    """Drop a copy of the page header (kicker, headline, standfirst, date) at the top.

    trafilatura keeps it when the header sits inside the article container. It
    is metadata, not body, and it would shift every shingle of the first lines.
    """
    title = _comparable(document.title)
    leading = [_comparable(line) for line in paragraphs[:_HEADER_SEARCH]]
    # The <title> often carries the site name around the headline.
    headline = next((i for i, line in enumerate(leading) if _names_title(line, title)), None)
    if title and headline is not None:
        paragraphs = paragraphs[headline + 1 :]
        while paragraphs and _is_header_line(paragraphs[0], document):
            paragraphs = paragraphs[1:]
    description = _comparable(document.description)
    while paragraphs and description and _comparable(paragraphs[0]) == description:
        paragraphs = paragraphs[1:]
    return paragraphs


def _names_title(line: str, title: str) -> bool:
    # A kicker such as "News" is also a substring of many titles; a headline is longer.
    return line == title or (len(line.split()) >= 3 and line in title)


def _is_header_line(line: str, document: Document) -> bool:
    return _comparable(line) == _comparable(document.description) or _is_fragment(line)


def _is_fragment(line: str) -> bool:
    """Short and not a sentence: a byline, a dateline, a link label, a kicker."""
    return len(line.split()) <= _KICKER_MAX_WORDS and not line.endswith(_SENTENCE_ENDS)


def _comparable(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _is_insert(line: str) -> bool:
    return len(line.split()) <= _INSERT_MAX_WORDS and bool(_INSERT.match(line))


def _published_at(tree: etree._Element) -> datetime | None:
    for value in _published_candidates(tree):
        parsed = _parse_datetime(value)
        if parsed is not None:
            return parsed
    return None


def _published_candidates(tree: etree._Element) -> list[str]:
    candidates = []
    for name in _PUBLISHED_META:
        candidates += tree.xpath(
            "//meta[@property=$n or @name=$n or @itemprop=$n]/@content", n=name
        )
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        candidates += _json_ld_dates(script)
    candidates += tree.xpath('//*[@itemprop="datePublished"]/@datetime')
    candidates += tree.xpath("//article//time/@datetime")
    return [str(value) for value in candidates]


def _json_ld_dates(script: str) -> list[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            stack.extend(value for value in item.values() if isinstance(value, dict | list))
    return found


def _parse_datetime(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _from_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None


def _language(tree: etree._Element) -> str | None:
    values = tree.xpath("/html/@lang")
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language" or (
            meta.get("property") == "og:locale"
        ):
            values.append(meta.get("content") or "")
    for value in values:
        primary = re.split(r"[-_]", str(value).strip())[0].lower()
        if primary.isalpha() and 2 <= len(primary) <= 3:
            return primary
    return None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())
