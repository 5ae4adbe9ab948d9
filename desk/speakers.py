"""The speaker registry: who is an official, whom they speak for, other names."""

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.forms import ModelChoiceField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims.models import Speaker
from claims.permissions import can_edit_speakers
from claims.services.speakers import (
    speaker_alias_add,
    speaker_alias_remove,
    speaker_body_chain,
    speaker_key,
    speaker_merge,
    speaker_update,
    speakers_known,
)
from desk.common import desk_view
from desk.forms import AliasForm, SpeakerForm
from factcheck.errors import DomainError
from factcheck.numbers import parse_id

PAGE_SIZE = 50


def _may_edit(request: HttpRequest) -> bool:
    return can_edit_speakers(request.user)


@desk_view
def registry(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    official = request.GET.get("official", "")
    speakers = Speaker.objects.select_related("body").annotate(claim_count=Count("claims"))
    if q:
        speakers = speakers.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q)).distinct()
    if official in ("yes", "no"):
        speakers = speakers.filter(is_official=official == "yes")
    page = Paginator(speakers.order_by(Lower("name"), "id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "desk/speakers.html",
        {"page": page, "q": q, "official": official, "may_edit": _may_edit(request)},
    )


def _edit_context(speaker: Speaker, **extra: Any) -> dict[str, Any]:
    return {
        "speaker": speaker,
        "chain": speaker_body_chain(speaker),
        "aliases": speaker.aliases.all(),
        "claims": speaker.claims.order_by("-last_seen_at", "-id")[:20],
        "members": speaker.members.order_by("name")[:50],
        "alias_form": AliasForm(),
        **extra,
    }


@desk_view
def speaker_page(request: HttpRequest, speaker_id: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker.objects.select_related("body"), pk=speaker_id)
    may_edit = _may_edit(request)
    initial = {
        "name": speaker.name,
        "title": speaker.title,
        "kind": speaker.kind,
        "is_official": speaker.is_official,
        "official_reason": speaker.official_reason,
        "body": speaker.body_id,
    }
    form = SpeakerForm(initial=initial)
    status = 200
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        form = SpeakerForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                speaker_update(
                    speaker_id=speaker.pk,
                    actor=request.user,
                    name=data["name"],
                    title=data["title"],
                    kind=data["kind"],
                    is_official=data["is_official"],
                    official_reason=data["official_reason"],
                    body=data["body"],
                )
            except DomainError as error:
                form.add_error(None, error.detail)
            else:
                messages.success(request, f"Saved {data['name']}.")
                return redirect(f"/desk/speakers/{speaker.pk}/")
        status = 400
    bodies = cast(ModelChoiceField, form.fields["body"])
    if bodies.queryset is not None:  # a speaker cannot speak for itself
        bodies.queryset = bodies.queryset.exclude(pk=speaker.pk)
    context = _edit_context(speaker, form=form, may_edit=may_edit)
    return render(request, "desk/speaker.html", context, status=status)


@desk_view
@require_POST
def alias_add(request: HttpRequest, speaker_id: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    form = AliasForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Type the other name to add.")
    else:
        try:
            speaker_alias_add(
                speaker_id=speaker.pk, actor=request.user, alias=form.cleaned_data["alias"]
            )
        except DomainError as error:
            messages.error(request, error.detail)
        else:
            messages.success(request, f"Added the alias {form.cleaned_data['alias']}.")
    return redirect(f"/desk/speakers/{speaker.pk}/#aliases")


@desk_view
@require_POST
def alias_remove(request: HttpRequest, speaker_id: int, alias_id: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    try:
        speaker_alias_remove(speaker_id=speaker.pk, alias_id=alias_id, actor=request.user)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, "Alias removed.")
    return redirect(f"/desk/speakers/{speaker.pk}/#aliases")


@desk_view
@require_POST
def merge(request: HttpRequest, speaker_id: int) -> HttpResponse:
    """Fold this entry into the one named (by name, alias or number) and show the survivor."""
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    wanted = " ".join(request.POST.get("into", "").split())[:300]
    number = parse_id(wanted)  # a number past the bigint range is no entry, not an error
    target = (
        Speaker.objects.filter(pk=number).first()
        if number is not None
        else speakers_known([wanted]).get(speaker_key(wanted))
    )
    if target is None:
        messages.error(request, f"No registry entry is called {wanted or 'that'}.")
        return redirect(f"/desk/speakers/{speaker.pk}/#merge")
    try:
        merged = speaker_merge(speaker_id=speaker.pk, into_id=target.pk, actor=request.user)
    except DomainError as error:
        messages.error(request, error.detail)
        return redirect(f"/desk/speakers/{speaker.pk}/#merge")
    survivor, holder = merged.survivor, merged.alias_held_by
    done = f"Merged {speaker.name} into {survivor.name}."
    if holder is not None:
        done += f" The name stays an alias of {holder.name}, which held it already."
    messages.success(request, done)
    return redirect(f"/desk/speakers/{survivor.pk}/")
