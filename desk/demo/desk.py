"""Editorial work for the demo desk, done through the same services people use.

One claim is published as a fact-check, one is being researched and one waits
in the editors' queue, so every page of the desk has something to show.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from claims.models import Claim
from reviews.models import Rating, Review
from reviews.services import (
    claim_assign,
    evidence_add,
    review_approve,
    review_edit,
    review_start,
    review_submit,
)


def _claim(containing: str) -> Claim | None:
    return Claim.objects.filter(text__icontains=containing).order_by("pk").first()


def _research(
    claim: Claim,
    checker: User,
    editor: User,
    evidence: list[dict],
    rating: str,
    summary: str,
    explanation: str,
) -> Review:
    review, _ = claim_assign(claim_id=claim.pk, actor=editor, assignee=checker)
    review = review_start(review_id=review.pk, actor=checker)
    for item in evidence:
        evidence_add(claim_id=claim.pk, actor=checker, **item)
    return review_edit(
        review_id=review.pk,
        actor=checker,
        expected_version=review.version,
        rating=Rating.objects.get(slug=rating),
        summary=summary,
        explanation=explanation,
    )


def load_desk_work() -> None:
    """Skipped once any review exists, so loading the demo twice changes nothing."""
    if Review.objects.exists():
        return
    users = get_user_model().objects.in_bulk(["alice", "bob", "erin"], field_name="username")
    alice, bob, erin = users["alice"], users["bob"], users["erin"]

    bridge = _claim("bridge will reopen")
    if bridge is not None:
        review = _research(
            bridge,
            alice,
            erin,
            [
                {
                    "url": "https://portcalder.example/engineering/harbour-bridge-inspection.pdf",
                    "title": "Harbour Street bridge: south pier inspection report",
                    "excerpt": "Corrosion of the south pier bearings will delay reopening "
                    "until August at the earliest.",
                    "stance": "refutes",
                    "primary_source": True,
                },
                {
                    "url": "https://calderledger.example/news/2026/11/harbour-bridge-reopening",
                    "title": "The Calder Ledger: bridge will reopen in May, mayor says",
                    "excerpt": "The mayor's timetable is three months ahead of the engineers'.",
                    "stance": "context",
                },
            ],
            rating="mostly-false",
            summary="The city's own engineers expect the bridge to reopen in August at the "
            "earliest, not in May.",
            explanation="The most recent inspection report of the south pier, published by the "
            "city's engineering department, sets August as the earliest date. The mayor's office "
            "called it an outdated draft but published no newer assessment.",
        )
        review_submit(review_id=review.pk, actor=alice)
        review_approve(review_id=review.pk, actor=erin, note="Checked against the report.")

    exports = _claim("no plan to restrict exports")
    if exports is not None:
        _research(
            exports,
            bob,
            erin,
            [
                {
                    "url": "https://agriculture.velmora.example/press/2026-11-17",
                    "title": "Ministry of Agriculture press release, 17 November",
                    "excerpt": "The ministry has not prepared any restriction on grain exports.",
                    "stance": "supports",
                    "primary_source": True,
                }
            ],
            rating="unproven",
            summary="A draft decree was reported by an anonymous official; the ministry denies it.",
            explanation="We have asked the ministry and the prime minister's office for the "
            "draft decree.",
        )

    rates = _claim("water rates")
    if rates is not None:
        review = _research(
            rates,
            alice,
            erin,
            [
                {
                    "url": "https://water.velmora.example/tariffs/2027",
                    "title": "National Water Board: 2027 tariff schedule",
                    "excerpt": "Household tariffs for 2027 are unchanged from 2026.",
                    "stance": "supports",
                    "primary_source": True,
                }
            ],
            rating="true",
            summary="The published 2027 tariff schedule leaves household water rates unchanged.",
            explanation="The water board's schedule for 2027 matches the minister's statement.",
        )
        review_submit(review_id=review.pk, actor=alice)
