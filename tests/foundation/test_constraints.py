"""The invariants of the domain hold in the database itself, not only in code."""

import pytest
from django.db import IntegrityError, connection, transaction

from claims.models import Appearance, Article, Claim, ClaimLink, Speaker
from reviews.models import Feedback, Rating, Review, ReviewEvent

pytestmark = pytest.mark.django_db


def make_claim(text: str = "The bridge will reopen in May.") -> Claim:
    speaker = Speaker.objects.create(name="Mara Oduya", key="mara oduya", is_official=True)
    return Claim.objects.create(text=text, speaker=speaker)


def make_appearance(article: Article, claim: Claim, content_start: int) -> Appearance:
    return Appearance.objects.create(
        claim=claim,
        article=article,
        sentence="Mayor Mara Oduya said the bridge will reopen in May.",
        sentence_start=0,
        sentence_end=52,
        source="Mayor Mara Oduya",
        source_start=0,
        source_end=16,
        cue="said",
        cue_start=17,
        cue_end=21,
        content="the bridge will reopen in May",
        content_start=content_start,
        content_end=content_start + 29,
        detector_version="test",
    )


def assert_violates(name: str, create) -> None:
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    if connection.vendor == "postgresql":
        assert name in str(error.value)


def test_one_article_per_canonical_url() -> None:
    Article.objects.create(
        url="https://a.example/x?utm_source=y", canonical_url="https://a.example/x"
    )

    assert_violates(
        "one_article_per_canonical_url",
        lambda: Article.objects.create(
            url="https://a.example/x", canonical_url="https://a.example/x"
        ),
    )


def test_one_appearance_per_article_and_offset() -> None:
    article = Article.objects.create(url="https://a.example/1", canonical_url="https://a.example/1")
    claim = make_claim()
    make_appearance(article, claim, 22)

    assert_violates(
        "one_appearance_per_article_offset", lambda: make_appearance(article, claim, 22)
    )


def test_at_most_one_open_review_per_claim(alice, bob) -> None:
    claim = make_claim()
    Review.objects.create(claim=claim, assignee=alice)

    assert_violates(
        "one_open_review_per_claim", lambda: Review.objects.create(claim=claim, assignee=bob)
    )


def test_an_approver_is_never_the_reviews_author(alice) -> None:
    claim = make_claim()

    assert_violates(
        "approver_is_not_author",
        lambda: Review.objects.create(claim=claim, assignee=alice, approved_by=alice),
    )


def test_states_outside_their_choices_are_refused() -> None:
    assert_violates(
        "claim_status_valid",
        lambda: make_claim().__class__.objects.create(text="x", status="maybe"),
    )


def test_a_dismissed_claim_needs_a_reason() -> None:
    assert_violates(
        "dismissed_claim_has_reason",
        lambda: Claim.objects.create(text="x", status=Claim.Status.DISMISSED),
    )


def test_a_claim_cannot_link_to_itself() -> None:
    claim = make_claim()

    assert_violates(
        "link_not_self",
        lambda: ClaimLink.objects.create(
            from_claim=claim, to_claim=claim, kind="duplicate", score=1.0
        ),
    )


def test_feedback_keeps_an_email_only_with_consent() -> None:
    assert_violates(
        "feedback_email_needs_consent",
        lambda: Feedback.objects.create(
            url="https://a.example/",
            canonical_url="https://a.example/",
            category="other",
            message="hi",
            email="reader@example.org",
        ),
    )


def test_the_default_rating_scale_is_seeded() -> None:
    assert list(Rating.objects.values_list("slug", flat=True)) == [
        "true",
        "mostly-true",
        "half-true",
        "mostly-false",
        "false",
        "unproven",
    ]


def test_review_events_cannot_be_edited_or_deleted(alice) -> None:
    claim = make_claim()
    event = ReviewEvent.objects.create(claim=claim, actor=alice, action="flagged")

    event.note = "rewritten"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        ReviewEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(PermissionError):
        ReviewEvent.objects.all().delete()


def test_review_events_refuse_raw_sql_updates_on_postgresql(alice) -> None:
    claim = make_claim()
    event = ReviewEvent.objects.create(claim=claim, actor=alice, action="flagged")
    if connection.vendor != "postgresql":
        pytest.fail("This suite runs on PostgreSQL (make test provides it).")

    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE reviews_reviewevent SET note = 'x' WHERE id = %s", [event.pk])
