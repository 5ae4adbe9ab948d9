"""A non-official's statement stays on the article until an editor promotes it."""

import pytest

from claims.models import Appearance, Claim
from reviews.models import ReviewEvent
from tests.factories import speaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def witness_statement(claim: Claim) -> Appearance:
    """A shopkeeper quoted in the same article as the flagged claim."""
    article = claim.appearances.get().article
    hale = speaker("Petra Hale", "shop owner", official=False)
    return Appearance.objects.create(
        article=article,
        speaker=hale,
        sentence="Petra Hale said trade had fallen by a third.",
        sentence_start=0,
        sentence_end=10,
        source="Petra Hale",
        source_start=0,
        source_end=10,
        cue="said",
        cue_start=11,
        cue_end=15,
        content="trade on the street had fallen by a third since the closure",
        content_start=1000,
        content_end=1060,
        detector_version="test",
    )


def test_the_claim_page_lists_unflagged_statements_with_a_promote_button_for_editors(
    client, erin, claim, witness_statement
) -> None:
    client.force_login(erin)

    html = client.get(f"/desk/claims/{claim.pk}/").content.decode()

    assert "trade on the street had fallen by a third" in html
    assert f"/desk/appearances/{witness_statement.pk}/promote/" in html


def test_a_checker_sees_the_statement_but_cannot_promote_it(
    client, alice, claim, witness_statement
) -> None:
    client.force_login(alice)

    html = client.get(f"/desk/claims/{claim.pk}/").content.decode()
    response = client.post(f"/desk/appearances/{witness_statement.pk}/promote/")

    assert "trade on the street had fallen by a third" in html
    assert "/promote/" not in html
    assert response.status_code == 403
    witness_statement.refresh_from_db()
    assert witness_statement.claim is None


def test_an_editor_promotes_the_statement_to_a_flagged_claim_with_an_audit_event(
    client, erin, claim, witness_statement
) -> None:
    client.force_login(erin)

    response = client.post(f"/desk/appearances/{witness_statement.pk}/promote/")

    witness_statement.refresh_from_db()
    promoted = witness_statement.claim
    assert promoted is not None and promoted != claim
    assert promoted.status == Claim.Status.FLAGGED and not promoted.official
    assert response["Location"] == f"/desk/claims/{promoted.pk}/"
    assert ReviewEvent.objects.filter(claim=promoted, actor=erin, action="flagged").exists()
