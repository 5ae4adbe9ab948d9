from datetime import UTC, datetime
from html import escape
from unittest import mock

import feedparser
import pytest

from claims.pipeline.feeds import FIELD_CHARS, LEAN_ABOVE, FeedError, parse_feed

BASE = "https://news.example/feeds/politics.xml"

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Harbor Ledger - Politics</title>
  <link>https://news.example/politics/</link>
  <item>
    <title>Council approves budget</title>
    <link>https://news.example/2026/11/03/budget/?utm_medium=rss</link>
    <guid isPermaLink="false">ledger-48311</guid>
    <description>&lt;p&gt;Budget &lt;b&gt;approved&lt;/b&gt; at last.&lt;/p&gt;</description>
    <pubDate>Tue, 03 Nov 2026 10:00:00 -0500</pubDate>
    <dc:creator>Dana Whitcombe</dc:creator>
  </item>
  <item>
    <title>Mayor names new police chief</title>
    <link>/2026/11/02/police-chief/</link>
  </item>
</channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Capital Dispatch</title>
  <link rel="alternate" href="https://capital.example/"/>
  <entry>
    <id>tag:capital.example,2026:audit</id>
    <title>Audit finds overstated savings</title>
    <link rel="alternate" href="politics/audit"/>
    <published>2026-11-02T14:30:00Z</published>
    <author><name>Priya Raman</name></author>
    <summary>Auditors say savings were counted twice.</summary>
  </entry>
