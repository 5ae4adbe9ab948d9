import gzip
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from claims.pipeline.fetch import (
    ARTICLE,
    FEED,
    Fetcher,
    FetchPolicy,
    HostLimiter,
    parse_retry_after,
)
from claims.pipeline.fetch_errors import (
    BadContentType,
    BadURL,
    BlockedAddress,
    ConnectionFailed,
    HTTPStatusError,
    Timeout,
    TooLarge,
    TooManyRedirects,
)
from claims.pipeline.netguard import parse_allow_hosts
from tests.httpserver import LocalHTTPServer, Request

HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = b"<html><body><p>Hello</p></body></html>"


def policy_for(server: LocalHTTPServer, **overrides: object) -> FetchPolicy:
    settings: dict[str, object] = {
        "allow_hosts": frozenset({("127.0.0.1", server.port), ("news.example", server.port)}),
        "deadline": 1.0,
        "connect_timeout": 0.5,
        "read_timeout": 0.5,
        **overrides,
    }
    return FetchPolicy(**settings)  # type: ignore[arg-type]


def fetcher_for(server: LocalHTTPServer, **overrides: object) -> Fetcher:
    # "news.example" stands for a publisher: the fake DNS points it at the test server.
    def resolver(host: str, port: int) -> list[str]:
        return {"news.example": ["127.0.0.1"], "localhost": ["127.0.0.1"]}.get(
            host, ["93.184.216.34"]
        )

    return Fetcher(policy_for(server, **overrides), resolver=resolver, limiter=HostLimiter(2))


def drip(first: bytes, interval: float, count: int):
    def handler(request: Request) -> None:
        request.wfile.write(first)
        try:
            for _ in range(count):
                time.sleep(interval)
                request.wfile.write(b"x")
                request.wfile.flush()
        except OSError:
            pass  # the client gave up, as it should

    return handler


def stream(headers: bytes, chunk: bytes, count: int):
    def handler(request: Request) -> None:
        request.wfile.write(headers)
        try:
            for _ in range(count):
                request.wfile.write(chunk)
        except OSError:
            pass

    return handler


def test_it_fetches_an_html_page(local_http: LocalHTTPServer) -> None:
    local_http.respond("/story", 200, PAGE, {**HTML, "ETag": '"v1"'})

    result = fetcher_for(local_http).fetch(local_http.url("/story"))

    assert (result.status, result.body, result.content_type, result.charset) == (
        200,
        PAGE,
        "text/html",
        "utf-8",
    )
    assert result.etag == '"v1"' and result.not_modified is False
    assert result.final_url == local_http.url("/story")


def test_it_sends_an_honest_user_agent_and_the_real_host_name(local_http: LocalHTTPServer) -> None:
    local_http.respond("/story", 200, PAGE, HTML)

    fetcher_for(local_http).fetch(local_http.url("/story", host="news.example"))

    sent = local_http.request_headers[0]
    assert sent["user-agent"] == "FactcheckDesk/0.1 (+newsroom fact-check monitor)"
    assert sent["host"] == f"news.example:{local_http.port}"


def test_it_resolves_each_host_once_and_connects_to_that_address(
    local_http: LocalHTTPServer,
) -> None:
    local_http.respond("/story", 200, PAGE, HTML)
    lookups: list[str] = []

    def rebinding_resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"] if len(lookups) == 1 else ["169.254.169.254"]

    fetcher = Fetcher(policy_for(local_http), resolver=rebinding_resolver, limiter=HostLimiter(2))
    result = fetcher.fetch(local_http.url("/story", host="news.example"))

    assert result.status == 200 and lookups == ["news.example"]


def test_it_sends_validators_and_reports_not_modified(local_http: LocalHTTPServer) -> None:
    stamp = "Tue, 03 Nov 2026 10:00:00 GMT"

    def conditional(request: Request) -> None:
        if request.headers.get("If-None-Match") == '"v1"' and (
            request.headers.get("If-Modified-Since") == stamp
        ):
            request.reply(304, headers={"ETag": '"v1"'})
        else:
            request.reply(200, PAGE, {**HTML, "ETag": '"v1"', "Last-Modified": stamp})

    local_http.route("/feed", conditional)
    fetcher = fetcher_for(local_http)

    first = fetcher.fetch(local_http.url("/feed"), kind=ARTICLE)
    second = fetcher.fetch(
        local_http.url("/feed"), etag=first.etag, last_modified=first.last_modified
    )

    assert first.last_modified == stamp
    assert (second.status, second.not_modified, second.body) == (304, True, b"")


