from django.http import HttpRequest, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.templatetags.static import static

from reviews.permissions import is_desk_staff


def home(request: HttpRequest) -> HttpResponseRedirect:
    """Staff land on their desk; everyone else on the published fact-checks."""
    return HttpResponseRedirect("/desk/" if is_desk_staff(request.user) else "/fact-checks/")


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """The icon, for browsers that ask /favicon.ico on pages naming none (admin, API docs).
    Resolved per request: the hashed static name exists only after collectstatic."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
