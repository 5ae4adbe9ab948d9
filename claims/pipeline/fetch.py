"""Polite, SSRF-safe HTTP GET for feeds and article pages.

One `Fetcher.fetch` call:
1. checks the URL (http/https only, no credentials, no odd IP spellings);
2. resolves the host once and refuses it if any address is not public,
   unless the host is on the policy's allow-list;
3. connects to a vetted address (never resolving again), sending the real
   Host header and, for https, SNI and certificate checks for the real name;
4. sends If-None-Match / If-Modified-Since when given, and an honest User-Agent;
5. follows redirects itself, repeating 1-4 for every hop;
6. checks the content type before reading, then streams the body, decoding
   gzip/deflate incrementally, stopping at the byte cap and at the total deadline.

Nothing here sleeps or retries: errors say whether they are transient and carry
Retry-After, and the Celery task decides. Concurrency per host is limited within
a process by `HostLimiter`; across worker processes the Celery concurrency
setting is what bounds it.
"""

import contextlib
import http.client
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import certifi

from claims.pipeline.fetch_errors import (
    BadContentType,
    BadURL,
    ConnectionFailed,
    FetchError,
    HTTPStatusError,
    MalformedResponse,
    Timeout,
    TooLarge,
    TooManyRedirects,
)
from claims.pipeline.inflate import SUPPORTED_ENCODINGS, Inflater
from claims.pipeline.netguard import (
    AllowEntry,
    Target,
    parse_target,
    vet_addresses,
)

DEFAULT_USER_AGENT = "FactcheckDesk/0.1 (+newsroom fact-check monitor)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_SIZE = 64 * 1024
# Longer waits are a server's mistake or a trick; the feed's own backoff caps at a day too.
MAX_RETRY_AFTER = 24 * 3600.0

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class ContentKind:
    """What a caller expects back: the Accept header sent and the types accepted."""

    name: str
    accept_header: str
    types: frozenset[str]


