"""Storing an article's statements: a fixed number of queries, one claim per statement repeated."""

import pytest
from django.db import connection

from claims import duplicates
from claims.duplicates import best_match
from claims.models import Appearance, Article, Claim
from claims.pipeline.trigrams import similarity
from claims.services import articles, speakers

pytestmark = pytest.mark.django_db

OFFICIALS = [
    ("Prime Minister", "Adrian Kell"),
    ("Finance Minister", "Ilse Varnholt"),
    ("Health Minister", "Amara Quist"),
    ("Interior Minister", "Piet Harmsen"),
]
TOPICS = ["grain exports", "water rates", "rail fares", "hospital beds"]


def article(n: int, statements: int) -> Article:
    """Newswire text with `statements` official statements, each with its own figure."""
    sentences = [
        f"{title} {name} said spending on {TOPICS[i % 4]} had risen by {n * 10 + i} percent "
        "since last year."
        for i, (title, name) in enumerate((OFFICIALS * 4)[:statements])
    ]
    return articles.article_submit(
        actor=None,
        url=f"https://wire.example/{n}-{statements}",
        title=f"Spending report {n}",
        text="VELMORA — " + " ".join(sentences),
        enqueue=False,
    )


@pytest.mark.parametrize("statements", [2, 8])
def test_storing_an_article_costs_the_same_queries_however_many_statements_it_has(
    statements: int, django_assert_max_num_queries
) -> None:
    articles.article_ingest(article_id=article(1, 8).pk)  # the officials are known now
    speakers.detection_lookups()  # and the registry rebuilt for them, as in a steady stream
    second = article(2, statements)

    with django_assert_max_num_queries(16):
        result = articles.article_ingest(article_id=second.pk)

    assert result.status == "extracted" and result.claims_created == statements
    assert Appearance.objects.filter(article=second, claim__isnull=False).count() == statements


def test_a_statement_repeated_in_one_article_is_one_claim_with_two_appearances() -> None:
    quote = "Prime Minister Adrian Kell said grain exports had doubled since last year."
    text = f"VELMORA — {quote} Farmers welcomed the news. {quote}"
    submitted = articles.article_submit(
        actor=None, url="https://wire.example/twice", text=text, enqueue=False
    )

    articles.article_ingest(article_id=submitted.pk)

    claim = Claim.objects.get(speaker__name="Adrian Kell")
    assert claim.appearances.count() == 2 and claim.appearance_count == 2


def test_a_denial_never_joins_a_claim_that_was_ever_asserted() -> None:
    articles.article_ingest(article_id=article(1, 1).pk)
    claim = Claim.objects.get()
    first = claim.appearances.get()
    # A later sighting that neither asserts nor denies: the claim was still asserted once.
    Appearance.objects.create(
        **{
            f.name: getattr(first, f.name)
            for f in Appearance._meta.concrete_fields
            if f.name not in ("id", "article", "content_start", "stance")
        },
        article=article(3, 1),
        content_start=first.content_start,
        stance="questions",
    )

    match = best_match(speaker=claim.speaker, text=claim.text, stance="denies")

    assert match is None
    assert best_match(speaker=claim.speaker, text=claim.text, stance="asserts").claim == claim


SENTENCES = [
    "Spending on grain exports had risen by 12 percent since last year.",
    "spending on grain exports has risen by 12 per cent since last year",
    "The bridge will reopen in May, three months early.",
    "Les dépenses de santé ont augmenté de 4 % depuis mars.",
    "Straße, Größe und Maßnahmen: die Regierung widersprach.",
    "a_b-c d'e 2.3 million tonnes",
    "",
]


def test_the_trigram_similarity_used_for_matching_is_postgresqls() -> None:
    with connection.cursor() as cursor:
        for a in SENTENCES:
            for b in SENTENCES:
                cursor.execute("SELECT similarity(%s, %s)", [a, b])
                assert similarity(a, b) == pytest.approx(cursor.fetchone()[0], abs=1e-6), (a, b)


def test_an_old_claim_beyond_the_recent_window_still_matches_word_for_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(duplicates, "RECENT_CLAIMS", 3)
    kell = speakers.speaker_upsert(name="Adrian Kell", title="prime minister", official=True)
    old = Claim.objects.create(text="The grain reserve holds 2.3 million tonnes.", speaker=kell)
    for n in range(5):
        Claim.objects.create(text=f"Rail fares will fall by {n + 1} percent in May.", speaker=kell)

    repeated = best_match(speaker=kell, text="THE GRAIN RESERVE holds 2.3 million tonnes.")
    recent = best_match(speaker=kell, text="Rail fares will fall by 5 percent in May")

    assert repeated is not None and repeated.claim == old
    assert recent is not None and recent.claim.text == "Rail fares will fall by 5 percent in May."
