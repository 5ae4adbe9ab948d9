"""OPML 2.0, the subscription list every feed reader imports and exports.

Reading: the document is ours to parse only after the same guard as a feed (no
entity declarations, no internal DTD subset: no billion laughs, no XXE), under a
size cap, by an XML parser told not to resolve entities or touch the network.
Folders (outlines without an xmlUrl) are read as the outlet of the feeds inside.
Writing: feeds grouped by outlet in name order, no timestamps, so one desk's
export is the same document every time and round-trips through an import.
"""

from dataclasses import dataclass

from lxml import etree

from claims.pipeline.feeds import FeedError, refuse_declarations

MAX_OPML_BYTES = 5 * 1024 * 1024  # ~25,000 feeds; a newsroom follows hundreds


class OpmlError(ValueError):
    pass


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    name: str
    outlet: str


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """Every feed outline (`xmlUrl`) in document order, nested folders flattened."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"the OPML document is larger than {MAX_OPML_BYTES} bytes")
    try:
        refuse_declarations(data.decode("utf-8", errors="replace"))
    except FeedError as error:
        raise OpmlError(error.reason) from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise OpmlError(f"not well-formed XML: {error}") from None
    if root.tag != "opml" or root.find("body") is None:
        raise OpmlError("not an OPML document (no <opml> with a <body>)")
    feeds: list[OpmlFeed] = []
    _collect(root.find("body"), "", feeds)
    return feeds


def _collect(parent: etree._Element, folder: str, into: list[OpmlFeed]) -> None:
    for outline in parent.iterfind("outline"):
        text = (outline.get("text") or outline.get("title") or "").strip()
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            into.append(OpmlFeed(url=url, name=text, outlet=folder))
        _collect(outline, text if not url else folder, into)


def build_opml(feeds: list[OpmlFeed], *, title: str) -> bytes:
    """An OPML 2.0 document: feeds with an outlet sit in that outlet's folder."""
    root = etree.Element("opml", version="2.0")
    etree.SubElement(etree.SubElement(root, "head"), "title").text = title
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for feed in sorted(feeds, key=lambda f: (f.outlet.casefold(), f.name.casefold(), f.url)):
        parent = body
        if feed.outlet:
            if feed.outlet not in folders:
                folders[feed.outlet] = etree.SubElement(
                    body, "outline", text=feed.outlet, title=feed.outlet
                )
            parent = folders[feed.outlet]
        etree.SubElement(
            parent, "outline", type="rss", text=feed.name, title=feed.name, xmlUrl=feed.url
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
