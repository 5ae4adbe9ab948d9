import pytest
from django.test import Client

from reviews.models import Feedback, ReviewEvent

pytestmark = pytest.mark.django_db

PAGE = "https://news.example.org/unknown-page"


def report(**fields: object) -> dict:
    return {"url": PAGE, "category": "other", "message": "The caption is wrong.", **fields}


def test_a_reader_reports_an_error_without_logging_in(api) -> None:
    response = api.post("/api/v1/feedback/", report(passage="the caption"), format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["detail"].startswith("Thank you")
    stored = Feedback.objects.get(pk=body["id"])
    assert (stored.url, stored.passage, stored.message) == (
        PAGE,
        "the caption",
        "The caption is wrong.",
    )
    assert body["status"] == stored.status == "new"
    assert ReviewEvent.objects.filter(feedback=stored, action="feedback_received").exists()


def test_the_address_is_kept_only_as_a_salted_hash(api) -> None:
    api.post("/api/v1/feedback/", report(), format="json", REMOTE_ADDR="203.0.113.7")

    stored = Feedback.objects.get()
    assert len(stored.client_hash) == 64
    assert "203.0.113.7" not in stored.client_hash
    assert not Feedback.objects.filter(client_hash__contains="203").exists()


def test_an_email_is_kept_only_with_consent(api) -> None:
    without = api.post("/api/v1/feedback/", report(email="r@example.org"), format="json")
    with_consent = api.post(
        "/api/v1/feedback/",
        report(email="r@example.org", email_consent=True, message="Another problem."),
        format="json",
    )

    assert without.json()["email_kept"] is False
    assert with_consent.json()["email_kept"] is True
    assert Feedback.objects.get(pk=without.json()["id"]).email == ""
    assert Feedback.objects.get(pk=with_consent.json()["id"]).email == "r@example.org"


def test_a_filled_honeypot_is_answered_like_a_real_report_but_kept_as_spam(api) -> None:
    real = api.post("/api/v1/feedback/", report(), format="json").json()
    bot = api.post("/api/v1/feedback/", report(website="http://cheap.example"), format="json")

    assert bot.status_code == 201
    assert bot.json().keys() == real.keys()
    assert bot.json()["status"] == "new" and bot.json()["detail"] == real["detail"]
    stored = Feedback.objects.get(pk=bot.json()["id"])
    assert stored.status == "spam" and stored.claim is None and stored.review is None


@pytest.mark.parametrize("field", ["url", "passage", "message", "email"])
def test_script_tags_in_any_field_are_stored_as_plain_text_or_refused(api, field) -> None:
    values = {
        "url": PAGE + "?q=<script>alert(1)</script>",
        "passage": "<script>alert(1)</script>the <b>caption</b>",
        "message": "<script>alert(1)</script>The <i>caption</i> is wrong & misleading.",
        "email": "<script>alert(1)</script>@example.org",
    }
    body = report(**{field: values[field]}, email_consent=True)

    response = api.post("/api/v1/feedback/", body, format="json")

    if field == "email":
        assert response.status_code == 400
        assert response.json()["detail"] == "email: that is not an email address."
        assert response.json()["field"] == "email"
        assert not Feedback.objects.exists()
        return
    assert response.status_code == 201
    stored = Feedback.objects.get()
    for value in (stored.url, stored.canonical_url, stored.passage, stored.message):
        assert "<" not in value and "alert(1)" not in value
    assert stored.passage in ("", "the caption")
    if field == "message":
        assert stored.message == "The caption is wrong & misleading."


def test_a_message_that_was_only_markup_is_refused_with_a_reason(api) -> None:
    response = api.post("/api/v1/feedback/", report(message="<script>x()</script>"), format="json")

    assert response.status_code == 400
    assert response.json()["detail"] == "message: tell us what is wrong."


@pytest.mark.parametrize(
    ("field", "limit"), [("url", 2000), ("passage", 2000), ("message", 5000), ("email", 254)]
)
def test_oversized_input_is_refused_naming_the_field(api, field, limit) -> None:
    long = {
        "url": PAGE + "?" + "a" * limit,
        "passage": "p" * (limit + 1),
        "message": "m" * (limit + 1),
        "email": "e" * limit + "@example.org",
    }[field]

    response = api.post("/api/v1/feedback/", report(**{field: long}), format="json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}: at most {limit} characters")
    assert response.json()["field"] == field
    assert not Feedback.objects.exists()


def test_a_body_past_the_upload_limit_is_refused_as_too_large(api) -> None:
    response = api.post("/api/v1/feedback/", report(message="m" * 2_000_000), format="json")

    assert response.status_code == 413
    assert not Feedback.objects.exists()


def test_missing_or_unknown_fields_get_a_clear_message(api) -> None:
    missing = api.post("/api/v1/feedback/", {"url": PAGE}, format="json")
    unknown = api.post("/api/v1/feedback/", report(category="praise"), format="json")
    relative = api.post("/api/v1/feedback/", report(url="not a page"), format="json")

    assert missing.status_code == 400 and missing.json()["detail"].startswith("category:")
    assert unknown.status_code == 400 and unknown.json()["detail"].startswith("category:")
    assert relative.status_code == 400 and relative.json()["detail"].startswith("url:")


# --- The HTML form -------------------------------------------------------------


def test_the_form_is_prefilled_with_the_page_it_came_from(client: Client) -> None:
    html = client.get(
        "/feedback/", {"url": "https://desk.example/fact-checks/x-1/"}
    ).content.decode()

    assert 'value="https://desk.example/fact-checks/x-1/"' in html
    assert 'class="honeypot"' in html and 'name="website"' in html


def test_sending_the_form_shows_a_confirmation_even_without_cookies() -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post("/feedback/", {**report(), "category": "grammar"}, follow=True)

    assert response.redirect_chain == [("/feedback/thanks/", 302)]
    assert "Thank you" in response.content.decode()
    assert Feedback.objects.get().category == "grammar"


def test_a_form_problem_is_explained_on_the_form_with_the_text_kept(client: Client) -> None:
    response = client.post("/feedback/", report(message="x" * 5001, passage="keep me"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Your message: at most 5000 characters" in html
    assert "keep me" in html
    assert not Feedback.objects.exists()


def test_the_form_asks_for_consent_before_keeping_an_email(client: Client) -> None:
    response = client.post("/feedback/", report(email="r@example.org"))

    assert response.status_code == 200
    assert "tick the box that lets us email you" in response.content.decode()
    assert not Feedback.objects.exists()


def test_script_in_the_form_is_shown_back_escaped(client: Client) -> None:
    response = client.post("/feedback/", report(url="<script>alert(1)</script>"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
