"""The signed-in person's notifications, and their choice about email."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from desk.common import desk_view
from factcheck.auth import signed_in
from reviews import notifications
from reviews.models import Notification

PAGE_SIZE = 30


@desk_view
def notification_list(request: HttpRequest) -> HttpResponse:
    mine = Notification.objects.filter(recipient=signed_in(request.user)).select_related("review")
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "desk/notifications.html",
        {"page": page, "emails_on": notifications.wants_email(signed_in(request.user))},
    )


@desk_view
@require_POST
def mark_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = notifications.notification_read(
        notification_id=notification_id, user=signed_in(request.user)
    )
    if notification is not None and notification.review_id and request.POST.get("open"):
        return redirect(f"/desk/reviews/{notification.review_id}/")
    return redirect("/desk/notifications/")


@desk_view
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = notifications.notifications_read_all(user=signed_in(request.user))
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} read.")
    return redirect("/desk/notifications/")


@desk_view
@require_POST
def email_choice(request: HttpRequest) -> HttpResponse:
    wanted = request.POST.get("email") == "on"
    notifications.notification_email_set(user=signed_in(request.user), email=wanted)
    messages.success(
        request,
        "You will get notifications by email."
        if wanted
        else "No more emails; your notifications stay here.",
    )
    return redirect("/desk/notifications/")
