"""Hostile publishers for the end-to-end suite: each case serves one feed (and maybe the
page it lists) from the test's loopback server, as a broken or malicious site would.

`serve(server, prefix)` registers the case's routes under its own prefix and returns
the feed's URL. Where the trouble is in the article page, the feed itself is sound and
lists that one page. `expect` is what the recorded reason must say ("" when the feed or
page is fine to read despite its oddity, and only the sound outcome is expected).
"""

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from tests.httpserver import LocalHTTPServer, Request, raw
from tests.ingestion.publisher import GRAIN

OK = b"HTTP/1.1 200 OK\r\n"
XML = b"Content-Type: application/rss+xml\r\n"
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS_TYPE = {"Content-Type": "application/rss+xml"}
FEED_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
    b"<title>The Calder Ledger</title><link>https://ledger.example/</link>"
    b"<item><title>Port reopens</title><link>https://ledger.example/port</link></item>"
    b"</channel></rss>"
)
ENTITY_FEED = (
    '<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    '<rss version="2.0"><channel><title>&b;</title></channel></rss>'
)
FEED = "feed"
ARTICLE = "article"


@dataclass(frozen=True)
class Case:
    where: str  # FEED or ARTICLE: where the reason is recorded
    serve: Callable[[LocalHTTPServer, str], str]
    expect: str
    # How the feed or article ends when that is not the plain reading of `expect`
    # (a failure if there is a reason, success if not).
    ends: str = ""
    # Paths under the prefix that must never be requested (a DTD, a redirect target).
    untouched: tuple[str, ...] = ()
    # Wait for the article's last word (extracted or failed), not its first retry.
    final: bool = False

    @property
    def status(self) -> str:
        """The feed's health ("failing", "healthy") or the article's status it ends in."""
        if self.ends:
            return self.ends
        if self.where == FEED:
            return "failing" if self.expect else "healthy"
        return "failed" if self.expect else "extracted"


def feed_of(server: LocalHTTPServer, prefix: str, page: str, title: str = "Story") -> bytes:
    """A sound RSS feed listing one page under the prefix."""
    link = escape(server.url(f"{prefix}{page}"))
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Calder Ledger</title><link>{escape(server.url(prefix + '/'))}</link>"
        f"<item><title>{escape(title)}</title><link>{link}</link>"
        f"<guid isPermaLink='false'>{escape(prefix)}{page}</guid></item></channel></rss>"
    ).encode()


def feed_answering(handler: Callable[[Request], None]) -> Callable[[LocalHTTPServer, str], str]:
    """The feed URL itself answers with `handler`."""

    def serve(server: LocalHTTPServer, prefix: str) -> str:
        server.route(f"{prefix}/feed.xml", handler)
        return server.url(f"{prefix}/feed.xml")

    return serve


def feed_body(body: bytes, headers: dict[str, str] | None = None):
    return feed_answering(lambda request: request.reply(200, body, headers or RSS_TYPE))


def page_answering(handler: Callable[[Request], None]) -> Callable[[LocalHTTPServer, str], str]:
    """A sound feed listing one page, which answers with `handler`."""

    def serve(server: LocalHTTPServer, prefix: str) -> str:
        body = feed_of(server, prefix, "/page.html")
        server.respond(f"{prefix}/feed.xml", 200, body, RSS_TYPE)
        server.route(f"{prefix}/page.html", handler)
        return server.url(f"{prefix}/feed.xml")

    return serve


def page_body(body: bytes, headers: dict[str, str] | None = None):
    return page_answering(lambda request: request.reply(200, body, headers or HTML))


def redirect_chain(final: str, hops: int = 3) -> Callable[[LocalHTTPServer, str], str]:
    """The feed redirects `hops` times on the server itself, then to `final`."""

    def serve(server: LocalHTTPServer, prefix: str) -> str:
        for hop in range(hops):
            target = f"{prefix}/hop{hop + 1}" if hop + 1 < hops else final
            server.redirect(f"{prefix}/hop{hop}", target)
        return server.url(f"{prefix}/hop0")

    return serve


def page_redirecting_to(final: str) -> Callable[[LocalHTTPServer, str], str]:
    def serve(server: LocalHTTPServer, prefix: str) -> str:
        body = feed_of(server, prefix, "/page.html")
        server.respond(f"{prefix}/feed.xml", 200, body, RSS_TYPE)
        server.redirect(f"{prefix}/page.html", f"{prefix}/moved.html")
        server.redirect(f"{prefix}/moved.html", final)
        return server.url(f"{prefix}/feed.xml")

    return serve


def external_dtd(server: LocalHTTPServer, prefix: str) -> str:
    server.respond(f"{prefix}/evil.dtd", 200, b'<!ENTITY title "pwned">')
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{server.url(prefix + "/evil.dtd")}">'
        '<rss version="2.0"><channel><title>Plain</title></channel></rss>'
    ).encode()
    server.respond(f"{prefix}/feed.xml", 200, body, RSS_TYPE)
    return server.url(f"{prefix}/feed.xml")


def _fourteen_megabytes() -> bytes:
    paragraph = "<p>The harbour council met again on Thursday to discuss the tide tables.</p>\n"
    filler = paragraph * (14 * 1024 * 1024 // len(paragraph))
    return GRAIN.html().replace(b"<article>", b"<article>" + filler.encode())


def _nested(depth: int) -> bytes:
    return (
        "<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "</body></html>"
    ).encode()


UNFETCHABLE_LINKS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Odd links</title>'
    b"<item><title>Passwords</title><link>file:///etc/passwd</link></item>"
    b"<item><title>Gopher</title><link>gopher://127.0.0.1:70/1</link></item>"
    b"</channel></rss>"
)
UTF7_ENTITY = (
    b'<?xml version="1.0" encoding="utf-7"?><!DOCTYPE rss [+ADw-!ENTITY a "aaaaaaaaaa"+AD4-]>'
    b'<rss version="2.0"><channel><title>+ACY-a;</title></channel></rss>'
)


