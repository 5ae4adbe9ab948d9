from datetime import UTC, datetime
from unittest import mock

import feedparser
import pytest

from claims.pipeline.feeds import FeedError, parse_feed

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
