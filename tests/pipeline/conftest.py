import ipaddress
import socket
from collections.abc import Iterator

import pytest

from tests.httpserver import LocalHTTPServer


@pytest.fixture
def local_http() -> Iterator[LocalHTTPServer]:
    """A loopback HTTP server; register routes with `.respond`, `.route`, `.redirect`."""
    server = LocalHTTPServer().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def only_loopback_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to open a connection outside 127.0.0.0/8."""
    real_create_connection = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        if not ipaddress.ip_address(address[0]).is_loopback:
            raise AssertionError(f"test tried to connect to {address[0]}")
        return real_create_connection(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)
