"""Bad input gives a bounded, correct result: never a crash, never a hang."""

import random

from claims.pipeline import SpeakerRegistry, detect


def test_it_returns_nothing_for_empty_text() -> None:
    assert detect("") == []


def test_it_handles_a_50000_character_sentence() -> None:
    found = detect("The minister said that " + "very " * 10_000 + "little changed.")
    assert found and found[0].speaker == "the minister"


def test_it_survives_unbalanced_quotes() -> None:
    found = detect("“He said we would win. " * 500 + "Mayor Ines Kovac said the vote was fair.")
    assert any(a.speaker == "Ines Kovac" for a in found)


def test_it_finds_every_statement_in_a_megabyte_of_text() -> None:
    # How fast is for `make bench`; here, that nothing is lost or merged at this size.
    text = "Kremlin spokesman Arkady Velin said the report was false. “It is a lie,” he added.\n"
    found = detect(text * 12_000)
    assert len(found) == 24_000


def test_it_survives_comma_chains_and_control_characters() -> None:
    assert len(detect("X said, " * 5000)) > 4000
    assert detect("\x00\x01 said \ufffd\u2028 “") is not None


def test_the_registry_overrides_the_lexicons() -> None:
    registry = SpeakerRegistry.from_entries(
        [{"name": "Nadia Orr", "is_official": True, "reason": "state auditor", "title": "auditor"}]
    )
    found = detect("Nadia Orr said the accounts were wrong.", registry)
    assert found[0].official
    assert found[0].official_reason == "registry: state auditor"
    assert found[0].speaker_title == "auditor"


def test_it_scores_a_number_as_more_check_worthy_than_an_opinion() -> None:
    number, opinion = detect(
        "The minister said unemployment fell to 4 percent.\n\nThe minister said the plan is great."
    )
    assert number.score > opinion.score
    assert "number or quantity" in number.score_reasons


def test_its_json_has_the_api_keys() -> None:
    data = detect("The minister said unemployment fell.")[0].to_json()
    for key in (
        "sentence_start",
        "sentence_end",
        "sentence",
        "source",
        "speaker",
        "cue",
        "content",
        "direct",
        "official",
        "official_reason",
        "score",
        "source_start",
        "source_end",
        "cue_start",
        "cue_end",
        "content_start",
        "content_end",
    ):
        assert key in data


def test_it_never_crashes_on_shuffled_newswire_fragments() -> None:
    pieces = [
        "said",
        "says",
        "told",
        "according",
        "to",
        "Reports",
        "the",
        "minister",
        "who",
        ",",
        ".",
        "“",
        "”",
        '"',
        "''",
        "(",
        ")",
        ":",
        "—",
        "He",
        "Gen.",
        "U.S.",
        "Ada Lorne",
        "and",
        "that",
        "was",
        "quoted",
        "as",
        "saying",
        "state",
        "media",
        "\n",
        "\n\n",
        "denied",
        "dismissed",
        "forecast",
        "officials",
        "on",
        "Tuesday",
        "which",
        "by",
        "'s",
    ]
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for found in detect(text):
            assert 0 <= found.sentence_start <= found.sentence_end <= len(text)
