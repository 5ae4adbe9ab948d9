"""A speaker seen with a title in an earlier article keeps it: the detector takes a lookup
of known titled speakers as an argument, and the reason names where the title came from."""

from claims.pipeline import KnownTitle, KnownTitles, detect

EARLIER = KnownTitle("President Ana Ruiz", "an earlier article (Harbour Gazette, 2026-12-01)")


def test_a_surname_seen_with_a_title_in_an_earlier_article_is_official() -> None:
    known = KnownTitles([("Ana Ruiz", EARLIER)])
    [found] = detect("Ruiz said the port would reopen in May.", known=known)
    assert found.official
    assert found.speaker == "Ana Ruiz"  # the known speaker, not a second entry "Ruiz"
    assert found.speaker_title == "president"
    assert found.title_source == "an earlier article (Harbour Gazette, 2026-12-01)"
    assert found.official_reason == (
        "title from an earlier article (Harbour Gazette, 2026-12-01): president"
    )


def test_without_the_lookup_the_bare_surname_is_not_official() -> None:
    [found] = detect("Ruiz said the port would reopen in May.")
    assert not found.official


def test_a_surname_two_known_speakers_share_is_not_guessed() -> None:
    other = KnownTitle("Senator Tomas Ruiz", "an earlier article (Velmora Post, 2026-11-30)")
    known = KnownTitles([("Ana Ruiz", EARLIER), ("Tomas Ruiz", other)])
    [found] = detect("Ruiz said the port would reopen in May.", known=known)
    assert not found.official


def test_a_disqualified_speaker_stays_disqualified_whatever_was_known() -> None:
    known = KnownTitles([("Ana Ruiz", EARLIER)])
    [found] = detect("Former president Ana Ruiz said the sale was a mistake.", known=known)
    assert not found.official
    assert found.official_reason == "not official: former office-holder"


def test_a_title_read_in_the_article_wins_over_an_earlier_one() -> None:
    known = KnownTitles([("Ana Ruiz", EARLIER)])
    text = "Harbour Authority chair Ana Ruiz opened the hearing.\n\nRuiz said the port would close."
    [found] = detect(text, known=known)
    assert found.official_reason == "body from paragraph 1: Harbour Authority"
