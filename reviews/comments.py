"""The thread on a review: plain-text notes between its checker and the editors, with @mentions."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from claims.events import Action, record_event
from factcheck.errors import InvalidInput, NotAllowed, NotFound
from reviews import permissions
from reviews.models import Comment, Review
from reviews.publication import plain_text

MAX_COMMENT = 5000
# "@erin" but not "erin@example.org": a mention starts a word.
MENTION = re.compile(r"(?<![\w@])@([\w.+-]{1,150})")


def mentioned_users(text: str) -> QuerySet[User]:
    """Desk staff named with @username in `text` (a trailing full stop is not part of a name)."""
    names = {name.rstrip(".") for name in MENTION.findall(text)}
    users = get_user_model().objects.filter(username__in=names, is_active=True)
    return users.filter(pk__in=[user.pk for user in users if permissions.is_desk_staff(user)])


def review_comments(*, review_id: int, reader: User) -> QuerySet[Comment]:
    review = Review.objects.filter(pk=review_id).first()
    if review is None:
        raise NotFound(f"Review {review_id} does not exist.")
    if not permissions.can_comment(reader, review):
        raise NotAllowed("Only the assignee and editors read a review's comments.")
    return review.comments.select_related("author").prefetch_related("mentions")


@transaction.atomic
def comment_add(*, review_id: int, author: User, text: str) -> Comment:
    """Add a comment to a review's thread; its history and its people hear of it."""
    review = Review.objects.select_for_update().filter(pk=review_id).first()
    if review is None:
        raise NotFound(f"Review {review_id} does not exist.")
    if not permissions.can_comment(author, review):
        raise NotAllowed("Only the assignee and editors comment on a review.")
    text = plain_text(text)
    if not text:
        raise InvalidInput("text: write something.", field="text")
    if len(text) > MAX_COMMENT:
        raise InvalidInput(f"text: at most {MAX_COMMENT} characters, please.", field="text")
    comment = Comment.objects.create(review=review, author=author, text=text)
    mentions = list(mentioned_users(text))
    comment.mentions.set(mentions)
    record_event(
        actor=author,
        action=Action.COMMENTED,
        review_id=review.pk,
        note=text,
        changes={"comment": comment.pk, "mentions": sorted(u.get_username() for u in mentions)},
    )
    return comment
