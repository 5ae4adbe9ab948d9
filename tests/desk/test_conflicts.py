"""Issue 14 case 8: only a field both people changed is a conflict; nobody's edit is lost."""

import lxml.html
import pytest

from reviews.models import Rating, Review
from reviews.services import review_edit

pytestmark = pytest.mark.django_db


def loaded_form(review: Review) -> dict[str, str]:
    """The verdict form exactly as a tab loaded it: current values and their base copies."""
    review.refresh_from_db()
    return {
        "version": str(review.version),
        "base_rating": str(review.rating_id or ""),
        "base_summary": review.summary,
        "base_explanation": review.explanation,
        "rating": str(review.rating_id or ""),
        "summary": review.summary,
        "explanation": review.explanation,
    }


@pytest.fixture
def drafted(review: Review, alice) -> Review:
    return review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        rating=Rating.objects.get(slug="false"),
        summary="The first draft of the summary.",
        explanation="The first draft of the explanation.",
    )


def test_edits_of_different_fields_are_both_kept(client, drafted, alice, erin) -> None:
    tab2 = loaded_form(drafted)
    review_edit(
        review_id=drafted.pk,
        actor=erin,
        expected_version=drafted.version,
        summary="Erin's summary, saved first.",
    )
    client.force_login(alice)

    response = client.post(
        f"/desk/reviews/{drafted.pk}/edit/",
        {**tab2, "explanation": "Alice's explanation, saved second."},
        follow=True,
    )

    assert response.status_code == 200
    drafted.refresh_from_db()
    assert drafted.summary == "Erin's summary, saved first."
    assert drafted.explanation == "Alice's explanation, saved second."
    assert "erin changed the summary meanwhile; their change is kept" in (
        response.content.decode().replace("&#x27;", "'")
    )


def test_a_field_both_changed_shows_yours_theirs_and_the_original(
    client, drafted, alice, erin
) -> None:
    tab2 = loaded_form(drafted)
    review_edit(
        review_id=drafted.pk,
        actor=erin,
        expected_version=drafted.version,
        summary="Erin's summary.",
        explanation="Erin's explanation.",
    )
    client.force_login(alice)

    response = client.post(
        f"/desk/reviews/{drafted.pk}/edit/",
        {**tab2, "summary": "Alice's summary.", "rating": str(Rating.objects.get(slug="true").pk)},
    )

    assert response.status_code == 409
    doc = lxml.html.fromstring(response.content.decode())
    [box] = doc.xpath("//section[contains(@class, 'conflict-box')]")
    fields = [" ".join(h.text_content().split()) for h in box.xpath(".//h3")]
    assert fields == ["Summary"]
    text = " ".join(box.text_content().split())
    assert "Yours: Alice's summary." in text
    assert "Theirs (erin): Erin's summary." in text
    assert "Original: The first draft of the summary." in text
    # The form keeps Alice's changes and Erin's explanation, and is based on Erin's version.
    form = doc.xpath("//form[@id='verdict-form']")[0]
    assert form.xpath(".//textarea[@name='summary']")[0].text.strip() == "Alice's summary."
    assert form.xpath(".//textarea[@name='explanation']")[0].text.strip() == "Erin's explanation."
    drafted.refresh_from_db()
    assert (drafted.summary, drafted.explanation) == ("Erin's summary.", "Erin's explanation.")
    assert drafted.rating.slug == "false"

    resolved = {
        name: value or ""
        for name, value in form.fields.items()
        if name not in ("csrfmiddlewaretoken", "action")
    }
    again = client.post(f"/desk/reviews/{drafted.pk}/edit/", resolved)

    assert again.status_code == 302
    drafted.refresh_from_db()
    assert drafted.summary == "Alice's summary."
    assert drafted.explanation == "Erin's explanation."
    assert drafted.rating.slug == "true"


def test_a_conflict_with_yourself_names_your_other_tab(client, drafted, alice) -> None:
    tab2 = loaded_form(drafted)
    review_edit(
        review_id=drafted.pk,
        actor=alice,
        expected_version=drafted.version,
        summary="Written in the first tab.",
    )
    client.force_login(alice)

    response = client.post(
        f"/desk/reviews/{drafted.pk}/edit/", {**tab2, "summary": "Written in the second tab."}
    )

    assert response.status_code == 409
    assert "Theirs (you, in another tab)" in " ".join(response.content.decode().split())
