"""A claim with its article context, sightings, links, speaker history and reviews."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims.external_models import ExternalMatch
from claims.models import Appearance, Claim, ClaimLink
from claims.permissions import can_decide_links, can_promote
from claims.services import links
from claims.services.claims import appearance_promote
from claims.services.external_matches import claim_language, external_hits
from claims.services.speakers import speaker_body_chain
from claims.services.story import claim_story
from desk.common import answer, desk_view, safe_back
from desk.triage import claim_actions
from factcheck.auth import signed_in
from factcheck.errors import DomainError
from reviews.matches import MATCH_THRESHOLD, MAX_TEXT, find_matches

MAX_APPEARANCES = 50
CHECKED_ALREADY = 5
OTHER_CLAIMS = 10


def marked_segments(text: str, appearance: Appearance) -> list[tuple[str, str]]:
    """The article cut into (text, kind) pieces; kind is source, cue, content or ''.

    Spans come from the detector's offsets. An overlapping or out-of-range span
    is clipped rather than trusted, so a bad offset never garbles the page.
    """
    spans = sorted(
        (start, end, kind)
        for start, end, kind in (
            (appearance.source_start, appearance.source_end, "source"),
            (appearance.cue_start, appearance.cue_end, "cue"),
            (appearance.content_start, appearance.content_end, "content"),
        )
        if 0 <= start < end <= len(text)
    )
    pieces: list[tuple[str, str]] = []
    position = 0
    for start, end, kind in spans:
        start = max(start, position)
        if start >= end:
            continue
        if start > position:
            pieces.append((text[position:start], ""))
        pieces.append((text[start:end], kind))
        position = end
    if position < len(text):
        pieces.append((text[position:], ""))
    return pieces


@desk_view
def detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("speaker__body"), pk=claim_id)
    # Only the article shown is read whole (its text loads when it is marked up); the
    # other sightings need their article's title, outlet and link.
    appearances = list(
        claim.appearances.select_related("article", "speaker")
        .defer("article__text")
        .order_by("created_at", "id")[:MAX_APPEARANCES]
    )
    shown = _chosen(appearances, request.GET.get("appearance", ""))
    open_review = claim.reviews.open().select_related("assignee").first()
    user = signed_in(request.user)
    others = (
        Claim.objects.filter(speaker_id=claim.speaker_id).exclude(pk=claim.pk)
        if claim.speaker_id
        else Claim.objects.none()
    )
    context = {
        "claim": claim,
        "appearances": appearances,
        "shown": shown,
        "segments": marked_segments(shown.article.text, shown) if shown else [],
        "chain": speaker_body_chain(claim.speaker) if claim.speaker else [],
        "other_claims": others.order_by("-last_seen_at", "-id")[:OTHER_CLAIMS],
        "reviews": claim.reviews.select_related("assignee", "rating").order_by("-created_at"),
        "evidence": claim.evidence.select_related("added_by"),
        "open_review": open_review,
        **claim_actions(user, claim, open_review),
        # Statements by non-officials stay on the article, unflagged, until promoted.
        "unflagged": (
            shown.article.appearances.filter(claim__isnull=True).order_by("content_start")
            if shown
            else []
        ),
        "may_promote": can_promote(user),
        "checked_already": checked_already(claim),
        "checked_elsewhere": checked_elsewhere(claim),
        "back": request.get_full_path(),
        **links_context(request, claim),
        "story": claim_story(claim=claim),
    }
    return render(request, "desk/claim.html", context)


def checked_already(claim: Claim) -> list:
    """Published fact-checks and open claims that read like this one (the matches API)."""
    matches = find_matches(text=claim.text[:MAX_TEXT] or "-", limit=CHECKED_ALREADY + 1)
    return [match for match in matches if match.claim.pk != claim.pk][:CHECKED_ALREADY]


def checked_elsewhere(claim: Claim) -> list[ExternalMatch]:
    """Other publishers' fact-checks of this claim: those found when it was filed (with
    what was done with them), then any imported since that read like it."""
    stored = list(claim.external_matches.select_related("fact_check")[:CHECKED_ALREADY])
    seen = {match.fact_check_id for match in stored}
    fresh = external_hits(
        text=claim.text[:MAX_TEXT],
        speaker=claim.speaker.name if claim.speaker else "",
        language=claim_language(claim.pk),
        threshold=MATCH_THRESHOLD,
    )
    for hit in fresh:
        if hit.fact_check.pk not in seen and len(stored) < CHECKED_ALREADY:
            stored.append(
                ExternalMatch(
                    claim=claim,
                    fact_check=hit.fact_check,
                    score=hit.similarity.score,
                    reasons=list(hit.similarity.reasons),
                )
            )
    return stored


def _chosen(appearances: list[Appearance], wanted: str) -> Appearance | None:
    for appearance in appearances:
        if str(appearance.pk) == wanted:
            return appearance
    return appearances[0] if appearances else None


def links_context(request: HttpRequest, claim: Claim) -> dict:
    """Links in both directions, each seen from this claim: (link, the other claim)."""
    rows = (
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
        .exclude(status=ClaimLink.Status.REJECTED)
        .select_related("from_claim__speaker", "to_claim__speaker", "decided_by")
        .order_by("-score", "id")
    )
    pairs = [
        (link, link.to_claim if link.from_claim_id == claim.pk else link.from_claim)
        for link in rows
    ]
    return {
        "claim": claim,
        "links": pairs,
        "contradictions": [p for p in pairs if p[0].kind == ClaimLink.Kind.CONTRADICTS],
        "may_decide_links": can_decide_links(request.user),
    }


@desk_view
@require_POST
def decide_link(request: HttpRequest, claim_id: int, link_id: int, decision: str) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id)
    link = get_object_or_404(
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim)), pk=link_id
    )
    service = {"confirm": links.claimlink_confirm, "reject": links.claimlink_reject}.get(decision)
    if service is None:
        raise Http404
    try:
        service(link=link, actor=request.user, note=request.POST.get("note", "")[:5000])
    except DomainError as error:
        text, level = error.detail, messages.ERROR
    else:
        text = "Link confirmed." if decision == "confirm" else "Link rejected."
        level = messages.SUCCESS
    return answer(
        request,
        template="desk/partials/claim_links.html",
        context={
            **links_context(request, claim),
            "note": text,
            "level": messages.DEFAULT_TAGS[level],
        },
        text=text,
        level=level,
        back=safe_back(request, f"/desk/claims/{claim.pk}/"),
    )


@desk_view
@require_POST
def promote(request: HttpRequest, appearance_id: int) -> HttpResponse:
    """An editor makes a non-official's statement a claim in triage."""
    appearance = get_object_or_404(Appearance, pk=appearance_id)
    if not can_promote(request.user):
        raise PermissionDenied
    try:
        claim = appearance_promote(appearance_id=appearance.pk, actor=request.user)
    except DomainError as error:
        messages.error(request, error.detail)
        return redirect(safe_back(request, "/desk/"))
    messages.success(request, "The statement is now a claim in the triage queue.")
    return redirect(f"/desk/claims/{claim.pk}/")
