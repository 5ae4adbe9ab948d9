"""A fictional publisher for ingestion tests: RSS feeds and article pages, built in code.

The people, outlets and countries are invented; the sentences are shaped like
newswire so that detection finds the attributed statements a desk would flag.
"""

from dataclasses import dataclass
from html import escape

from tests.httpserver import LocalHTTPServer

KELL_QUOTE = (
    "Prime Minister Adrian Kell said the country had more than 2.3 million tonnes of grain "
    "in storage, twice what it held a year ago."
)


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    paragraphs: tuple[str, ...]

    def html(self) -> bytes:
        body = "\n".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)
        return (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(self.title)}</title>"
            "<meta property='article:published_time' content='2026-11-18T09:00:00Z'>"
            f"</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(self.title)}</h1>{body}</article>"
            "<footer>Copyright 2026 The Calder Ledger</footer></body></html>"
        ).encode()


GRAIN = Story(
    "grain-reserves",
    "Government says grain reserves are at a record high",
    (
        "VELMORA — The government insisted on Tuesday that the country faces no shortage of "
        "bread, as prices rose for the fifth month in a row.",
        KELL_QUOTE,
        "Deputy Minister Lena Sorvik denied that a ban on wheat exports was being prepared, "
        "saying the ministry had never drafted such a decree.",
        "Economist Riya Banerjee of the Halden Institute said the price rises were driven "
        "mainly by fuel costs that had climbed 40 percent since March.",
    ),
)
BRIDGE = Story(
    "harbour-bridge",
    "Mayor promises the Harbour Street bridge will reopen in May",
    (
        "PORT ELLIS — The city's main bridge will carry traffic again three months early, "
        "officials said on Monday.",
        "Mayor Mara Oduya said the repairs had cost 4.2 million dollars so far, less than half "
        "of the budget the council approved in March.",
        "Shop owner Petra Hale said business on Harbour Street had fallen by a third since "
        "the closure.",
    ),
)
# Another outlet carrying the Prime Minister's quote, in its own story.
GRAIN_ELSEWHERE = Story(
    "kell-grain",
    "Kell defends grain figures",
    (
        "VELMORA — The prime minister repeated his figures on grain stocks on Tuesday.",
        KELL_QUOTE,
        "Opposition leader Tomas Brenn said the government had not published any audit of "
        "its grain reserves in six years.",
    ),
)


def rss(server: LocalHTTPServer, prefix: str, stories: list[Story], title: str = "News") -> bytes:
    items = "".join(
        f"<item><title>{escape(s.title)}</title>"
        f"<link>{server.url(f'{prefix}/{s.slug}.html')}?utm_source=rss</link>"
        f"<guid isPermaLink='false'>{prefix}/{s.slug}</guid>"
        "<pubDate>Wed, 18 Nov 2026 09:00:00 GMT</pubDate></item>"
        for s in stories
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>{server.url(prefix + '/')}</link>"
        f"<description>Fictional test outlet</description>{items}</channel></rss>"
    ).encode()


def publish(
    server: LocalHTTPServer, prefix: str, stories: list[Story], etag: str | None = '"v1"'
) -> str:
    """Serve a feed of `stories` (honouring If-None-Match) and their pages; return the feed URL."""
    feed = rss(server, prefix, stories)

    def serve_feed(request) -> None:
        if etag and request.headers.get("If-None-Match") == etag:
            request.reply(304)
            return
        headers = {"Content-Type": "application/rss+xml"}
        if etag:
            headers["ETag"] = etag
        request.reply(200, feed, headers)

    server.route(f"{prefix}/feed.xml", serve_feed)
    for story in stories:
        server.respond(
            f"{prefix}/{story.slug}.html",
            body=story.html(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
    return server.url(f"{prefix}/feed.xml")