def test_it_reports_retry_after_seconds_on_429(local_http: LocalHTTPServer) -> None:
    local_http.respond("/busy", 429, b"slow down", {"Retry-After": "120"})

    with pytest.raises(HTTPStatusError) as caught:
        fetcher_for(local_http).fetch(local_http.url("/busy"))

    assert (caught.value.status, caught.value.retry_after, caught.value.transient) == (
        429,
        120.0,
        True,
    )


def test_it_reports_retry_after_given_as_a_date_on_503(local_http: LocalHTTPServer) -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    local_http.respond("/down", 503, b"", {"Retry-After": later})

    with pytest.raises(HTTPStatusError) as caught:
        fetcher_for(local_http).fetch(local_http.url("/down"))

    assert caught.value.transient is True
    assert 80 <= (caught.value.retry_after or 0) <= 90


def test_it_parses_retry_after_forms() -> None:
    now = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)

    assert parse_retry_after("30", now) == 30.0
    assert parse_retry_after("Tue, 03 Nov 2026 10:02:00 GMT", now) == 120.0
    assert parse_retry_after("Tue, 03 Nov 2026 09:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_it_treats_a_500_as_transient_and_succeeds_when_the_server_recovers(
    local_http: LocalHTTPServer,
) -> None:
    answers = iter([(500, b"oops"), (200, PAGE)])
    local_http.route("/flaky", lambda request: request.reply(*next(answers), HTML))
    fetcher = fetcher_for(local_http)

    with pytest.raises(HTTPStatusError) as caught:
        fetcher.fetch(local_http.url("/flaky"))
    assert caught.value.transient is True
    assert "HTTP 500" in caught.value.reason

    assert fetcher.fetch(local_http.url("/flaky")).body == PAGE


def test_it_treats_a_404_as_permanent(local_http: LocalHTTPServer) -> None:
    with pytest.raises(HTTPStatusError) as caught:
        fetcher_for(local_http).fetch(local_http.url("/missing"))

    assert (caught.value.status, caught.value.transient) == (404, False)