FEED = ContentKind(
    "a feed",
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
    frozenset(
        {
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
            "application/x-rss+xml",
            "application/x-atom+xml",
            "application/xml",
            "text/xml",
            "text/plain",
            # A missing Content-Type counts as this (RFC 9110 §8.3); feeds are often served so.
            "application/octet-stream",
        }
    ),
)
FACTCHECK_SOURCE = ContentKind(
    "a feed or a ClaimReview data feed",
    "application/ld+json, application/json, " + FEED.accept_header,
    FEED.types | frozenset({"application/json", "application/ld+json", "text/json"}),
)
ARTICLE = ContentKind(
    "an HTML page",
    "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5",
    frozenset({"text/html", "application/xhtml+xml", "text/plain"}),
)


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = DEFAULT_USER_AGENT
    allow_hosts: frozenset[AllowEntry] = frozenset()
    max_bytes: int = 15 * 1024 * 1024
    deadline: float = 30.0  # seconds for the whole fetch, redirects and body included
    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # longest silence tolerated from the server
    max_redirects: int = 5
    per_host_limit: int = 2


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested
    final_url: str  # after redirects, without fragment
    status: int
    headers: dict[str, str] = field(repr=False)  # lower-cased names
    body: bytes = field(repr=False)  # decoded (gzip/deflate undone); empty on 304
    content_type: str  # media type only, lower-cased, e.g. "text/html"
    charset: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    elapsed: float


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP-date)."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() is true too
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(MAX_RETRY_AFTER, max(0.0, (when - (now or datetime.now(UTC))).total_seconds()))


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class HostLimiter:
    """At most `per_host` requests in flight to one host name, within this process."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._lock = threading.Lock()
        # One semaphore per host ever seen; a worker talks to a bounded set of outlets.
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def slot(self, host: str, wait: float) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        if not semaphore.acquire(timeout=max(0.0, wait)):
            raise Timeout(f"timed out waiting for a free connection slot to {host}")
        try:
            yield
        finally:
            semaphore.release()


_shared_limiters: dict[int, HostLimiter] = {}
_shared_lock = threading.Lock()
# getaddrinfo cannot be interrupted; running it here lets the deadline stop waiting for it.
_resolver_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="fetch-dns")


def shared_limiter(per_host: int) -> HostLimiter:
    with _shared_lock:
        return _shared_limiters.setdefault(per_host, HostLimiter(per_host))


class Fetcher:
    def __init__(
        self,
        policy: FetchPolicy,
        *,
        resolver: Resolver = system_resolver,
        limiter: HostLimiter | None = None,
    ) -> None:
        self.policy = policy
        self._resolver = resolver
        self._limiter = limiter or shared_limiter(policy.per_host_limit)
        self._tls = ssl.create_default_context(cafile=certifi.where())

    def fetch(
        self,
        url: str,
        *,
        kind: ContentKind = ARTICLE,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        started = time.monotonic()
        deadline = _Deadline(self.policy.deadline)
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept": kind.accept_header,
            "Accept-Encoding": ", ".join(SUPPORTED_ENCODINGS),
            "Connection": "close",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for hop in range(self.policy.max_redirects + 1):
            target = parse_target(current)
            response = self._exchange(target, headers, kind, deadline)
            if response.location is None:
                return response.result(url, time.monotonic() - started)
            if hop == self.policy.max_redirects:
                break
            current = _redirect_target(target, response.location)
        raise TooManyRedirects(
            f"gave up after {self.policy.max_redirects} redirects (last to {current})", url=url
        )

    def _exchange(
        self, target: Target, headers: dict[str, str], kind: ContentKind, deadline: "_Deadline"
    ) -> "_Response":
        addresses = self._addresses(target, deadline)
        with self._limiter.slot(target.host, deadline.remaining()):
            connection = self._connect(target, addresses, deadline)
            try:
                connection.request("GET", target.request_target, headers=headers)
                response = connection.getresponse()
                # Headers cut short by the watchdog look complete to http.client.
                deadline.check(f"waiting for {target.host} to answer", target.url)
                return self._read(target, response, kind, deadline)
            except FetchError:
                raise
            except TimeoutError as error:
                deadline.check(f"talking to {target.host}", target.url)
                raise Timeout(
                    f"{target.host} sent nothing for {self.policy.read_timeout:g} s",
                    url=target.url,
                ) from error
            except http.client.HTTPException as error:
                deadline.check(f"talking to {target.host}", target.url)
                raise _protocol_error(target, error) from error
            except OSError as error:
                deadline.check(f"talking to {target.host}", target.url)
                raise ConnectionFailed(
                    f"connection to {target.host} failed: {_describe(error)}", url=target.url
                ) from error
            finally:
                deadline.disarm()
                connection.close()

    def _addresses(self, target: Target, deadline: "_Deadline") -> list[str]:
        if target.literal_ip is not None:
            addresses = [str(target.literal_ip)]
        else:
            future = _resolver_pool.submit(self._resolver, target.host, target.port)
            try:
                addresses = future.result(timeout=deadline.remaining())
            except FutureTimeout as error:
                raise Timeout(f"timed out resolving {target.host}", url=target.url) from error
            except socket.gaierror as error:
                raise ConnectionFailed(
                    f"could not resolve {target.host}: {error.strerror}",
                    url=target.url,
                    transient=error.errno == socket.EAI_AGAIN,
                ) from error
        return vet_addresses(target, addresses, self.policy.allow_hosts)

    def _connect(
        self, target: Target, addresses: list[str], deadline: "_Deadline"
    ) -> http.client.HTTPConnection:
        opener = _PinnedSocket(addresses, self.policy, deadline)
        if target.scheme == "https":
            return _PinnedHTTPSConnection(target.host, target.port, opener, self._tls)
        return _PinnedHTTPConnection(target.host, target.port, opener)

    def _read(
        self,
        target: Target,
        response: http.client.HTTPResponse,
        kind: ContentKind,
        deadline: "_Deadline",
    ) -> "_Response":
        status = response.status
        headers = _lower_headers(response)
        if status in REDIRECT_STATUSES and headers.get("location"):
            return _Response(target.url, status, headers, b"", location=headers["location"])
        if status == 304:
            return _Response(target.url, status, headers, b"")
        if not 200 <= status < 300:
            raise HTTPStatusError(
                f"HTTP {status} {response.reason} from {target.url}",
                status=status,
                url=target.url,
                retry_after=parse_retry_after(headers.get("retry-after")),
            )
        media_type = _media_type(headers.get("content-type", ""))
        if media_type not in kind.types:
            raise BadContentType(
                f"refused: expected {kind.name} but {target.url} sent {media_type!r}",
                url=target.url,
            )
        body = self._read_body(target, response, headers, deadline)
        return _Response(target.url, status, headers, body)

    def _read_body(
        self,
        target: Target,
        response: http.client.HTTPResponse,
        headers: dict[str, str],
        deadline: "_Deadline",
    ) -> bytes:
        limit = self.policy.max_bytes
        declared = _content_length(target, headers)
        if declared is not None and declared > limit:
            raise TooLarge(
                f"refused: {target.url} announced {declared} bytes, over the {limit} byte limit",
                url=target.url,
            )
        inflater = Inflater(headers.get("content-encoding", ""), limit)
        received = 0
        while True:
            chunk = response.read1(CHUNK_SIZE)
            deadline.check(f"reading the body of {target.url}", target.url)
            if not chunk:
                break
            received += len(chunk)
            if received > limit:
                raise TooLarge(f"refused: the body is larger than {limit} bytes", url=target.url)
            inflater.feed(chunk)
        if declared is not None and received < declared:
            raise ConnectionFailed(
                f"connection closed after {received} of {declared} bytes", url=target.url
            )
        return inflater.finish()


@dataclass(frozen=True)
class _Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    location: str | None = None

    def result(self, requested: str, elapsed: float) -> FetchResult:
        content_type = self.headers.get("content-type", "")
        return FetchResult(
            url=requested,
            final_url=self.url,
            status=self.status,
            headers=self.headers,
            body=self.body,
            content_type=_media_type(content_type),
            charset=_charset(content_type),
            etag=self.headers.get("etag"),
            last_modified=self.headers.get("last-modified"),
            not_modified=self.status == 304,
            elapsed=elapsed,
        )


class _Deadline:
    """The total time budget, enforced by a watchdog that shuts the socket down.

    Socket timeouts bound each read, not the sum: a server dripping one byte per
    second would never trip them. When the budget runs out the watchdog shuts the
    connection down, which wakes whatever read is blocked on it.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._socket: socket.socket | None = None
        self.fired = False

    def remaining(self) -> float:
        return max(0.0, self._ends - time.monotonic())

    def check(self, doing: str, url: str) -> None:
        if self.fired or self.remaining() <= 0:
            raise Timeout(f"timed out after {self.seconds:g} s {doing}", url=url)

    def arm(self, sock: socket.socket) -> None:
        # A duplicate stays valid after TLS wrapping detaches the original object.
        with self._lock:
            self._socket = sock.dup()
            self._timer = threading.Timer(self.remaining(), self._fire)
            self._timer.daemon = True
            self._timer.start()

    def disarm(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self._socket is not None:
                self._socket.close()
            self._timer = self._socket = None

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._socket is not None:
                # Already closed by the other side is fine too.
                with contextlib.suppress(OSError):
                    self._socket.shutdown(socket.SHUT_RDWR)


class _PinnedSocket:
    """Opens the TCP connection to an address that was already vetted."""

    def __init__(self, addresses: list[str], policy: FetchPolicy, deadline: _Deadline) -> None:
        self._addresses = addresses
        self._policy = policy
        self._deadline = deadline

    def open(self, host: str, port: int) -> socket.socket:
        failures = []
        for address in self._addresses:
            self._deadline.check(f"connecting to {host}", host)
            timeout = min(self._policy.connect_timeout, self._deadline.remaining())
            try:
                sock = socket.create_connection((address, port), timeout=timeout)
            except OSError as error:
                failures.append(f"{address}: {_describe(error)}")
                continue
            sock.settimeout(min(self._policy.read_timeout, self._deadline.remaining()))
            self._deadline.arm(sock)
            return sock
        raise ConnectionFailed(f"could not connect to {host} ({'; '.join(failures)})")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, opener: _PinnedSocket) -> None:
        super().__init__(host, port)
        self._opener = opener

    def connect(self) -> None:
        self.sock = self._opener.open(self.host, self.port)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, opener: _PinnedSocket, tls: ssl.SSLContext) -> None:
        super().__init__(host, port, context=tls)
        self._opener = opener
        self._tls = tls

    def connect(self) -> None:
        raw = self._opener.open(self.host, self.port)
        try:
            # The certificate is checked against the name in the URL, not the IP.
            self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)
        except ssl.SSLCertVerificationError as error:
            raw.close()
            raise ConnectionFailed(
                f"TLS certificate of {self.host} is not valid: {error.verify_message}",
                transient=False,
            ) from error


