"""Feeds, articles, speakers, claims and where they appear."""

import re
from typing import Any, Self

from django.conf import settings
from django.db import connection, models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When

from claims.search import (
    Search,
    VectorMatches,
    named_speakers,
    planned_rows,
    table_rows,
    walk_counts,
    word_shares,
)


class FeedQuerySet(models.QuerySet["Feed"]):
    def with_article_count(self) -> "FeedQuerySet":
        return self.annotate(article_count=models.Count("article"))

    def with_recent_polls(self, count: int = 10) -> "FeedQuerySet":
        """Each feed's latest `count` polls as `recent_polls`, newest first, in one query."""
        latest = FeedPoll.objects.order_by("-id")[:count]
        return self.prefetch_related(
            models.Prefetch("polls", queryset=latest, to_attr="recent_polls")
        )


class Feed(models.Model):
    url = models.URLField(max_length=2000, unique=True)
    name = models.CharField(max_length=200)
    outlet = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(default=900, help_text="Seconds between polls.")
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    # Health: what an operator needs to see at a glance.
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_interval__gte=60), name="feed_poll_interval_at_least_60s"
            ),
            models.CheckConstraint(
                condition=Q(poll_interval__lte=7 * 24 * 3600),
                name="feed_poll_interval_at_most_a_week",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def healthy(self) -> bool:
        return self.consecutive_failures == 0


class FeedPoll(models.Model):
    """One poll of a feed, for its health history. Only the latest few are kept
    (claims.services.feeds.KEEP_POLLS), pruned as each new one is written."""

    class Status(models.TextChoices):
        OK = "ok", "OK"
        NOT_MODIFIED = "not_modified", "Not modified"
        FAILED = "failed", "Failed"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="polls")
    polled_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status.choices)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    new_items = models.PositiveIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["ok", "not_modified", "failed"]),
                name="feed_poll_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["feed", "-id"], name="feed_poll_latest_idx")]

    def __str__(self) -> str:
        return f"{self.feed_id} {self.status} at {self.polled_at:%Y-%m-%d %H:%M}"


class Article(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        EXTRACTED = "extracted", "Extracted"
        FAILED = "failed", "Failed"

    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL)
    url = models.URLField(max_length=2000)
    canonical_url = models.URLField(max_length=2000)
    guid = models.CharField(max_length=2000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=1000, blank=True)
    author = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=20, blank=True)
    text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    # The content hash detection last ran on: a changed article is re-detected.
    detected_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Transient failures retried so far (bounded: the last one parks the article as failed).
    retries = models.PositiveSmallIntegerField(default=0)
    # When the desk tries this pending article again if nothing finishes it first: a
    # retry's countdown, or the end of a running attempt's time limit. Empty while it
    # waits in the queue, and once it is no longer pending.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # The page must be (re)fetched before detection; false when staff supplied the text.
    needs_fetch = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["canonical_url"], name="one_article_per_canonical_url"),
            models.UniqueConstraint(
                fields=["feed", "guid"], condition=~Q(guid=""), name="one_article_per_feed_guid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "extracted", "failed"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(next_attempt_at__isnull=True),
                name="article_next_attempt_only_when_pending",
            ),
        ]
        indexes = [
            # The sweep's question: which pending articles are overdue?
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="article_pending_attempt_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.canonical_url


class Speaker(models.Model):
    # A roll-up (who speaks for which body) deeper than this is a data error, not a government.
    MAX_BODY_DEPTH = 10

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=300)
    # Lower-cased, whitespace-collapsed name: the natural key detection matches on.
    key = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERSON)
    title = models.CharField(max_length=300, blank=True)
    body = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The body this speaker speaks for (press secretary → the Kremlin).",
    )
    # Why the speaker speaks for `body`: what the article said, or that staff set it.
    body_reason = models.CharField(max_length=500, blank=True, default="", db_default="")
    is_official = models.BooleanField(default=False)
    official_reason = models.CharField(max_length=300, blank=True)
    # Staff edits win over what the detector learns.
    edited_by_staff = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["person", "organisation"]), name="speaker_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(body=F("id")), name="speaker_not_own_body"),
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerAlias(models.Model):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    key = models.CharField(max_length=300, unique=True)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "speaker aliases"

    def __str__(self) -> str:
        return self.alias


