import uuid

import pytest

from tests.httpserver import LocalHTTPServer


@pytest.fixture
def server(local_http_server: LocalHTTPServer, settings) -> LocalHTTPServer:  # type: ignore[no-untyped-def]
    """The session's loopback server, which this process may fetch from too."""
    settings.FACTCHECK_FETCH_ALLOW_HOSTS = [f"127.0.0.1:{local_http_server.port}"]
    return local_http_server


@pytest.fixture
def prefix() -> str:
    """A path prefix of this test's own, on the shared server."""
    return f"/{uuid.uuid4().hex[:10]}"
