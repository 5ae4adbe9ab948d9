"""Issue 19.6: during a correction, the public page shows the published version's evidence only."""

import lxml.html
import pytest

from reviews.services import evidence_add, evidence_remove, review_correct

pytestmark = pytest.mark.django_db


def public_evidence(client, slug: str) -> list[str]:
    html = client.get(f"/fact-checks/{slug}/").content.decode()
    return [
        " ".join(li.text_content().split())
        for li in lxml.html.fromstring(html).xpath("//ul[@class='evidence']/li")
    ]


def test_draft_evidence_stays_off_the_public_page_until_the_correction_is_approved(
    client, publish, velin_claim, alice, erin
) -> None:
    review = publish(velin_claim)
    published = public_evidence(client, review.slug)
    [original] = velin_claim.evidence.all()
    review_correct(review_id=review.pk, actor=erin, note="A reader doubts the transcript.")

    evidence_add(
        claim_id=velin_claim.pk,
        actor=alice,
        url="https://palace.example.org/draft-memo",
        title="Unverified draft memo",
        stance="supports",
        primary_source=True,
    )
    evidence_remove(claim_id=velin_claim.pk, evidence_id=original.pk, actor=alice)

    assert published == ["Transcript of the April 26 briefing Primary source"]
    assert public_evidence(client, review.slug) == published
    assert review.versions.get().evidence[0]["title"] == "Transcript of the April 26 briefing"