class ClaimQuerySet(models.QuerySet["Claim"]):
    # Set by search(); carried through every later filter, ordering and slice.
    _searched = False
    _named_first: tuple[int, ...] = ()  # speakers named by the search: their claims first
    _search: Search | None = None  # PostgreSQL: the search, told by the count how common

    def _clone(self) -> "ClaimQuerySet":
        clone = super()._clone()  # type: ignore[misc]  # private QuerySet API, not in the stubs
        clone._searched = self._searched
        clone._named_first = self._named_first
        clone._search = self._search
        return clone

    @property
    def searched(self) -> bool:
        return self._searched

    def awaiting_triage(self) -> "ClaimQuerySet":
        return self.filter(status=Claim.Status.FLAGGED)

    def order_by(self, *fields: Any) -> Self:
        """Any ordering, after the claims of the speakers a search named ("Peskov")."""
        if fields and self._named_first:
            named = Case(
                When(speaker_id__in=self._named_first, then=Value(0)),
                default=Value(1),
                output_field=models.IntegerField(),
            )
            fields = (named.asc(), *fields)
        return super().order_by(*fields)

    def search(self, q: str) -> "ClaimQuerySet":
        """Claims `q` matches by statement or text, an appearance's content, the speaker's
        name, title or aliases, the body, or an article's title or outlet.

        PostgreSQL: websearch syntax over each claim's one stored vector (claims/search.py).
        Elsewhere: substring matching of each word. Both need every word somewhere.
        """
        q = q.strip()
        if not q:
            return self
        if connection.vendor != "postgresql":
            claims = self._search_substrings(q)
        else:
            search = Search(q)
            claims = self.filter(VectorMatches(search))
            claims._search = search
            claims._named_first = named_speakers(q)
            if claims._named_first:
                claims = claims.order_by(*(self.query.order_by or ("-priority", "-id")))
        claims._searched = True
        return claims

    def capped_count(self, cap: int) -> int:
        """The number of claims, counting no further than cap + 1 (ordering and
        annotations dropped: any cap + 1 matching ids will do).

        A search past the cap is common: its page, read next, walks the requested order
        (claims/search.py `Search`), unless a named speaker's claims must come first.
        The count itself reads the GIN index, or walks the table when several common
        words make that quicker (`walk_counts`).
        """
        search, matches = self._search, self.order_by().values("pk")
        if search is not None:
            search.common = False  # for the count: read the GIN index, unless
            if connection.vendor == "postgresql" and len(search.q.split()) > 1:
                shares = word_shares(search.q)
                search.common = bool(shares) and walk_counts(
                    shares, planned_rows(matches), table_rows(), cap
                )
        count = matches[: cap + 1].count()
        if search is not None:  # for the page
            search.common = count > cap and not self._named_first
        return count

    def _search_substrings(self, q: str) -> "ClaimQuerySet":
        """The fallback: every word (or "quoted phrase") must occur, `-word` must not."""
        claims = self
        for term in re.findall(r'-?"[^"]+"|\S+', q):
            negate = term.startswith("-")
            term = term.lstrip("-").strip('"')
            if not term or term.lower() == "or":
                continue
            sighted = Appearance.objects.filter(claim=OuterRef("pk")).filter(
                Q(content__icontains=term)
                | Q(article__title__icontains=term)
                | Q(article__outlet__icontains=term)
            )
            match = (
                Q(text__icontains=term)
                | Q(statement__icontains=term)
                | Q(speaker__name__icontains=term)
                | Q(speaker__title__icontains=term)
                | Exists(
                    SpeakerAlias.objects.filter(
                        speaker_id=OuterRef("speaker_id"), alias__icontains=term
                    )
                )
                | Q(speaker__body__name__icontains=term)
                | Exists(sighted)
            )
            claims = claims.exclude(match) if negate else claims.filter(match)
        return claims

    def with_triage_data(self) -> "ClaimQuerySet":
        """What a triage row shows: the speaker and the outlet of the latest sighting."""
        latest = Appearance.objects.filter(claim=OuterRef("pk")).order_by("-created_at", "-id")
        return self.select_related("speaker").annotate(
            latest_outlet=Subquery(latest.values("article__outlet")[:1]),
            latest_url=Subquery(latest.values("article__url")[:1]),
        )


