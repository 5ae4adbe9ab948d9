"""A loopback HTTP server for tests: register a handler per path, count what arrives.

server.route("/feed.xml", lambda request: request.reply(200, body, {"Content-Type": ...}))
fetcher.fetch(server.url("/feed.xml"))
assert server.hits("/feed.xml") == 1
"""

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[["Request"], None]


class Request(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.0"  # the body ends when the connection closes

    def do_GET(self) -> None:  # noqa: N802 — name required by BaseHTTPRequestHandler
        owner = self.server.owner
        path = self.path.split("?", 1)[0]
        owner.record(self)
        handler = owner.handler_for(path)
        with owner.in_flight():
            if handler is None:
                self.reply(404, b"not found")
            else:
                handler(self)

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        """Send a complete response; Content-Length is added unless headers set it."""
        headers = {"Content-Length": str(len(body)), **(headers or {})}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: "LocalHTTPServer"


class LocalHTTPServer:
    def __init__(self) -> None:
        self._routes: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._hits: Counter[str] = Counter()
        self.request_headers: list[dict[str, str]] = []
        self.concurrent = 0
        self.max_concurrent = 0
        self._server = _Server(("127.0.0.1", 0), Request)
        self._server.owner = self
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> "LocalHTTPServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> None:
        self._routes[path] = handler

    def respond(
        self, path: str, status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> None:
        """Serve a fixed response at `path`."""
        self.route(path, lambda request: request.reply(status, body, headers))

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.respond(path, status, headers={"Location": location})

    def hits(self, path: str) -> int:
        return self._hits[path]

    def handler_for(self, path: str) -> Handler | None:
        return self._routes.get(path)

    def record(self, request: Request) -> None:
        with self._lock:
            self._hits[request.path.split("?", 1)[0]] += 1
            self.request_headers.append({k.lower(): v for k, v in request.headers.items()})

    def in_flight(self) -> "_InFlight":
        return _InFlight(self)


class _InFlight:
    """Counts requests being answered at once, for per-host concurrency tests."""

    def __init__(self, server: LocalHTTPServer) -> None:
        self._server = server

    def __enter__(self) -> None:
        with self._server._lock:
            self._server.concurrent += 1
            self._server.max_concurrent = max(self._server.max_concurrent, self._server.concurrent)

    def __exit__(self, *exc: object) -> None:
        with self._server._lock:
            self._server.concurrent -= 1


def raw(
    data: bytes, *, then: bytes = b"", every: float = 0.0, times: int = 0, hold: float = 0.0
) -> Handler:
    """A handler that writes `data`, then `then` every `every` seconds, then holds the line:
    raw bytes, as a broken or hostile server would send them."""

    def handler(request: Request) -> None:
        try:
            request.wfile.write(data)
            request.wfile.flush()
            for _ in range(times):
                time.sleep(every)
                request.wfile.write(then)
                request.wfile.flush()
            time.sleep(hold)
        except OSError:
            pass  # the client hung up, as it should

    return handler