</feed>"""

BILLION_LAUGHS_ONE_LINE = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
    b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
    b'<rss version="2.0"><channel><title>&g;</title></channel></rss>'
)


def test_it_parses_rss_2() -> None:
    feed = parse_feed(RSS, BASE)

    assert feed.title == "The Harbor Ledger - Politics"
    assert feed.site_url == "https://news.example/politics/"
    first = feed.entries[0]
    assert first.guid == "ledger-48311"
    assert first.url == "https://news.example/2026/11/03/budget/?utm_medium=rss"
    assert first.summary == "Budget approved at last."
    assert first.published_at == datetime(2026, 11, 3, 15, 0, tzinfo=UTC)
    assert first.author == "Dana Whitcombe"
    assert feed.warning is None


def test_it_falls_back_to_the_link_when_an_item_has_no_guid() -> None:
    second = parse_feed(RSS, BASE).entries[1]

    assert second.guid == second.url == "https://news.example/2026/11/02/police-chief/"
    assert second.published_at is None


def test_it_parses_atom_and_resolves_relative_links() -> None:
    feed = parse_feed(ATOM, "https://capital.example/feeds/all.atom")

    entry = feed.entries[0]
    assert (entry.guid, entry.url) == (
        "tag:capital.example,2026:audit",
        "https://capital.example/feeds/politics/audit",
    )
    assert entry.published_at == datetime(2026, 11, 2, 14, 30, tzinfo=UTC)
    assert entry.author == "Priya Raman"


def test_an_empty_feed_is_fine() -> None:
    feed = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', BASE)

    assert (feed.title, feed.entries) == ("Quiet", [])


def test_it_refuses_billion_laughs_before_expanding_anything() -> None:
    with pytest.raises(FeedError, match="entity declarations are not allowed"):
        parse_feed(BILLION_LAUGHS_ONE_LINE, BASE)


def test_it_refuses_an_external_entity() -> None:
    xxe = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
        b'<rss version="2.0"><channel><title>&xxe;</title></channel></rss>'
    )

    with pytest.raises(FeedError, match="entity declarations are not allowed"):
        parse_feed(xxe, BASE)


def test_it_refuses_an_entity_declaration_hidden_in_utf16() -> None:
    document = BILLION_LAUGHS_ONE_LINE.decode().replace(
        'version="1.0"', 'version="1.0" encoding="utf-16"'
    )

    with pytest.raises(FeedError, match="entity declarations"):
        parse_feed(document.encode("utf-16"), BASE)


def test_it_accepts_a_doctype_without_entities() -> None:
    rss091 = (
        b'<?xml version="1.0"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b'<rss version="0.91"><channel><title>Old</title><item><title>A</title>'
        b"<link>https://news.example/a</link></item></channel></rss>"
    )

    assert parse_feed(rss091, BASE).entries[0].url == "https://news.example/a"


def test_it_reports_malformed_xml() -> None:
    with pytest.raises(FeedError, match="^malformed XML: not well-formed"):
        parse_feed(b'<rss version="2.0"><channel><title>Broken & co</title>', BASE)


def test_it_accepts_a_broken_feed_that_still_has_entries_with_a_warning() -> None:
    truncated = RSS[: RSS.index(b"</channel>") - 20]

    feed = parse_feed(truncated, BASE)

    assert [entry.guid for entry in feed.entries][:1] == ["ledger-48311"]
    assert feed.warning and feed.warning.startswith("malformed XML, parsed leniently")


def test_it_says_when_a_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"<!doctype html><html><body><p>Hello</p></body></html>", BASE)


def test_it_refuses_an_empty_body() -> None:
    with pytest.raises(FeedError, match="the feed is empty"):
        parse_feed(b"  \n", BASE)


def test_it_never_hands_feedparser_a_string_or_bytes() -> None:
    # feedparser fetches URLs given as str and opens bytes as a file name.
    with mock.patch("claims.pipeline.feeds.feedparser.parse", wraps=feedparser.parse) as parse:
        parse_feed(RSS, BASE)

    (source,), _ = parse.call_args
    assert hasattr(source, "read")


def _declared(document: bytes, encoding: str) -> str:
    return document.decode().replace('version="1.0"', f'version="1.0" encoding="{encoding}"', 1)


@pytest.mark.parametrize("encoding", ["cp037", "cp500", "utf-32", "utf-16-be", "utf-7"])
def test_it_refuses_entity_declarations_in_any_encoding(encoding: str) -> None:
    document = _declared(BILLION_LAUGHS_ONE_LINE, encoding).encode(encoding)

    with pytest.raises(FeedError, match="entity declarations are not allowed"):
        parse_feed(document, BASE)


def test_it_refuses_an_entity_declaration_spelled_in_utf7_on_an_ascii_page() -> None:
    # Every byte is ASCII; only a UTF-7 decoder sees "<!ENTITY".
    document = (
        b'<?xml version="1.0" encoding="utf-7"?><!DOCTYPE rss [+ADw-!ENTITY a "aaaaaaaaaa"+AD4-]>'
        b'<rss version="2.0"><channel><title>&a;&a;</title></channel></rss>'
    )

    with pytest.raises(FeedError, match="entity declarations are not allowed"):
        parse_feed(document, BASE)


def test_it_refuses_entities_when_the_server_names_the_encoding() -> None:
    document = BILLION_LAUGHS_ONE_LINE.replace(b'<?xml version="1.0"?>', b"").decode()

    with pytest.raises(FeedError, match="entity declarations are not allowed"):
        parse_feed(document.encode("cp037"), BASE, content_type="application/xml; charset=cp037")


def test_it_refuses_a_doctype_with_an_internal_subset() -> None:
    document = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ATTLIST rss version CDATA "2.0">]>'
        b"<rss><channel><title>Subset</title></channel></rss>"
    )

    with pytest.raises(FeedError, match="internal DTD subsets are not allowed"):
        parse_feed(document, BASE)


def test_it_parses_an_ebcdic_feed_without_entities() -> None:
    document = RSS.decode().replace('encoding="UTF-8"', 'encoding="cp037"').encode("cp037")

    feed = parse_feed(document, BASE)

    assert feed.title == "The Harbor Ledger - Politics"
    assert feed.entries[0].guid == "ledger-48311"


def test_it_leaves_out_links_it_would_never_fetch() -> None:
    document = RSS.replace(
        b"https://news.example/2026/11/03/budget/?utm_medium=rss", b"file:///etc/passwd"
    ).replace(b"/2026/11/02/police-chief/", b"gopher://127.0.0.1:70/1")

    feed = parse_feed(document, BASE)

    # The first keeps its guid but has nothing to fetch; the second has neither.
    assert [(entry.guid, entry.url) for entry in feed.entries] == [("ledger-48311", None)]
    assert feed.warning == "2 entries link to something other than http(s)"


def _many_entries(count: int, *, dated: bool = True) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>https://news.example/s/{n}</link>"
        f"<guid isPermaLink='false'>story-{n}</guid>"
        + (f"<pubDate>{_day(n)} GMT</pubDate>" if dated else "")
        + "</item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Busy</title><link>https://news.example/</link>{items}</channel></rss>"
    ).encode()


def _day(n: int) -> str:
    # Story n was published n minutes after midnight, listed oldest first.
    return f"Tue, 03 Nov 2026 {n // 60 % 24:02d}:{n % 60:02d}:00"


def test_it_takes_only_the_newest_entries_up_to_the_cap() -> None:
    feed = parse_feed(_many_entries(1000), BASE, max_entries=50)

    assert len(feed.entries) == 50
    assert {entry.guid for entry in feed.entries} == {f"story-{n}" for n in range(950, 1000)}
    assert feed.skipped_entries == 950
    assert feed.warning == "the feed lists 1000 entries; only the newest 50 were taken"


def test_it_keeps_the_first_entries_of_an_undated_feed_over_the_cap() -> None:
    feed = parse_feed(_many_entries(300, dated=False), BASE, max_entries=20)

    assert [entry.guid for entry in feed.entries] == [f"story-{n}" for n in range(20)]
    assert feed.skipped_entries == 280


def test_a_feed_within_the_cap_is_taken_whole() -> None:
    feed = parse_feed(_many_entries(20), BASE, max_entries=20)

    assert (len(feed.entries), feed.skipped_entries, feed.warning) == (20, 0, None)


def test_it_never_reads_an_external_dtd(local_http) -> None:
    local_http.respond("/evil.dtd", 200, b'<!ENTITY title "pwned">')
    document = (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{local_http.url("/evil.dtd")}">'
        '<rss version="2.0"><channel><title>Plain</title></channel></rss>'
    ).encode()

    feed = parse_feed(document, BASE)

    assert feed.title == "Plain" and local_http.hits("/evil.dtd") == 0


def test_a_large_feed_is_cut_to_short_fields_before_feedparser_reads_it() -> None:
    long_html = escape("<p>" + "The minister said prices rose. " * 2000 + "</p>")
    items = "".join(
        f"<item><title>Story {n}</title><link>https://news.example/s/{n}</link>"
        f"<description>{long_html}</description></item>"
        for n in range(40)
    )
    document = f'<rss version="2.0"><channel><title>Long</title>{items}</channel></rss>'.encode()
    assert len(document) > LEAN_ABOVE

    feed = parse_feed(document, BASE, max_entries=200)

    assert len(feed.entries) == 40 and feed.warning is None
    assert all(
        entry.summary.startswith("The minister said") and len(entry.summary) <= FIELD_CHARS
        for entry in feed.entries
    )
