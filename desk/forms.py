"""Forms of the desk. They only parse input; services decide what is allowed."""

from django import forms

from claims.models import Speaker
from factcheck.numbers import MAX_INT
from reviews.models import Evidence, Rating

MAX_NOTE = 5000


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=MAX_NOTE, strip=True)


class NoteForm(forms.Form):
    note = forms.CharField(max_length=MAX_NOTE, strip=True)


class OptionalNoteForm(forms.Form):
    note = forms.CharField(max_length=MAX_NOTE, strip=True, required=False)


class DueForm(forms.Form):
    due_at = forms.DateTimeField(
        label="Due",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )


class EvidenceForm(forms.Form):
    url = forms.URLField(label="Source URL", max_length=2000, assume_scheme="https")
    title = forms.CharField(max_length=500)
    excerpt = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    stance = forms.ChoiceField(choices=Evidence.Stance.choices)
    primary_source = forms.BooleanField(required=False, label="Primary source")


class VerdictForm(forms.Form):
    """The editable verdict. `version` and the base_* fields are what the user loaded,
    so a conflicting save can say exactly what someone else changed."""

    statement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text="What is checked, as readers will read it: who said what, with the verb "
        "they used (denied, confirmed ...).",
    )
    headline = forms.CharField(
        max_length=200, required=False, help_text="Blank: the statement is the headline."
    )
    rating = forms.ModelChoiceField(
        queryset=Rating.objects.all(), required=False, empty_label="— not rated yet —"
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    explanation = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_INT)
    base_statement = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    base_headline = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    base_rating = forms.CharField(widget=forms.HiddenInput, required=False)
    base_summary = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    base_explanation = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)


class FeedForm(forms.Form):
    url = forms.URLField(label="Feed URL", max_length=2000, assume_scheme="https")
    name = forms.CharField(max_length=200, required=False)
    outlet = forms.CharField(max_length=200, required=False)


class FeedEditForm(forms.Form):
    name = forms.CharField(max_length=200)
    # Minutes on the desk; the service keeps it between a minute and a week.
    poll_minutes = forms.IntegerField(
        label="Poll every (minutes)", min_value=1, max_value=7 * 24 * 60
    )


class SpeakerForm(forms.Form):
    name = forms.CharField(max_length=300)
    title = forms.CharField(max_length=300, required=False, label="Title or role")
    kind = forms.ChoiceField(choices=Speaker.Kind.choices)
    is_official = forms.BooleanField(required=False, label="Official")
    official_reason = forms.CharField(max_length=300, required=False, label="Why official (or not)")
    body = forms.ModelChoiceField(
        queryset=Speaker.objects.filter(kind=Speaker.Kind.ORGANISATION),
        required=False,
        label="Speaks for (body)",
        empty_label="— none —",
    )


class AliasForm(forms.Form):
    alias = forms.CharField(max_length=300)
