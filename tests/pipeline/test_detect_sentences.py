from claims.pipeline.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_it_does_not_split_after_titles_and_initials() -> None:
    text = "Sen. Ada Lorne and Gen. J. R. Hallam met on Monday. They spoke for an hour."
    assert texts(text) == [
        "Sen. Ada Lorne and Gen. J. R. Hallam met on Monday.",
        "They spoke for an hour.",
    ]


def test_it_splits_after_us_only_before_a_sentence_opener() -> None:
    text = "Troops returned to the U.S. The U.S. Army said so."
    assert texts(text) == ["Troops returned to the U.S.", "The U.S. Army said so."]


def test_it_keeps_a_multi_sentence_quote_in_one_unit() -> None:
    text = "“We tried. We failed,” she said. Then she left."
    assert texts(text) == ["“We tried. We failed,” she said.", "Then she left."]


def test_it_treats_each_line_as_a_paragraph() -> None:
    text = "Border Reopens\nBy Jana Holt\n\nThe border reopened."
    assert texts(text) == ["Border Reopens", "By Jana Holt", "The border reopened."]


def test_its_offsets_index_the_original_text_with_crlf() -> None:
    text = "\ufeffHeadline\r\n\r\nThe mayor said it works. He left."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert texts(text)[-1] == "He left."


def test_it_caps_a_run_on_sentence() -> None:
    sentences = split_sentences("word " * 10_000)
    assert len(sentences) > 10
    assert all(len(s.text) <= 3000 for s in sentences)
