"""Other publishers' fact-checks: where they come from, what they say, which claims they match.

They live beside claims because every new claim is compared with them while it is
filed, and the ingestion layer may not reach up into `reviews`. Imported by
`claims.models`, so Django registers them with the `claims` app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

# Seconds between polls: a source polled less than monthly is a source to pause instead.
MIN_SOURCE_POLL_INTERVAL = 60
MAX_SOURCE_POLL_INTERVAL = 30 * 24 * 3600
SOURCE_POLL_INTERVAL_BOUNDS = (
    f"poll_interval must be between {MIN_SOURCE_POLL_INTERVAL} seconds and "
    f"{MAX_SOURCE_POLL_INTERVAL // 86400} days ({MAX_SOURCE_POLL_INTERVAL} seconds)."
)

# What an operator reads to judge a source's health (the admin and the API show these).
HEALTH_FIELDS = [
    "kind",
    "etag",
    "last_modified",
    "last_polled_at",
    "last_success_at",
    "last_status",
    "last_error",
    "consecutive_failures",
    "next_poll_at",
    "last_created",
    "last_updated",
    "last_skipped",
    "skipped_reasons",
]


class FactCheckSource(models.Model):
    """An RSS/Atom feed of a publisher's fact-check pages, or a ClaimReview DataFeed."""

    class Kind(models.TextChoices):
        UNKNOWN = "unknown", "Not polled yet"
        FEED = "feed", "Feed of fact-check pages"
        DATA_FEED = "data_feed", "ClaimReview data feed"

    url = models.URLField(max_length=2000, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.UNKNOWN)
    active = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(default=3600, help_text="Seconds between polls.")
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    # Health, as for news feeds.
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # What the last import did, and why items were skipped (a bounded sample).
    last_created = models.PositiveIntegerField(default=0)
    last_updated = models.PositiveIntegerField(default=0)
    last_skipped = models.PositiveIntegerField(default=0)
    skipped_reasons = models.JSONField(default=list, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_interval__gte=MIN_SOURCE_POLL_INTERVAL),
                name="factcheck_source_interval_at_least_60s",
                violation_error_message=SOURCE_POLL_INTERVAL_BOUNDS,
            ),
            models.CheckConstraint(
                condition=Q(poll_interval__lte=MAX_SOURCE_POLL_INTERVAL),
                name="factcheck_source_interval_at_most_30_days",
                violation_error_message=SOURCE_POLL_INTERVAL_BOUNDS,
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["unknown", "feed", "data_feed"]),
                name="factcheck_source_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def healthy(self) -> bool:
        return self.consecutive_failures == 0


class FactCheckPage(models.Model):
    """One item page of a source's feed: fetched once, again only when the feed says it
    changed, so a poll costs one request for the feed and one for each new page."""

    source = models.ForeignKey(FactCheckSource, on_delete=models.CASCADE, related_name="pages")
    url = models.URLField(max_length=2000)
    entry_updated_at = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    checks_found = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "url"], name="one_page_per_source_url"),
        ]

    def __str__(self) -> str:
        return self.url


class ExternalFactCheck(models.Model):
    """A fact-check another publisher made, as its ClaimReview markup describes it."""

    source = models.ForeignKey(
        FactCheckSource,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fact_checks",
    )
    url = models.URLField(max_length=2000, unique=True)
    publisher = models.CharField(max_length=300)
    claim_reviewed = models.TextField()
    claimant = models.CharField(max_length=300, blank=True)
    claimant_title = models.CharField(max_length=300, blank=True)
    rating_text = models.CharField(max_length=300)
    # 0 = the publisher's worst rating, 1 = its best; empty when it gives no scale.
    rating_value = models.FloatField(null=True, blank=True)
    date_published = models.DateTimeField(null=True, blank=True)
    date_modified = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True, db_index=True)
    appearance_url = models.URLField(max_length=2000, blank=True)
    # A digest of the fields above: a second import of the same markup changes nothing.
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date_published", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating_value__isnull=True)
                | Q(rating_value__gte=0) & Q(rating_value__lte=1),
                name="external_rating_value_0_to_1",
            ),
            models.CheckConstraint(
                condition=~Q(claim_reviewed="") & ~Q(rating_text="") & ~Q(publisher=""),
                name="external_check_has_claim_rating_publisher",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.claim_reviewed[:60]}"


class ExternalMatch(models.Model):
    """An external fact-check that reads like a claim, found when the claim was filed."""

    class Decision(models.TextChoices):
        NONE = "", "Not acted on"
        ATTACHED = "attached", "Attached as evidence"
        DISMISSED = "dismissed", "Claim dismissed as already checked"

    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.CASCADE, related_name="external_matches"
    )
    fact_check = models.ForeignKey(
        ExternalFactCheck, on_delete=models.CASCADE, related_name="matches"
    )
    score = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)
    decision = models.CharField(max_length=16, choices=Decision.choices, default="", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "fact_check"], name="one_external_match_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="external_match_score_0_to_1"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=["", "attached", "dismissed"]),
                name="external_match_decision_valid",
            ),
        ]
        indexes = [models.Index(fields=["claim", "-score"], name="external_match_claim_idx")]

    def __str__(self) -> str:
        return f"{self.claim_id} ~ {self.fact_check_id}"
