"""The staff desk, mounted at /desk/ (paths fixed by API.md's "Staff pages")."""

from django.urls import path

from desk import (
    claim,
    dashboard,
    editor,
    external,
    feedback,
    feeds,
    notifications,
    review,
    speakers,
    triage,
)

urlpatterns = [
    path("", triage.queue, name="desk-triage"),
    path("claims/<id:claim_id>/", claim.detail, name="desk-claim"),
    path("claims/<id:claim_id>/assign/", triage.assign, name="desk-claim-assign"),
    path("claims/<id:claim_id>/dismiss/", triage.dismiss, name="desk-claim-dismiss"),
    path("claims/<id:claim_id>/restore/", triage.restore, name="desk-claim-restore"),
    path(
        "claims/<id:claim_id>/links/<id:link_id>/<str:decision>/",
        claim.decide_link,
        name="desk-link-decide",
    ),
    path(
        "claims/<id:claim_id>/external/<id:fact_check_id>/attach/",
        external.attach,
        name="desk-external-attach",
    ),
    path(
        "claims/<id:claim_id>/external/<id:fact_check_id>/dismiss/",
        external.dismiss_checked,
        name="desk-external-dismiss",
    ),
    path("appearances/<id:appearance_id>/promote/", claim.promote, name="desk-appearance-promote"),
    path("reviews/", review.mine, name="desk-my-reviews"),
    path("reviews/<id:review_id>/", review.detail, name="desk-review"),
    path("reviews/<id:review_id>/edit/", review.edit, name="desk-review-edit"),
    path("reviews/<id:review_id>/submit/", review.submit, name="desk-review-submit"),
    path("reviews/<id:review_id>/approve/", review.approve, name="desk-review-approve"),
    path("reviews/<id:review_id>/return/", review.return_, name="desk-review-return"),
    path("reviews/<id:review_id>/correct/", review.correct, name="desk-review-correct"),
    path(
        "reviews/<id:review_id>/close-correction/",
        review.close_correction,
        name="desk-review-close-correction",
    ),
    path("reviews/<id:review_id>/evidence/", review.evidence_add, name="desk-evidence-add"),
    path(
        "reviews/<id:review_id>/evidence/<id:evidence_id>/remove/",
        review.evidence_remove,
        name="desk-evidence-remove",
    ),
    path("reviews/<id:review_id>/comments/", review.comment_add, name="desk-review-comment"),
    path("reviews/<id:review_id>/due/", review.set_due, name="desk-review-due"),
    path("notifications/", notifications.notification_list, name="desk-notifications"),
    path(
        "notifications/<id:notification_id>/read/",
        notifications.mark_read,
        name="desk-notification-read",
    ),
    path("notifications/read-all/", notifications.mark_all_read, name="desk-notifications-read"),
    path("notifications/email/", notifications.email_choice, name="desk-notifications-email"),
    path("editor/", editor.queue, name="desk-editor"),
    path("feedback/", feedback.inbox_page, name="desk-feedback"),
    path("feedback/<id:feedback_id>/<str:action>/", feedback.act, name="desk-feedback-act"),
    path("feeds/", feeds.feeds_page, name="desk-feeds"),
    path("feeds/opml/", feeds.opml_page, name="desk-feeds-opml"),
    path("feeds/<id:feed_id>/poll/", feeds.poll_now, name="desk-feed-poll"),
    path(
        "feeds/<id:feed_id>/<str:action>/",
        feeds.feed_act,
        name="desk-feed-act",
    ),
    path("factcheck-sources/", external.sources_page, name="desk-factcheck-sources"),
    path(
        "factcheck-sources/<id:source_id>/poll/",
        external.source_poll,
        name="desk-factcheck-source-poll",
    ),
    path("speakers/", speakers.registry, name="desk-speakers"),
    path("speakers/<id:speaker_id>/", speakers.speaker_page, name="desk-speaker"),
    path("speakers/<id:speaker_id>/aliases/", speakers.alias_add, name="desk-alias-add"),
    path(
        "speakers/<id:speaker_id>/aliases/<id:alias_id>/remove/",
        speakers.alias_remove,
        name="desk-alias-remove",
    ),
    path("dashboard/", dashboard.dashboard, name="desk-dashboard"),
]