def test_it_cuts_a_slow_drip_at_the_total_deadline(local_http: LocalHTTPServer) -> None:
    # Each byte arrives well within the read timeout; only the total deadline stops it.
    local_http.route("/drip", drip(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n", 0.1, 100))
    started = time.monotonic()

    with pytest.raises(Timeout) as caught:
        fetcher_for(local_http).fetch(local_http.url("/drip"))

    assert time.monotonic() - started < 1.5
    assert caught.value.transient is True
    assert "timed out after 1 s" in caught.value.reason


def test_it_cuts_headers_dripped_slowly_at_the_total_deadline(local_http: LocalHTTPServer) -> None:
    local_http.route("/drip-headers", drip(b"HTTP/1.0 200 OK\r\nX-Slow: ", 0.1, 100))
    started = time.monotonic()

    with pytest.raises(Timeout):
        fetcher_for(local_http).fetch(local_http.url("/drip-headers"))

    assert time.monotonic() - started < 1.5


def test_it_refuses_a_50_mb_body_streamed_without_content_length(
    local_http: LocalHTTPServer,
) -> None:
    headers = b"HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n"
    local_http.route("/huge", stream(headers, b"x" * 1024 * 1024, 50))

    with pytest.raises(TooLarge) as caught:
        fetcher_for(local_http, deadline=5.0).fetch(local_http.url("/huge"), kind=FEED)

    assert caught.value.transient is False
    assert "larger than" in caught.value.reason


def test_it_refuses_an_announced_content_length_over_the_cap_before_reading(
    local_http: LocalHTTPServer,
) -> None:
    headers = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 52428800\r\n\r\n"
    local_http.route("/huge", stream(headers, b"x" * 1024, 1))

    with pytest.raises(TooLarge) as caught:
        fetcher_for(local_http).fetch(local_http.url("/huge"))

    assert "announced 52428800 bytes" in caught.value.reason


def test_it_stops_a_gzip_bomb_at_the_decoded_cap(local_http: LocalHTTPServer) -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    local_http.respond("/bomb", 200, bomb, {**HTML, "Content-Encoding": "gzip"})

    with pytest.raises(TooLarge) as caught:
        fetcher_for(local_http, deadline=5.0).fetch(local_http.url("/bomb"))

    assert len(bomb) < 15 * 1024 * 1024
    assert "decoded body is larger than 15 MB" in caught.value.reason


def test_it_decodes_a_gzipped_page(local_http: LocalHTTPServer) -> None:
    local_http.respond("/zipped", 200, gzip.compress(PAGE), {**HTML, "Content-Encoding": "gzip"})

    assert fetcher_for(local_http).fetch(local_http.url("/zipped")).body == PAGE


def test_it_refuses_an_image_where_a_page_was_expected(local_http: LocalHTTPServer) -> None:
    local_http.respond("/photo", 200, b"\x89PNG", {"Content-Type": "image/png"})

    with pytest.raises(BadContentType) as caught:
        fetcher_for(local_http).fetch(local_http.url("/photo"))

    assert caught.value.reason.endswith("sent 'image/png'")


def test_it_accepts_a_feed_served_without_a_content_type(local_http: LocalHTTPServer) -> None:
    local_http.respond("/feed", 200, b"<rss/>")

    assert fetcher_for(local_http).fetch(local_http.url("/feed"), kind=FEED).body == b"<rss/>"


def test_it_follows_a_relative_redirect(local_http: LocalHTTPServer) -> None:
    local_http.redirect("/old", "/new", status=301)
    local_http.respond("/new", 200, PAGE, HTML)

    result = fetcher_for(local_http).fetch(local_http.url("/old#top"))

    assert (result.url, result.final_url) == (local_http.url("/old#top"), local_http.url("/new"))


def test_it_refuses_a_redirect_to_loopback(local_http: LocalHTTPServer) -> None:
    local_http.redirect("/story", f"http://localhost:{local_http.port}/admin")

    with pytest.raises(BlockedAddress) as caught:
        fetcher_for(local_http).fetch(local_http.url("/story", host="news.example"))

    assert caught.value.reason == (
        "refused: localhost resolves to 127.0.0.1, which is a loopback address"
    )
    assert local_http.hits("/admin") == 0


def test_it_refuses_a_redirect_to_127_0_0_1_on_another_port(local_http: LocalHTTPServer) -> None:
    local_http.redirect("/story", "http://127.0.0.1:6379/")

    with pytest.raises(BlockedAddress) as caught:
        fetcher_for(local_http).fetch(local_http.url("/story", host="news.example"))

    assert caught.value.reason == "refused: 127.0.0.1 is a loopback address"


def test_it_refuses_a_redirect_to_cloud_metadata(local_http: LocalHTTPServer) -> None:
    local_http.redirect("/story", "http://169.254.169.254/latest/meta-data/")

    with pytest.raises(BlockedAddress) as caught:
        fetcher_for(local_http).fetch(local_http.url("/story"))

    assert (
        caught.value.reason == "refused: 169.254.169.254 is a link-local address (cloud metadata)"
    )
    assert caught.value.transient is False


def test_it_refuses_a_redirect_to_ipv6_loopback(local_http: LocalHTTPServer) -> None:
    local_http.redirect("/story", f"http://[::1]:{local_http.port}/")

    with pytest.raises(BlockedAddress, match="::1 is a loopback address"):
        fetcher_for(local_http).fetch(local_http.url("/story"))


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0x7f.1/",
        "http://017700000001/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://127.0.0.1./",
        "http://0.0.0.0/",
        "http://[::]/",
    ],
)
def test_it_refuses_odd_spellings_of_local_addresses(url: str) -> None:
    with pytest.raises(BlockedAddress, match="^refused: "):
        Fetcher(FetchPolicy()).fetch(url)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://news.example/feed.xml",
        "gopher://news.example:70/",
        "dict://news.example:2628/",
        "data:text/html,<p>hi</p>",
        "//news.example/feed.xml",
        "http://user:secret@news.example/",
        "http:///no-host",
        "http://news.example:99999/",
    ],
)
def test_it_refuses_urls_it_does_not_fetch(url: str) -> None:
    with pytest.raises(BadURL, match="^refused: "):
        Fetcher(FetchPolicy()).fetch(url)


