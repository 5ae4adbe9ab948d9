import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_login_page_has_the_django_auth_fields(client) -> None:
    response = client.get("/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    assert "/static/css/desk.css" in html


def test_signing_in_leads_to_the_desk(client, alice) -> None:
    response = client.post("/login/", {"username": "alice", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/desk/"


def test_a_wrong_password_is_refused_with_a_message(client, alice) -> None:
    response = client.post("/login/", {"username": "alice", "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_unknown_pages_get_the_styled_404_with_the_role_in_the_navigation(client, erin) -> None:
    client.force_login(erin)

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="role"' in html and ">editor<" in html
    assert "Editors&#x27; queue" in html or "Editors' queue" in html


def test_a_checker_does_not_see_the_editors_queue_in_the_navigation(client, alice) -> None:
    client.force_login(alice)

    html = client.get("/no-such-page/").content.decode()

    assert ">checker<" in html
    assert "Editors" not in html


def test_signing_out_needs_a_post_and_ends_the_session(client, alice) -> None:
    client.force_login(alice)

    response = client.post("/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_site_root_sends_readers_to_the_fact_checks_and_staff_to_the_desk(
    client, alice
) -> None:
    assert client.get("/")["Location"] == "/fact-checks/"

    client.force_login(alice)

    assert client.get("/")["Location"] == "/desk/"
