"""What changed in a verdict: since the last published or returned version, or under
the user's feet while they were editing. Pure functions over plain values."""

import difflib
import re
from dataclasses import dataclass
from typing import Any

from claims.events import Action
from reviews.models import Rating, Review, ReviewEvent

FIELDS = (
    ("statement", "Statement"),
    ("headline", "Headline"),
    ("rating", "Rating"),
    ("summary", "Summary"),
    ("explanation", "Explanation"),
)
_TOKENS = re.compile(r"\s*\S+|\s+")


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str
    pieces: list[tuple[str, str]]  # (op, text): op is "", "del" or "ins"


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """`before` → `after` as kept, deleted and inserted runs of words (whitespace kept)."""
    old, new = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("del", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("ins", "".join(new[j1:j2])))
    return pieces


def changes(before: dict[str, str], after: dict[str, str]) -> list[FieldChange]:
    """Only the fields that differ, in form order."""
    return [
        FieldChange(
            field,
            label,
            before.get(field, ""),
            after.get(field, ""),
            word_diff(before.get(field, ""), after.get(field, "")),
        )
        for field, label in FIELDS
        if before.get(field, "") != after.get(field, "")
    ]


def verdict_values(review: Review) -> dict[str, str]:
    """The verdict as displayed text (the rating by its label)."""
    return {
        "statement": review.statement,
        "headline": review.headline,
        "rating": review.rating.label if review.rating else "",
        "summary": review.summary,
        "explanation": review.explanation,
    }


def since_previous(review: Review) -> tuple[str, list[FieldChange]] | None:
    """The change from the previous version an editor saw, with a name for that version.

    1. A review published before compares with its latest published version.
    2. A returned review compares with the verdict as it was returned, rebuilt by
       undoing the edits logged since the return (each event keeps [old, new]).
    3. A first submission compares its wording with the statement as detected; when the
       checker kept it, there is nothing to compare with: None.
    """
    current = verdict_values(review)
    published = review.versions.select_related("rating").order_by("-number").first()
    if published is not None:
        before = {
            "statement": published.statement,
            "headline": published.headline,
            "rating": published.rating.label,
            "summary": published.summary,
            "explanation": published.explanation,
        }
        return f"published version {published.number}", changes(before, current)
    returned = (
        ReviewEvent.objects.filter(review=review, action=Action.RETURNED).order_by("-id").first()
    )
    if returned is None:
        return _reworded(review, current)
    before = dict(current)
    edits = ReviewEvent.objects.filter(review=review, action=Action.EDITED, id__gt=returned.id)
    for event in edits.order_by("-id"):
        for field, pair in event.changes.items():
            if field in before and isinstance(pair, list) and len(pair) == 2:
                before[field] = _display(field, pair[0])
    when = returned.created_at.strftime("%-d %b %H:%M")
    return f"the version returned on {when}", changes(before, current)


def _reworded(review: Review, current: dict[str, str]) -> tuple[str, list[FieldChange]] | None:
    """A first submission: only the wording can differ, from the statement as detected."""
    detected = review.claim.statement or review.claim.text
    before = {**current, "statement": detected, "headline": ""}
    reworded = changes(before, current)
    return ("the statement as detected", reworded) if reworded else None


def _display(field: str, value: Any) -> str:
    if field != "rating":
        return value or ""
    if not value:
        return ""
    rating = Rating.objects.filter(slug=value).first()
    return rating.label if rating else str(value)
