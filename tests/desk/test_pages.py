"""Every staff page renders for the roles that may see it, and refuses the others."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Article, Feed
from reviews.models import Feedback
from tests.conftest import PASSWORD
from tests.factories import appearance, flagged_claim, submitted_review

pytestmark = pytest.mark.django_db

PAGES = [
    "/desk/",
    "/desk/reviews/",
    "/desk/feedback/",
    "/desk/speakers/",
    "/desk/dashboard/",
]
EDITOR_PAGES = ["/desk/editor/", "/desk/feeds/"]


@pytest.mark.parametrize("path", PAGES + EDITOR_PAGES + ["/desk/claims/1/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("path", PAGES + EDITOR_PAGES)
def test_an_editor_sees_every_page_with_the_navigation(client, erin, claim, path: str) -> None:
    client.force_login(erin)

    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert ">editor<" in html
    assert "/static/js/desk.js" in html


@pytest.mark.parametrize("path", PAGES)
def test_a_checker_sees_the_shared_pages(client, alice, claim, path: str) -> None:
    client.force_login(alice)

    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", EDITOR_PAGES)
def test_a_checker_gets_the_styled_403_on_editor_pages(client, alice, path: str) -> None:
    client.force_login(alice)

    response = client.get(path)

    assert response.status_code == 403
    html = response.content.decode()
    assert "You can't do that" in html
    assert "/static/css/desk.css" in html


def test_someone_without_a_desk_role_is_refused(client, db) -> None:
    nobody = get_user_model().objects.create_user("nora", password=PASSWORD)
    client.force_login(nobody)

    assert client.get("/desk/").status_code == 403


def test_the_claim_page_marks_source_cue_and_content(client, alice, claim) -> None:
    client.force_login(alice)

    html = client.get(f"/desk/claims/{claim.pk}/").content.decode()

    assert '<mark class="source">' in html
    assert '<mark class="cue">' in html and "dismissed" in html
    assert '<mark class="content" id="statement">' in html
    assert "reports of Ostrian troops in Dorvask are disinformation" in html


def test_the_review_page_shows_the_verdict_form_to_its_assignee(client, alice, review) -> None:
    client.force_login(alice)

    html = client.get(f"/desk/reviews/{review.pk}/").content.decode()

    assert 'id="verdict-form"' in html
    assert "Save and submit" in html
    assert "Approve and publish" not in html


def test_pages_with_data_render(client, alice, erin, frank, claim) -> None:
    submitted_review(claim, alice, erin)
    Feed.objects.create(
        url="https://feeds.example/rss",
        name="Example feed",
        last_error="boom",
        consecutive_failures=2,
    )
    Feedback.objects.create(
        url="https://news.example/x",
        canonical_url="https://news.example/x",
        category="factual_error",
        message="Wrong year",
    )
    client.force_login(frank)

    for path in (
        PAGES + EDITOR_PAGES + [f"/desk/claims/{claim.pk}/", f"/desk/speakers/{claim.speaker_id}/"]
    ):
        assert client.get(path).status_code == 200, path


def test_the_dashboard_counts_what_was_published(client, alice, erin, frank, claim) -> None:
    from reviews.services import review_approve

    review = submitted_review(claim, alice, erin)
    review_approve(review_id=review.pk, actor=frank)
    client.force_login(erin)

    response = client.get("/desk/dashboard/")

    html = response.content.decode()
    assert html.count("<svg") == 6
    assert "<title>False: 1</title>" in html
    assert "<title>Arkady Velin: 1</title>" in html  # top speakers by claims and by false
    assert response.context["median_hours"] is not None


def test_the_claim_page_shows_open_claims_that_read_alike(client, alice, claim, velin) -> None:
    twin = flagged_claim("reports of Ostrian troops in Dorvask were disinformation", who=velin)
    unrelated = flagged_claim("the new harbour ferry will run every ten minutes", who=velin)
    client.force_login(alice)

    html = client.get(f"/desk/claims/{claim.pk}/").content.decode()
    checked = html.split("Checked already?")[1].split("<h2>")[0]

    assert f"/desk/claims/{twin.pk}/" in checked
    assert f"/desk/claims/{unrelated.pk}/" not in checked
    assert f"/desk/claims/{claim.pk}/" not in checked


def test_the_claim_page_reads_the_text_of_the_shown_article_only(client, alice, claim) -> None:
    other = Article.objects.create(
        url="https://valleypost.example/dorvask",
        canonical_url="https://valleypost.example/dorvask",
        outlet="Valley Post",
        title="Dorvask denial",
        text="Press secretary Anton Velin dismissed reports of Ostrian troops in Dorvask.",
        status=Article.Status.EXTRACTED,
    )
    appearance(other, "reports of Ostrian troops in Dorvask", speaker=None, claim=claim)
    client.force_login(alice)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"/desk/claims/{claim.pk}/").content.decode()

    assert "Valley Post" in html and '<mark class="content" id="statement">' in html
    text_reads = [q["sql"] for q in queries if '"claims_article"."text"' in q["sql"]]
    assert len(text_reads) == 1
