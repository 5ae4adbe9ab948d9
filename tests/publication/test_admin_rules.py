"""Issue 14 case 4 and 19.7: the admin is for admins, and it follows the desk's rules.

Every admin model × every role; published work, its evidence and the audit
log are read-only; what the admin may still change on editorial objects is
audited; API tokens are never shown.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory
from rest_framework.authtoken.models import Token

from claims.models import Claim
from reviews.models import Evidence, Feedback, ReviewEvent
from reviews.roles import ADMIN
from reviews.services import staff_upsert
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

MODELS = sorted(model._meta.label_lower for model in admin.site._registry)

# What an admin may do with each model: (add, change, delete). "unpublished" means only
# for objects whose claim has no published fact-check.
ADMIN_RIGHTS = {
    "auth.group": (True, True, True),
    "auth.user": (True, True, True),
    "reviews.apitoken": (False, False, True),
    "claims.feed": (True, True, True),
    "claims.article": (False, False, False),
    "claims.speaker": (False, False, False),
    "claims.claim": (False, "unpublished", False),
    "claims.appearance": (False, False, False),
    "claims.claimlink": (False, False, False),
    "reviews.evidence": (False, "unpublished", "unpublished"),
    "claims.factchecksource": (True, True, True),
    "claims.externalfactcheck": (False, False, True),
    "claims.externalmatch": (False, False, True),
    "reviews.rating": (False, False, False),
    "reviews.review": (False, False, False),
    "reviews.reviewevent": (False, False, False),
    "reviews.feedback": (False, False, False),
    "reviews.comment": (False, False, False),
}


@pytest.fixture
def adam(db) -> User:
    return staff_upsert(username="adam", role=ADMIN, password=PASSWORD)[0]


def changelist(label: str) -> str:
    app, model = label.split(".")
    return f"/admin/{app}/{model}/"


def test_the_rights_table_names_every_admin_model() -> None:
    assert sorted(ADMIN_RIGHTS) == MODELS


@pytest.mark.parametrize("label", MODELS)
@pytest.mark.parametrize("role", ["alice", "erin"])
def test_checkers_and_editors_are_sent_to_the_desk(client, request, label: str, role: str) -> None:
    client.force_login(request.getfixturevalue(role))

    listing = client.get(changelist(label))
    adding = client.get(changelist(label) + "add/")

    assert (listing.status_code, listing["Location"]) == (302, "/desk/")
    assert (adding.status_code, adding["Location"]) == (302, "/desk/")


@pytest.mark.parametrize("label", MODELS)
def test_an_admin_reads_every_model(client, adam, label: str) -> None:
    client.force_login(adam)

    assert client.get(changelist(label)).status_code == 200


def published_claim(publish, velin_claim) -> Claim:
    publish(velin_claim)
    return velin_claim


@pytest.mark.parametrize("label", MODELS)
def test_an_admin_has_exactly_the_rights_of_the_table(
    adam, publish, velin_claim, marenko_claim, label: str
) -> None:
    model_admin = next(
        ma for model, ma in admin.site._registry.items() if model._meta.label_lower == label
    )
    request = RequestFactory().get("/admin/")
    request.user = adam
    published = published_claim(publish, velin_claim)
    add, change, delete = ADMIN_RIGHTS[label]
    samples = {
        "claims.claim": (published, marenko_claim),
        "reviews.evidence": (
            published.evidence.get(),
            Evidence.objects.create(
                claim=marenko_claim, url="https://x.example/a", title="A", stance="context"
            ),
        ),
    }

    assert model_admin.has_add_permission(request) is add
    if label in samples:
        on_published, on_draft = samples[label]
        assert model_admin.has_change_permission(request, on_published) is False
        assert model_admin.has_change_permission(request, on_draft) is (change == "unpublished")
        assert model_admin.has_delete_permission(request, on_published) is False
        assert model_admin.has_delete_permission(request, on_draft) is (delete == "unpublished")
        assert "delete_selected" not in model_admin.get_actions(request)
    else:
        assert model_admin.has_change_permission(request) is change
        assert model_admin.has_delete_permission(request) is delete


def test_a_checker_cannot_add_evidence_to_a_published_review_through_the_admin(
    client, alice, publish, velin_claim
) -> None:
    review = published_claim(publish, velin_claim).reviews.get()
    client.force_login(alice)

    response = client.post(
        "/admin/reviews/evidence/add/",
        {
            "claim": velin_claim.pk,
            "review": review.pk,
            "url": "https://fake.example/primary",
            "title": "A primary source nobody checked",
            "stance": "supports",
            "primary_source": "on",
        },
    )

    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert velin_claim.evidence.count() == 1


def test_nobody_edits_a_published_claims_text_in_the_admin(
    client, erin, adam, publish, velin_claim
) -> None:
    claim = published_claim(publish, velin_claim)
    original = claim.text
    for user in (erin, adam):
        client.force_login(user)
        client.post(
            f"/admin/claims/claim/{claim.pk}/change/",
            {"text": "Something the speaker never said.", "official": "on"},
        )

    claim.refresh_from_db()
    assert claim.text == original


def test_an_admin_edit_of_a_draft_claim_is_audited(client, adam, marenko_claim) -> None:
    client.force_login(adam)

    response = client.post(
        f"/admin/claims/claim/{marenko_claim.pk}/change/",
        {
            "text": "Ostrian troops fought in the Dorvask region.",
            "speaker": marenko_claim.speaker_id,
            "official": "on",
            "appearances-TOTAL_FORMS": "0",
            "appearances-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    marenko_claim.refresh_from_db()
    assert marenko_claim.text == "Ostrian troops fought in the Dorvask region."
    event = ReviewEvent.objects.get(claim=marenko_claim, action="admin_edited")
    assert event.actor == adam
    assert event.changes["text"][1] == "Ostrian troops fought in the Dorvask region."


def test_an_admin_removing_draft_evidence_is_audited(client, adam, marenko_claim) -> None:
    item = Evidence.objects.create(
        claim=marenko_claim, url="https://x.example/a", title="Old memo", stance="context"
    )
    client.force_login(adam)

    response = client.post(f"/admin/reviews/evidence/{item.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Evidence.objects.filter(pk=item.pk).exists()
    event = ReviewEvent.objects.get(claim=marenko_claim, action="admin_deleted")
    assert event.actor == adam and event.changes["evidence"]["title"] == "Old memo"


def test_api_tokens_are_masked_and_cannot_be_read_in_the_admin(client, adam, alice) -> None:
    token = Token.objects.create(user=alice)
    client.force_login(adam)

    listing = client.get("/admin/reviews/apitoken/").content.decode()
    detail = client.get(f"/admin/reviews/apitoken/{alice.pk}/change/").content.decode()
    revoking = client.get(f"/admin/reviews/apitoken/{alice.pk}/delete/").content.decode()

    assert alice.username in detail
    assert token.key not in listing + detail + revoking
    assert token.key[:4] + "…" in listing


def test_reporters_addresses_are_not_shown_to_checkers(client, alice) -> None:
    Feedback.objects.create(
        url="https://news.example/a",
        canonical_url="https://news.example/a",
        category="other",
        message="Typo.",
        email="reader@example.org",
        email_consent=True,
    )
    client.force_login(alice)

    response = client.get("/admin/reviews/feedback/", follow=True)

    assert "reader@example.org" not in response.content.decode()
