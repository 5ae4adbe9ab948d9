"""Signing in: tokens, 401 vs 403, CSRF on session writes, throttling and lockout."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from factcheck import auth
from reviews.models import Review
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token/"


def sign_in(username: str, password: str, ip: str = "10.0.0.1"):
    return APIClient(REMOTE_ADDR=ip).post(
        TOKEN_URL, {"username": username, "password": password}, format="json"
    )


def test_a_token_opens_the_api(alice) -> None:
    response = sign_in("alice", PASSWORD)

    assert response.status_code == 200
    token = response.json()["token"]
    assert Token.objects.get(user=alice).key == token
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/claims/").status_code == 200


def test_anonymous_callers_are_challenged_and_bad_tokens_refused(alice) -> None:
    anonymous = APIClient().get("/api/v1/claims/")
    forged = APIClient(HTTP_AUTHORIZATION="Token not-a-real-token").get("/api/v1/claims/")

    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"] == "Token"
    assert forged.status_code == 401


def test_an_unknown_user_and_a_wrong_password_get_the_same_answer(alice) -> None:
    unknown = sign_in("mallory", "whatever")
    wrong = sign_in("alice", "wrong-password")

    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json()


def test_five_failures_from_one_address_lock_that_address_out_of_the_account(alice) -> None:
    answers = [sign_in("alice", "wrong", ip="10.0.0.2").status_code for _ in range(5)]

    locked = sign_in("alice", PASSWORD, ip="10.0.0.2")

    # The fifth failure already answers that the account is now locked.
    assert answers == [401, 401, 401, 401, 429]
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.json()["detail"]
    assert 0 < int(locked["Retry-After"]) <= 900
    assert not Token.objects.exists()


def test_an_attacker_cannot_lock_the_real_user_out_from_elsewhere(alice) -> None:
    for _ in range(5):
        sign_in("ALICE", "wrong", ip="203.0.113.9")

    elsewhere = sign_in("alice", PASSWORD, ip="10.0.0.3")

    assert elsewhere.status_code == 200
    assert Token.objects.filter(user=alice).exists()


def test_a_distributed_guess_slows_unknown_devices_on_that_account(alice, settings) -> None:
    for n in range(settings.FACTCHECK_LOCKOUT_ACCOUNT_FAILURES):
        auth.register_failure("alice", f"198.51.100.{n}")

    first = sign_in("alice", "guess-1", ip="192.0.2.50")
    second = sign_in("alice", "guess-2", ip="192.0.2.51")

    assert first.status_code in (401, 429)  # its own try, counted
    assert second.status_code == 429
    wait = int(second["Retry-After"])
    assert 0 < wait <= settings.FACTCHECK_LOCKOUT_ACCOUNT_INTERVAL


def test_the_right_password_gets_in_from_an_unknown_device_after_the_wait(
    alice, settings, monkeypatch
) -> None:
    for n in range(settings.FACTCHECK_LOCKOUT_ACCOUNT_FAILURES):
        auth.register_failure("alice", f"198.51.100.{n}")
    sign_in("alice", "guess", ip="192.0.2.50")
    assert sign_in("alice", PASSWORD, ip="192.0.2.60").status_code == 429
    now = auth.time.time()

    # The clock of the cache too: the account's slot expires with its entry.
    later = now + settings.FACTCHECK_LOCKOUT_ACCOUNT_INTERVAL
    monkeypatch.setattr(auth.time, "time", lambda: later)

    assert sign_in("alice", PASSWORD, ip="192.0.2.60").status_code == 200


def test_a_known_device_is_never_slowed_by_a_distributed_guess(alice, settings) -> None:
    browser = Client(REMOTE_ADDR="192.0.2.77")
    browser.post("/login/", {"username": "alice", "password": PASSWORD})
    browser.post("/logout/")
    for n in range(settings.FACTCHECK_LOCKOUT_ACCOUNT_FAILURES):
        auth.register_failure("alice", f"198.51.100.{n}")
    sign_in("alice", "guess", ip="192.0.2.50")  # the attacker holds the account's slot

    answers = []
    for _ in range(3):
        browser.post("/login/", {"username": "alice", "password": PASSWORD})
        answers.append(browser.session.get("_auth_user_id"))
        browser.post("/logout/")

    assert answers == [str(alice.pk)] * 3


def test_a_signed_in_session_keeps_working_during_an_attack(alice, settings) -> None:
    browser = Client()
    browser.post("/login/", {"username": "alice", "password": PASSWORD})
    for n in range(settings.FACTCHECK_LOCKOUT_ACCOUNT_FAILURES):
        auth.register_failure("alice", f"198.51.100.{n}")
    for _ in range(5):
        sign_in("alice", "wrong", ip="203.0.113.9")

    assert browser.get("/desk/").status_code == 200


def test_the_lock_lifts_after_the_cool_off(alice, monkeypatch) -> None:
    for _ in range(5):
        sign_in("alice", "wrong")
    assert sign_in("alice", PASSWORD).status_code == 429
    now = auth.time.time()

    monkeypatch.setattr(auth.time, "time", lambda: now + 901)

    assert sign_in("alice", PASSWORD).status_code == 200


def test_a_success_resets_the_failure_count(alice) -> None:
    for _ in range(4):
        sign_in("alice", "wrong")
    assert sign_in("alice", PASSWORD).status_code == 200

    for _ in range(4):
        sign_in("alice", "wrong")

    assert sign_in("alice", PASSWORD).status_code == 200


def test_one_address_trying_many_usernames_is_locked(alice, settings) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}  # throttle rates unchanged
    for n in range(20):
        auth.register_failure(f"user{n}", "10.9.9.9")

    assert sign_in("alice", PASSWORD, ip="10.9.9.9").status_code == 429
    assert sign_in("alice", PASSWORD, ip="10.9.9.8").status_code == 200


def test_the_admin_login_is_locked_out_too(alice) -> None:
    for _ in range(5):
        sign_in("alice", "wrong", ip="10.0.0.1")
    client = Client(REMOTE_ADDR="10.0.0.1")

    client.post("/admin/login/", {"username": "alice", "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_the_token_endpoint_is_throttled(alice) -> None:
    answers = [sign_in("alice", PASSWORD).status_code for _ in range(11)]

    assert answers == [200] * 10 + [429]


def test_session_writes_need_a_csrf_token(alice, claim) -> None:
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(username="alice", password=PASSWORD)
    path = f"/api/v1/claims/{claim.pk}/assign/"

    refused = client.post(path, {"assignee": "alice"}, format="json")
    client.get("/desk/")  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(path, {"assignee": "alice"}, format="json", HTTP_X_CSRFTOKEN=token)

    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert accepted.status_code == 201
    assert Review.objects.filter(claim=claim, assignee=alice).count() == 1