def _lower_headers(response: http.client.HTTPResponse) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in response.getheaders():
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower() or "application/octet-stream"


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _content_length(target: Target, headers: dict[str, str]) -> int | None:
    """The announced body size; repeated headers must agree (RFC 9112 §6.3)."""
    if "content-length" not in headers or "transfer-encoding" in headers:
        return None  # chunked wins over a Content-Length, as http.client reads it
    values = {value.strip() for value in headers["content-length"].split(",")}
    if len(values) > 1:
        raise _malformed(target, "conflicting Content-Length headers")
    (value,) = values
    if not (value.isascii() and value.isdigit()):
        raise _malformed(target, "Content-Length is not a number")
    return int(value)


def _redirect_target(target: Target, location: str) -> str:
    try:
        return urljoin(target.url, location)
    except ValueError as error:
        raise BadURL(
            f"refused: {target.host} redirected to an invalid URL ({error})", url=target.url
        ) from error


def _protocol_error(target: Target, error: http.client.HTTPException) -> FetchError:
    """Tell a server that broke HTTP from a connection that dropped mid-answer."""
    if isinstance(error, http.client.RemoteDisconnected):
        return ConnectionFailed(
            f"{target.host} closed the connection without answering", url=target.url
        )
    if isinstance(error, http.client.IncompleteRead):
        if isinstance(error.__context__, ValueError):  # http.client's bad chunk size
            return _malformed(target, "bad chunk size")
        return ConnectionFailed(
            f"connection to {target.host} closed in the middle of the body", url=target.url
        )
    if isinstance(error, http.client.LineTooLong):
        return _malformed(target, "a line over 64 KB")
    if isinstance(error, http.client.BadStatusLine | http.client.UnknownProtocol):
        return _malformed(target, "bad status line")
    if "more than" in str(error) and "headers" in str(error):
        return _malformed(target, "more than 100 header lines")
    return _malformed(target, type(error).__name__)


def _malformed(target: Target, what: str) -> MalformedResponse:
    return MalformedResponse(f"{target.host} sent a malformed response ({what})", url=target.url)


def _describe(error: BaseException) -> str:
    return str(error) or type(error).__name__
