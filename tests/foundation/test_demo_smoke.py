"""The `make demo` path: SQLite, tasks in-process, a desk the demo editor can log into."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from desk.demo.load import DEMO_PASSWORD

BASE_DIR = Path(__file__).resolve().parents[2]


def demo_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        SECRET_KEY="demo-smoke-" + "Qw7rTy9UiOp3" * 5,
        DEBUG="0",
        FACTCHECK_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def demo_server(tmp_path: Path):
    env = demo_env(tmp_path)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    output = manage(env, "demo")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    yield base, output
    server.terminate()
    server.wait(timeout=10)


def sign_in(base: str, username: str) -> tuple[urllib.request.OpenerDirector, str]:
    """Sign in through /login/ as a person would; returns the session and the page landed on."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    login_page = opener.open(base + "/login/", timeout=5).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD}
    ).encode()
    request = urllib.request.Request(base + "/login/", data=form, headers={"Referer": base})
    return opener, opener.open(request, timeout=5).read().decode()


def test_demo_serves_a_desk_where_the_demo_editor_signs_in(demo_server) -> None:
    base, output = demo_server
    assert "erin" in output and "editor" in output and DEMO_PASSWORD in output
    assert "No hostname was supplied" not in output
    assert "/login/" in output and "/desk/" in output

    health = urllib.request.urlopen(base + "/healthz", timeout=5)
    assert health.status == 200
    published = urllib.request.urlopen(base + "/fact-checks/", timeout=5).read().decode()
    assert "Harbour Street bridge" in published

    editor, desk = sign_in(base, "erin")
    assert 'href="/desk/editor/"' in desk and "Triage" in desk
    # The admin is for administrators: the editor is sent back to the desk.
    assert "Site administration" not in editor.open(base + "/admin/", timeout=5).read().decode()
    administrator, _ = sign_in(base, "adam")
    admin_page = administrator.open(base + "/admin/", timeout=5).read().decode()
    assert "Site administration" in admin_page and "Claims" in admin_page
