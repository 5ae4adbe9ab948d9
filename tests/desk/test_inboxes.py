"""The feedback inbox, the feeds page and the speaker registry."""

import json

import pytest

from claims.models import Claim, Feed, Speaker, SpeakerAlias
from reviews.models import Feedback, ReviewEvent

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def report(db) -> Feedback:
    return Feedback.objects.create(
        url="https://elsewhere.example/page",
        canonical_url="https://elsewhere.example/page",
        category=Feedback.Category.FACTUAL_ERROR,
        message="The year is wrong.",
    )


def test_the_inbox_lists_open_reports(client, alice, report) -> None:
    client.force_login(alice)

    html = client.get("/desk/feedback/").content.decode()

    assert "The year is wrong." in html
    assert "Not routed" in html
    assert "Convert to claim" not in html  # only editors convert


def test_staff_route_a_report_to_a_claim_in_place(client, alice, report, claim) -> None:
    client.force_login(alice)

    response = client.post(
        f"/desk/feedback/{report.pk}/route/", {"kind": "claim", "target_id": claim.pk}, **HTMX
    )

    assert (
        json.loads(response["HX-Trigger"])["desk-message"]["text"] == f"Routed to claim {claim.pk}."
    )
    assert response.content.decode().lstrip().startswith(f'<tr id="feedback-{report.pk}"')
    report.refresh_from_db()
    assert report.status == Feedback.Status.ROUTED and report.claim == claim


def test_routing_to_a_missing_claim_says_so(client, alice, report) -> None:
    client.force_login(alice)

    response = client.post(
        f"/desk/feedback/{report.pk}/route/", {"kind": "claim", "target_id": "999999"}, **HTMX
    )

    assert "There is no claim 999999." in response.content.decode()
    assert Feedback.objects.get(pk=report.pk).status == Feedback.Status.NEW


def test_an_editor_converts_a_report_into_a_flagged_claim(client, erin, report) -> None:
    client.force_login(erin)

    client.post(f"/desk/feedback/{report.pk}/convert/", **HTMX)

    report.refresh_from_db()
    assert report.claim.status == Claim.Status.FLAGGED
    assert ReviewEvent.objects.filter(feedback=report, action="feedback_converted").exists()


def test_a_checker_cannot_convert_a_report(client, alice, report) -> None:
    client.force_login(alice)

    response = client.post(f"/desk/feedback/{report.pk}/convert/", **HTMX)

    assert "Only editors turn reader reports into claims." in response.content.decode()
    assert Feedback.objects.get(pk=report.pk).claim_id is None


@pytest.mark.parametrize(
    ("action", "status"), [("spam", Feedback.Status.SPAM), ("resolve", Feedback.Status.RESOLVED)]
)
def test_staff_close_reports(client, alice, report, action: str, status: str) -> None:
    client.force_login(alice)

    client.post(f"/desk/feedback/{report.pk}/{action}/", **HTMX)

    assert Feedback.objects.get(pk=report.pk).status == status


def test_an_unknown_inbox_action_is_a_404(client, alice, report) -> None:
    client.force_login(alice)

    assert client.post(f"/desk/feedback/{report.pk}/explode/").status_code == 404


def test_poll_now_queues_a_poll_after_commit(
    client, erin, django_capture_on_commit_callbacks
) -> None:
    feed = Feed.objects.create(url="https://feeds.example/rss", name="Example")
    client.force_login(erin)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(f"/desk/feeds/{feed.pk}/poll/", **HTMX)

    assert len(callbacks) == 1
    assert "Polling Example now" in json.loads(response["HX-Trigger"])["desk-message"]["text"]


def test_a_checker_cannot_poll_feeds(client, alice) -> None:
    feed = Feed.objects.create(url="https://feeds.example/rss", name="Example")
    client.force_login(alice)

    assert client.post(f"/desk/feeds/{feed.pk}/poll/").status_code == 403


def test_a_bad_feed_url_is_explained_on_the_form(client, erin) -> None:
    client.force_login(erin)

    response = client.post("/desk/feeds/", {"url": "ftp://x.example/feed"})

    assert response.status_code == 400
    assert not Feed.objects.exists()


def test_an_editor_edits_a_speaker_and_sets_its_body(client, erin, velin) -> None:
    kremlin = Speaker.objects.create(name="The Kremlin", key="the kremlin", kind="organisation")
    client.force_login(erin)

    client.post(
        f"/desk/speakers/{velin.pk}/",
        {
            "name": "Arkady Velin",
            "title": "Kremlin press secretary",
            "kind": "person",
            "is_official": "on",
            "official_reason": "title: press secretary",
            "body": kremlin.pk,
        },
    )

    velin.refresh_from_db()
    assert velin.body == kremlin and velin.edited_by_staff
    assert velin.title == "Kremlin press secretary"


def test_a_loop_of_bodies_is_refused_with_a_message(client, erin, velin) -> None:
    kremlin = Speaker.objects.create(
        name="The Kremlin", key="the kremlin", kind="organisation", body=None
    )
    velin.kind = "organisation"
    velin.save()
    kremlin.body = velin
    kremlin.save()
    client.force_login(erin)

    response = client.post(
        f"/desk/speakers/{velin.pk}/",
        {"name": velin.name, "kind": "organisation", "body": kremlin.pk},
    )

    assert response.status_code == 400
    assert "That would make a loop" in response.content.decode()
    assert Speaker.objects.get(pk=velin.pk).body is None


def test_aliases_are_added_and_removed(client, erin, velin) -> None:
    client.force_login(erin)

    client.post(f"/desk/speakers/{velin.pk}/aliases/", {"alias": "Velin"})
    alias = SpeakerAlias.objects.get(speaker=velin)
    client.post(f"/desk/speakers/{velin.pk}/aliases/{alias.pk}/remove/")

    assert alias.alias == "Velin"
    assert not SpeakerAlias.objects.exists()


def test_a_checker_reads_but_cannot_edit_the_registry(client, alice, velin) -> None:
    client.force_login(alice)

    page = client.get(f"/desk/speakers/{velin.pk}/").content.decode()
    response = client.post(f"/desk/speakers/{velin.pk}/", {"name": "X", "kind": "person"})

    assert "Save speaker" not in page
    assert response.status_code == 403
    assert Speaker.objects.get(pk=velin.pk).name == "Arkady Velin"


def test_an_unknown_claim_gets_the_styled_404(client, alice) -> None:
    client.force_login(alice)

    response = client.get("/desk/claims/999999/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
