from django.http import HttpRequest, HttpResponseRedirect

from reviews.permissions import is_desk_staff


def home(request: HttpRequest) -> HttpResponseRedirect:
    """Staff land on their desk; everyone else on the published fact-checks."""
    return HttpResponseRedirect("/desk/" if is_desk_staff(request.user) else "/fact-checks/")
