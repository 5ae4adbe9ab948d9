"""The pure parts of the desk: statement marking, word diffs and SVG charts."""

from claims.models import Appearance
from desk.charts import bar_chart, stacked_columns
from desk.claim import marked_segments
from desk.diffs import changes, word_diff

TEXT = "Lead.\nPress secretary Arkady Velin dismissed the reports as disinformation.\nEnd."


def spans(**offsets: int) -> Appearance:
    # Only the offsets are read: an unsaved Appearance holding them.
    return Appearance(**offsets)


def test_source_cue_and_content_are_marked_at_their_offsets() -> None:
    source = TEXT.index("Press")
    cue = TEXT.index("dismissed")
    content = TEXT.index("the reports")
    appearance = spans(
        source_start=source,
        source_end=cue - 1,
        cue_start=cue,
        cue_end=cue + 9,
        content_start=content,
        content_end=TEXT.index(".\nEnd"),
    )

    pieces = marked_segments(TEXT, appearance)

    assert "".join(text for text, _ in pieces) == TEXT
    marked = [(text, kind) for text, kind in pieces if kind]
    assert marked == [
        ("Press secretary Arkady Velin", "source"),
        ("dismissed", "cue"),
        ("the reports as disinformation", "content"),
    ]


def test_overlapping_or_impossible_offsets_never_garble_the_text() -> None:
    appearance = spans(
        source_start=6, source_end=30, cue_start=20, cue_end=40, content_start=70, content_end=999
    )

    pieces = marked_segments(TEXT, appearance)

    assert "".join(text for text, _ in pieces) == TEXT
    assert [kind for _, kind in pieces if kind] == ["source", "cue"]


def test_word_diff_marks_inserted_and_deleted_words() -> None:
    pieces = word_diff("The bridge opens in May.", "The bridge opens in September.")

    assert pieces == [("", "The bridge opens in"), ("del", " May."), ("ins", " September.")]


def test_changes_lists_only_the_fields_that_differ() -> None:
    found = changes(
        {"rating": "False", "summary": "A", "explanation": "B"},
        {"rating": "False", "summary": "A2", "explanation": "B"},
    )

    assert [change.field for change in found] == ["summary"]


def test_charts_escape_labels_and_describe_themselves() -> None:
    svg = bar_chart([("<script>x</script>", 3), ("Velin", 1)], title="Top speakers")

    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title>Top speakers</title>" in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_stacked_columns_draw_one_rect_per_non_zero_value_and_a_legend() -> None:
    svg = stacked_columns(["1 May", "2 May"], [("A", [1, 0]), ("B", [2, 3])], title="Flagged")

    assert svg.count("<rect") == 3 + 2  # three bars, two legend swatches


def test_an_empty_chart_says_so() -> None:
    assert "Nothing to show yet." in bar_chart([], title="Verdicts")
