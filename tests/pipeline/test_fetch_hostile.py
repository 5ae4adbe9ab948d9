"""Malformed servers: every answer ends as a FetchError with a readable reason, in time.

Each server below writes raw bytes, as a broken or hostile publisher would. The
fetcher must never let anything but a FetchError escape (the caller records those
on the feed or article), and never take longer than its total deadline.
"""

import time

import pytest

from claims.pipeline.fetch import Fetcher, FetchPolicy, HostLimiter, parse_retry_after
from claims.pipeline.fetch_errors import (
    BadURL,
    ConnectionFailed,
    FetchError,
    HTTPStatusError,
    MalformedResponse,
    Timeout,
)
from tests.httpserver import LocalHTTPServer, Request, raw
from tests.pipeline.test_fetch import fetcher_for

OK_HTML = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"


HOSTILE = {
    "a status line that is not HTTP": (raw(b"\x00\x01garbage\r\n\r\n"), MalformedResponse),
    "a status code that is not a number": (raw(b"HTTP/1.1 abc OK\r\n\r\nhello"), MalformedResponse),
    "a status code of twenty digits": (
        raw(b"HTTP/1.1 99999999999999999999 x\r\n\r\n"),
        MalformedResponse,
    ),
    "a Content-Length that is not a number": (
        raw(OK_HTML + "Content-Length: ²\r\n\r\n<p>x</p>".encode("latin-1")),
        MalformedResponse,
    ),
    "two Content-Lengths that disagree": (
        raw(OK_HTML + b"Content-Length: 5\r\nContent-Length: 500\r\n\r\n<p>x</p>"),
        MalformedResponse,
    ),
    "a Content-Length longer than the body, then closing": (
        raw(OK_HTML + b"Content-Length: 5000\r\n\r\n<p>x</p>"),
        ConnectionFailed,
    ),
    "a Content-Length longer than the body, then silence": (
        raw(OK_HTML + b"Content-Length: 5000\r\n\r\n<p>x</p>", hold=5),
        Timeout,
    ),
    "a chunk size that is not hexadecimal": (
        raw(OK_HTML + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
        MalformedResponse,
    ),
    "a chunk cut short": (
        raw(OK_HTML + b"Transfer-Encoding: chunked\r\n\r\nff\r\nabc"),
        ConnectionFailed,
    ),
    "chunks that never end": (
        raw(
            OK_HTML + b"Transfer-Encoding: chunked\r\n\r\n",
            then=b"1\r\nx\r\n",
            every=0.05,
            times=100,
        ),
        Timeout,
    ),
    "a hundred thousand headers": (
        raw(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 100_000),
        MalformedResponse,
    ),
    "one endless header line": (
        raw(b"HTTP/1.1 200 OK\r\nX-A: " + b"b" * 1_000_000),
        MalformedResponse,
    ),
    "headers dripped one a while, for ever": (
        raw(b"HTTP/1.1 200 OK\r\n", then=b"X-Y: z\r\n", every=0.05, times=100),
        Timeout,
    ),
    "a status line dripped one byte a while": (raw(b"H", then=b"T", every=0.1, times=50), Timeout),
    "endless 100 Continue": (
        raw(b"", then=b"HTTP/1.1 100 Continue\r\n\r\n", every=0.02, times=200),
        Timeout,
    ),
    "a body dripped one byte a while": (
        raw(OK_HTML + b"\r\n", then=b"x", every=0.1, times=50),
        Timeout,
    ),
    "a gzip body that is not gzip": (
        raw(OK_HTML + b"Content-Encoding: gzip\r\n\r\nnot gzip at all"),
        FetchError,
    ),
    "a redirect to a broken URL": (
        raw(b"HTTP/1.1 302 Found\r\nLocation: http://[::1\r\nContent-Length: 0\r\n\r\n"),
        BadURL,
    ),
    "a redirect to gopher": (
        raw(b"HTTP/1.1 302 Found\r\nLocation: gopher://127.0.0.1:70/\r\nContent-Length: 0\r\n\r\n"),
        BadURL,
    ),
    "a Retry-After that is not a number": (
        raw("HTTP/1.1 503 Busy\r\nRetry-After: ²\r\nContent-Length: 0\r\n\r\n".encode("latin-1")),
        HTTPStatusError,
    ),
    "silence": (raw(b"", hold=5), Timeout),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_malformed_server_ends_as_a_fetch_error_with_a_readable_reason(
    local_http: LocalHTTPServer, case: str
) -> None:
    handler, expected = HOSTILE[case]
    local_http.route("/hostile", handler)
    started = time.monotonic()

    with pytest.raises(FetchError) as caught:
        fetcher_for(local_http, deadline=1.5).fetch(local_http.url("/hostile"))

    assert isinstance(caught.value, expected), caught.value
    assert time.monotonic() - started < 1.5 + 1.0  # the deadline, plus a scheduling margin
    assert caught.value.reason.isprintable() and len(caught.value.reason) < 300


def test_a_malformed_response_is_not_worth_retrying(local_http: LocalHTTPServer) -> None:
    local_http.route("/broken", raw(b"HTTP/1.1 abc OK\r\n\r\n"))

    with pytest.raises(MalformedResponse) as caught:
        fetcher_for(local_http).fetch(local_http.url("/broken"))

    assert caught.value.transient is False
    assert caught.value.reason == "127.0.0.1 sent a malformed response (bad status line)"


def test_a_body_cut_short_is_worth_retrying(local_http: LocalHTTPServer) -> None:
    local_http.route("/short", raw(OK_HTML + b"Content-Length: 5000\r\n\r\n<p>x</p>"))

    with pytest.raises(ConnectionFailed) as caught:
        fetcher_for(local_http).fetch(local_http.url("/short"))

    assert caught.value.transient is True
    assert caught.value.reason == "connection closed after 8 of 5000 bytes"


def test_repeated_equal_content_lengths_are_fine(local_http: LocalHTTPServer) -> None:
    local_http.route(
        "/twice", raw(OK_HTML + b"Content-Length: 8\r\nContent-Length: 8\r\n\r\n<p>x</p>")
    )

    assert fetcher_for(local_http).fetch(local_http.url("/twice")).body == b"<p>x</p>"


@pytest.mark.parametrize("value", ["²", "-5", "1e9", "soon", "99999999999999999999999"])
def test_retry_after_is_a_bounded_number_of_seconds_or_nothing(value: str) -> None:
    seconds = parse_retry_after(value)

    assert seconds is None or 0 <= seconds <= 24 * 3600


def test_the_real_30_second_deadline_covers_headers_and_body_together(
    local_http: LocalHTTPServer,
) -> None:
    # Each line arrives well inside the 15 s read timeout: only the total deadline ends it.
    status_and_headers = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    slow = raw(b"", then=b"X-Drip: y\r\n", every=1.0, times=12)

    def server(request: Request) -> None:
        request.wfile.write(status_and_headers)
        slow(request)  # 12 s of headers
        raw(b"\r\n", then=b"x", every=1.0, times=40)(request)  # then the body, a byte a second

    local_http.route("/slow", server)
    fetcher = Fetcher(
        FetchPolicy(allow_hosts=frozenset({("127.0.0.1", local_http.port)})),
        limiter=HostLimiter(2),
    )

    with pytest.raises(Timeout) as caught:
        fetcher.fetch(local_http.url("/slow"))

    assert FetchPolicy().deadline == 30.0
    assert caught.value.reason == (
        f"timed out after 30 s reading the body of {local_http.url('/slow')}"
    )
