"""Which PostgreSQL database a bench script runs on, shared by the bench scripts."""

from __future__ import annotations

import os
from urllib.parse import urlparse


def bench_database_url(name: str) -> str:
    """BENCH_DATABASE_URL, else the database `name` on DATABASE_URL's server, else `name`
    on postgres://postgres@127.0.0.1:5432."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        return urlparse(server)._replace(path=f"/{name}").geturl()
    return f"postgres://postgres@127.0.0.1:5432/{name}"