@pytest.mark.parametrize(
    "answers",
    [
        ["10.0.0.1"],
        ["172.16.0.1"],
        ["192.168.1.1"],
        ["169.254.169.254"],
        ["100.64.0.1"],
        ["0.0.0.0"],
        ["192.0.0.1"],
        ["224.0.0.1"],
        ["::1"],
        ["::ffff:127.0.0.1"],
        ["::ffff:10.0.0.1"],
        ["fd00::1"],
        ["fe80::1"],
        ["64:ff9b::a00:1"],
        ["2002:7f00:1::1"],
        ["93.184.216.34", "::1"],
    ],
)
def test_it_refuses_a_host_resolving_to_a_non_public_address(answers: list[str]) -> None:
    fetcher = Fetcher(FetchPolicy(), resolver=lambda host, port: answers)

    with pytest.raises(BlockedAddress, match="^refused: evil.example resolves to "):
        fetcher.fetch("http://evil.example/")


def test_it_refuses_too_many_redirects(local_http: LocalHTTPServer) -> None:
    for hop in range(6):
        local_http.redirect(f"/r{hop}", f"/r{hop + 1}")
    local_http.respond("/r6", 200, PAGE, HTML)

    with pytest.raises(TooManyRedirects, match="gave up after 5 redirects"):
        fetcher_for(local_http).fetch(local_http.url("/r0"))
    assert local_http.hits("/r6") == 0

    assert fetcher_for(local_http).fetch(local_http.url("/r1")).body == PAGE


def test_the_allow_list_permits_only_the_named_port(local_http: LocalHTTPServer) -> None:
    local_http.respond("/story", 200, PAGE, HTML)
    policy = FetchPolicy(
        allow_hosts=parse_allow_hosts(f"127.0.0.1:{local_http.port}"), deadline=1.0
    )

    assert Fetcher(policy).fetch(local_http.url("/story")).status == 200
    with pytest.raises(BlockedAddress, match="loopback"):
        Fetcher(policy).fetch(f"http://127.0.0.1:{local_http.port + 1}/story")


def test_it_refuses_loopback_when_the_allow_list_is_empty(local_http: LocalHTTPServer) -> None:
    local_http.respond("/story", 200, PAGE, HTML)

    with pytest.raises(BlockedAddress):
        Fetcher(FetchPolicy()).fetch(local_http.url("/story"))
    assert local_http.hits("/story") == 0


def test_it_keeps_to_the_per_host_limit(local_http: LocalHTTPServer) -> None:
    def slow(request: Request) -> None:
        time.sleep(0.2)
        request.reply(200, PAGE, HTML)

    local_http.route("/slow", slow)
    fetcher = fetcher_for(local_http, deadline=3.0)
    threads = [
        threading.Thread(target=fetcher.fetch, args=(local_http.url("/slow"),)) for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert local_http.hits("/slow") == 6
    assert local_http.max_concurrent == 2


def test_it_gives_up_waiting_for_a_busy_host_at_the_deadline() -> None:
    limiter = HostLimiter(1)
    busy = pytest.raises(Timeout, match="free connection slot")
    with limiter.slot("news.example", 0), busy, limiter.slot("news.example", 0.05):
        pass


def test_it_reports_a_refused_connection_as_transient(local_http: LocalHTTPServer) -> None:
    closed_port = local_http.port
    local_http.stop()

    with pytest.raises(ConnectionFailed) as caught:
        Fetcher(policy_for(local_http)).fetch(f"http://127.0.0.1:{closed_port}/")

    assert caught.value.transient is True


def test_it_ignores_proxy_settings_in_the_environment(
    local_http: LocalHTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9/")
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9/")
    local_http.respond("/story", 200, PAGE, HTML)

    assert fetcher_for(local_http).fetch(local_http.url("/story")).status == 200