def cases(closed_port: int) -> dict[str, Case]:
    """Every hostile case, by a readable name (the test's id)."""
    drip_seconds = 60  # far longer than the fetch deadline: only the deadline ends it
    return {
        # --- Malformed responses to the feed request ------------------------------------
        "a status line that is not HTTP": Case(
            FEED, feed_answering(raw(b"\x00\x01garbage\r\n\r\n")), "malformed response"
        ),
        "two Content-Lengths that disagree": Case(
            FEED,
            feed_answering(
                raw(OK + XML + b"Content-Length: 5\r\nContent-Length: 500\r\n\r\n" + FEED_BODY)
            ),
            "malformed response",
        ),
        "a Content-Length longer than the body": Case(
            FEED,
            feed_answering(raw(OK + XML + b"Content-Length: 50000\r\n\r\n" + FEED_BODY)),
            "connection closed after",
        ),
        "no Content-Length and a connection held open": Case(
            FEED, feed_answering(raw(OK + XML + b"\r\n" + FEED_BODY, hold=30)), "sent nothing"
        ),
        "a chunk size that is not hexadecimal": Case(
            FEED,
            feed_answering(raw(OK + XML + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n")),
            "malformed response",
        ),
        "a chunk cut short": Case(
            FEED,
            feed_answering(raw(OK + XML + b"Transfer-Encoding: chunked\r\n\r\nfff\r\n<rss>")),
            "closed in the middle of the body",
        ),
        "a feed sent at one byte per second": Case(
            FEED,
            feed_answering(raw(OK + XML + b"\r\n", then=b"<", every=1.0, times=drip_seconds)),
            "timed out",
        ),
        "a hundred thousand headers": Case(
            FEED, feed_answering(raw(OK + b"X-A: b\r\n" * 100_000)), "malformed response"
        ),
        "headers that never end": Case(
            FEED,
            feed_answering(raw(OK, then=b"X-Drip: y\r\n", every=0.2, times=5 * drip_seconds)),
            "timed out",
        ),
        # --- Hostile documents in a well-formed response --------------------------------
        "a feed of 100,000 nested elements": Case(
            FEED,
            feed_body(
                b'<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>'
                + b"<x>" * 100_000
                + b"</x>" * 100_000
                + b"</channel></rss>"
            ),
            "",
        ),
        "a feed of invalid UTF-8": Case(
            FEED, feed_body(FEED_BODY.replace(b"Port reopens", b"Port \xff\xfe reopens")), ""
        ),
        "an EBCDIC feed declaring entities": Case(
            FEED,
            feed_body(ENTITY_FEED.format(encoding="cp037").encode("cp037")),
            "entity declarations are not allowed",
        ),
        "a UTF-7 feed declaring entities": Case(
            FEED, feed_body(UTF7_ENTITY), "entity declarations are not allowed"
        ),
        "a feed naming an external DTD": Case(FEED, external_dtd, "", untouched=("/evil.dtd",)),
        "a feed linking to file:// and gopher:// pages": Case(
            FEED,
            feed_body(UNFETCHABLE_LINKS),
            "2 entries link to something other than http(s)",
            ends="healthy",
        ),
        "a redirect chain to cloud metadata": Case(
            FEED, redirect_chain("http://169.254.169.254/latest/meta-data/"), "refused"
        ),
        "a redirect chain to a private network address": Case(
            FEED, redirect_chain("http://10.20.30.40/feed.xml"), "refused"
        ),
        "a redirect chain to another local port": Case(
            FEED, redirect_chain(f"http://127.0.0.1:{closed_port}/feed.xml"), "refused"
        ),
        # --- A sound feed listing a hostile page ----------------------------------------
        "a 14 MB page": Case(ARTICLE, page_body(_fourteen_megabytes()), "too large"),
        "a page of 100,000 nested elements": Case(
            ARTICLE, page_body(_nested(100_000)), "no article text found"
        ),
        "a page of invalid UTF-8": Case(
            ARTICLE,
            page_body(
                GRAIN.html().replace(b"</article>", b"<p>Port \xff\xfe reopens</p></article>")
            ),
            "",
        ),
        "an EBCDIC page": Case(
            ARTICLE,
            page_body(
                GRAIN.html()
                .replace(b"charset='utf-8'", b"charset='cp037'")
                .decode()
                .encode("cp037", errors="xmlcharrefreplace"),
                {"Content-Type": "text/html; charset=cp037"},
            ),
            "",
        ),
        "a UTF-7 page": Case(
            ARTICLE,
            page_body(
                GRAIN.html()
                .replace(b"charset='utf-8'", b"charset='utf-7'")
                .decode()
                .encode("utf-7"),
                {"Content-Type": "text/html; charset=utf-7"},
            ),
            "",
        ),
        "a page sent at one byte per second": Case(
            ARTICLE,
            page_answering(
                raw(
                    OK + b"Content-Type: text/html\r\n\r\n",
                    then=b"<",
                    every=1.0,
                    times=drip_seconds,
                )
            ),
            "timed out",
            ends="retrying",
        ),
        "a page redirecting to cloud metadata": Case(
            ARTICLE, page_redirecting_to("http://169.254.169.254/latest/meta-data/"), "refused"
        ),
        "a page that is always busy": Case(
            ARTICLE,
            page_answering(lambda request: request.reply(503, b"busy")),
            "gave up after 6 attempts",
            final=True,
        ),
    }