class Claim(models.Model):
    class Status(models.TextChoices):
        FLAGGED = "flagged", "Flagged"
        IN_REVIEW = "in_review", "In review"
        DISMISSED = "dismissed", "Dismissed"
        CHECKED = "checked", "Checked"

    text = models.TextField()
    # The claim read alone: speaker, stance and content in one sentence (pipeline/statements.py).
    statement = models.TextField(blank=True, db_default="")
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.FLAGGED, db_index=True
    )
    official = models.BooleanField(default=False)
    checkworthiness = models.FloatField(default=0.0)
    priority = models.FloatField(default=0.0, db_index=True)
    priority_reasons = models.JSONField(default=list, blank=True)
    appearance_count = models.PositiveIntegerField(default=0)
    dismiss_reason = models.TextField(blank=True)
    first_seen_at = models.DateTimeField(null=True, blank=True)
    last_seen_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Set when the broker refused the claim's link lookups; the sweep queues them again.
    links_due_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-priority", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["flagged", "in_review", "dismissed", "checked"]),
                name="claim_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="dismissed") | ~Q(dismiss_reason=""),
                name="dismissed_claim_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-priority"], name="claim_triage_idx"),
            # The "official only" triage filter is counted (up to the cap) from this
            # narrow index alone; the wide claim rows made that count read the table.
            models.Index(fields=["status", "official"], name="claim_status_official_idx"),
            # The triage orderings, tie-breaker included, so a page is read straight
            # off an index instead of sorting a million rows.
            models.Index(fields=["-priority", "-id"], name="claim_priority_order_idx"),
            models.Index(fields=["-appearance_count", "-id"], name="claim_reach_order_idx"),
            # The sweep's query: almost every claim has none due, so the index is tiny.
            models.Index(
                fields=["links_due_at"],
                condition=Q(links_due_at__isnull=False),
                name="claim_links_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Appearance(models.Model):
    """One sighting of an attributed statement in one article.

    `claim` is empty for statements by non-officials: kept on the article,
    visible to staff, not flagged until someone promotes them.
    """

    class Stance(models.TextChoices):
        ASSERTS = "asserts", "Asserts"
        CONFIRMS = "confirms", "Confirms"
        DENIES = "denies", "Denies"
        DISMISSES = "dismisses", "Dismisses"
        PREDICTS = "predicts", "Predicts"
        QUESTIONS = "questions", "Questions"

    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="appearances"
    )
    # Indexed with the claim (Meta.indexes): the claims seen in an outlet's articles are
    # read from the index alone (claims/search.py).
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="appearances", db_index=False
    )
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="appearances"
    )
    sentence = models.TextField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    source = models.CharField(max_length=500)
    source_start = models.PositiveIntegerField()
    source_end = models.PositiveIntegerField()
    cue = models.CharField(max_length=200)
    cue_start = models.PositiveIntegerField()
    cue_end = models.PositiveIntegerField()
    content = models.TextField()
    content_start = models.PositiveIntegerField()
    content_end = models.PositiveIntegerField()
    direct = models.BooleanField(default=False)
    official = models.BooleanField(default=False)
    official_reason = models.CharField(max_length=300, blank=True)
    score = models.FloatField(default=0.0)
    score_reasons = models.JSONField(default=list, blank=True)
    stance = models.CharField(max_length=16, choices=Stance.choices, default=Stance.ASSERTS)
    stance_reason = models.CharField(max_length=300, blank=True)
    statement = models.TextField(blank=True, db_default="")
    # Why the content asserts nothing (a request, a question ...): kept, not flagged.
    not_a_claim = models.CharField(max_length=300, blank=True, db_default="")
    detector_version = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "content_start"]
        indexes = [
            models.Index(fields=["article", "claim"], name="appearance_article_claim_idx"),
            # A triage row shows a claim's latest sighting: one index step, not a sort of
            # every sighting (hundreds for the most repeated claims, the "reach" order).
            models.Index(
                fields=["claim", "-created_at", "-id"], name="appearance_claim_latest_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "content_start"], name="one_appearance_per_article_offset"
            ),
            models.CheckConstraint(
                condition=Q(sentence_start__lte=F("sentence_end"))
                & Q(content_start__lte=F("content_end"))
                & Q(cue_start__lte=F("cue_end"))
                & Q(source_start__lte=F("source_end")),
                name="appearance_spans_ordered",
            ),
            models.CheckConstraint(
                condition=Q(
                    stance__in=[
                        "asserts",
                        "confirms",
                        "denies",
                        "dismisses",
                        "predicts",
                        "questions",
                    ]
                ),
                name="appearance_stance_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.content[:60]}"


class ClaimLink(models.Model):
    class Kind(models.TextChoices):
        DUPLICATE = "duplicate", "Duplicate"
        RELATED = "related", "Related"
        CONTRADICTS = "contradicts", "Contradicts"

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_out")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    score = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUGGESTED)
    automatic = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_claim", "to_claim", "kind"], name="one_link_per_pair_and_kind"
            ),
            models.CheckConstraint(condition=~Q(from_claim=F("to_claim")), name="link_not_self"),
            models.CheckConstraint(
                condition=Q(kind__in=["duplicate", "related", "contradicts"]),
                name="link_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["suggested", "confirmed", "rejected"]),
                name="link_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_claim_id} {self.kind} {self.to_claim_id}"


# Registered with this app; defined apart to keep this module about the desk's own claims.
from claims.external_models import (  # noqa: E402, F401
    ExternalFactCheck,
    ExternalMatch,
    FactCheckPage,
    FactCheckSource,
)
