"""What a checker does with another publisher's fact-check of a claim: use it or defer to it.

Both go through the desk's own guarded services (`claim_assign`, `evidence_add`,
`claim_dismiss`), so permissions, states and audit events are the same as by hand.
"""

from django.contrib.auth.models import User
from django.db import transaction

from claims.external_models import ExternalFactCheck, ExternalMatch
from claims.models import Claim
from factcheck.errors import Conflict, NotFound
from reviews import permissions
from reviews.models import Evidence
from reviews.services import claim_assign, claim_dismiss, evidence_add

# A publisher's own scale, normalised to 0..1: near the bottom it refutes the claim,
# near the top it supports it; in between, or without a scale, it is context.
REFUTES_BELOW = 0.35
SUPPORTS_ABOVE = 0.65


def checked_by(fact_check: ExternalFactCheck) -> str:
    """ "Checked by Harbor Truth Desk: Mostly False, 20 Nov 2026"."""
    text = f"Checked by {fact_check.publisher}: {fact_check.rating_text}"
    if fact_check.date_published:
        published = fact_check.date_published
        text += f", {published.day} {published:%b %Y}"
    return text


def evidence_stance(fact_check: ExternalFactCheck) -> str:
    value = fact_check.rating_value
    if value is None:
        return Evidence.Stance.CONTEXT
    if value < REFUTES_BELOW:
        return Evidence.Stance.REFUTES
    if value > SUPPORTS_ABOVE:
        return Evidence.Stance.SUPPORTS
    return Evidence.Stance.CONTEXT


def _fact_check(fact_check_id: int) -> ExternalFactCheck:
    found = ExternalFactCheck.objects.filter(pk=fact_check_id).first()
    if found is None:
        raise NotFound(f"External fact-check {fact_check_id} does not exist.")
    return found


def _decide(claim_id: int, fact_check: ExternalFactCheck, decision: str) -> None:
    """Remember what was done with the match (made here if the API found it, not triage)."""
    ExternalMatch.objects.update_or_create(
        claim_id=claim_id,
        fact_check=fact_check,
        defaults={"decision": decision},
        create_defaults={"score": 0.0, "reasons": ["chosen by a person"], "decision": decision},
    )


@transaction.atomic
def external_check_attach(*, claim_id: int, fact_check_id: int, actor: User) -> Evidence:
    """Attach another publisher's fact-check to a claim as evidence, in one step.

    1. A checker attaching to a claim nobody has taken yet takes it (as "Assign to me").
    2. The evidence row carries the publisher's URL, its verdict and what it checked;
       its stance follows the publisher's rating where it gives a scale.
    3. The match is marked attached. Attaching the same fact-check twice is a conflict.
    """
    fact_check = _fact_check(fact_check_id)
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        raise NotFound(f"Claim {claim_id} does not exist.")
    if claim.evidence.filter(url=fact_check.url).exists():
        raise Conflict(f"{fact_check.publisher}'s fact-check is already evidence on this claim.")
    open_review = claim.reviews.open().first()
    if (
        open_review is None
        and claim.status == Claim.Status.FLAGGED
        and not permissions.is_editor(actor)
        and permissions.can_hold_reviews(actor)
    ):
        claim_assign(claim_id=claim_id, actor=actor, assignee=actor)
    evidence = evidence_add(
        claim_id=claim_id,
        actor=actor,
        url=fact_check.url,
        title=checked_by(fact_check),
        excerpt=_excerpt(fact_check),
        stance=evidence_stance(fact_check),
        primary_source=False,
    )
    _decide(claim_id, fact_check, ExternalMatch.Decision.ATTACHED)
    return evidence


@transaction.atomic
def claim_dismiss_as_checked(*, claim_id: int, fact_check_id: int, actor: User) -> Claim:
    """Dismiss a claim as already checked by another publisher, keeping the link in the
    reason (and on the match) so a reader of the queue can follow it."""
    fact_check = _fact_check(fact_check_id)
    reason = (
        f"Already checked by {fact_check.publisher} ({fact_check.rating_text}): {fact_check.url}"
    )
    claim = claim_dismiss(claim_id=claim_id, actor=actor, reason=reason)
    _decide(claim_id, fact_check, ExternalMatch.Decision.DISMISSED)
    return claim


def _excerpt(fact_check: ExternalFactCheck) -> str:
    said = fact_check.claim_reviewed
    if fact_check.claimant:
        said = f"{fact_check.claimant}: {said}"
    return f"Claim checked: {said}\nVerdict: {fact_check.rating_text}"
