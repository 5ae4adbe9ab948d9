"""The cheap tests that let detection skip work decide as the full reading would."""

from claims.pipeline.speakers import appositives
from claims.pipeline.tokens import quote_spans, tokenize


def test_curly_and_straight_quotation_marks_pair_in_one_quotation() -> None:
    sentence = 'He said “we won" and left.'
    quotes = quote_spans(sentence, 10)
    assert quotes == [(18, 25)]
    quoted = [token.text for token in tokenize(sentence, 10, quotes) if token.quoted]
    assert quoted == ["we", "won"]


def test_a_quotation_left_open_runs_to_the_end_of_the_sentence() -> None:
    assert quote_spans("“We will rebuild the pier", 0) == [(0, 25)]


def test_a_title_of_several_words_makes_an_appositive() -> None:
    found = appositives("Ada Lorne, a senior crown counsel, said the case was closed.")
    assert found == [("Ada Lorne", "Ada Lorne, a senior crown counsel")]


def test_a_first_word_of_a_title_alone_makes_no_appositive() -> None:
    assert appositives("Ada Lorne, a crown jeweller, said the stones were real.") == []


def test_a_description_without_a_comma_is_no_appositive() -> None:
    assert appositives("Lena Ivo the harbour commissioner said the pier would reopen.") == []
    assert appositives("Lena Ivo, the harbour commissioner, said the pier would reopen.") == [
        ("Lena Ivo", "Lena Ivo, the harbour commissioner")
    ]
