"""Two people editing one verdict: keep what does not clash, show what does.

Each field is compared three ways: the original the user loaded (the form's
base_* copies), their own value, and the current one. Only a field both
changed, to different values, is a conflict; any other change of theirs is
kept and the user's own changes are saved on top of it.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User

from claims.events import Action
from desk.diffs import FIELDS
from factcheck.numbers import parse_id
from reviews.models import Rating, Review, ReviewEvent

LABELS = dict(FIELDS)


@dataclass(frozen=True)
class Clash:
    field: str
    label: str
    original: str
    theirs: str
    yours: str
    by: str


@dataclass(frozen=True)
class Merge:
    mine: list[str]  # the fields the user changed and may save now
    kept: list[tuple[str, str]]  # (label, who) for changes of theirs that stay
    clashes: list[Clash]


def _same(a: str, b: str) -> bool:
    # Browsers send textarea lines ending in CRLF; what was loaded may have LF.
    return a.replace("\r\n", "\n") == b.replace("\r\n", "\n")


def values(review: Review) -> dict[str, str]:
    """The verdict as the form holds it: rating by id, texts as they are."""
    return {
        "statement": review.statement,
        "headline": review.headline,
        "rating": str(review.rating_id or ""),
        "summary": review.summary,
        "explanation": review.explanation,
    }


def merge(*, review: Review, user: User, base: dict[str, str], posted: dict[str, str]) -> Merge:
    current = values(review)
    mine, kept, clashes = [], [], []
    for field, label in FIELDS:
        if field not in posted:
            continue  # not on the form that was posted
        changed_by_me = not _same(posted[field], base[field])
        changed_by_them = not _same(current[field], base[field])
        if changed_by_me:
            mine.append(field)
        if not changed_by_them:
            continue
        who = changed_by(review, field, user)
        if changed_by_me and not _same(posted[field], current[field]):
            clashes.append(
                Clash(
                    field,
                    label,
                    _shown(field, base[field]),
                    _shown(field, current[field]),
                    _shown(field, posted[field]),
                    who,
                )
            )
        elif not changed_by_me:
            kept.append((label.lower(), who))
    return Merge(mine=mine, kept=kept, clashes=clashes)


def changed_by(review: Review, field: str, user: User) -> str:
    """Who last changed `field`: a username, or "you, in another tab"."""
    edits = ReviewEvent.objects.filter(review=review, action=Action.EDITED, changes__has_key=field)
    last = edits.select_related("actor").order_by("-id").first()
    if last is None or last.actor is None:
        return "someone"
    return "you, in another tab" if last.actor_id == user.pk else last.actor.get_username()


def _shown(field: str, value: Any) -> str:
    if field != "rating":
        return value or "—"
    rating_id = parse_id(value)
    rating = Rating.objects.filter(pk=rating_id).first() if rating_id else None
    return rating.label if rating else "not rated"
