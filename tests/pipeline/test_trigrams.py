import random

from claims.pipeline.trigrams import TrigramIndex, similarity, trigrams


def test_trigrams_are_cut_from_padded_lower_case_words() -> None:
    assert trigrams("Cat!") == {"  c", " ca", "cat", "at "}
    assert trigrams("a_b") == trigrams("a b")


def test_identical_texts_score_one_and_disjoint_ones_zero() -> None:
    assert similarity("The budget rose", "the budget ROSE.") == 1.0
    assert similarity("grain", "water") == 0.0
    assert similarity("", "") == 0.0


def test_the_index_finds_exactly_what_comparing_every_pair_finds() -> None:
    rng = random.Random(7)
    words = "minister said the budget rose fell by percent grain water rates bridge".split()
    texts = [" ".join(rng.choices(words, k=rng.randint(3, 9))) for _ in range(300)]
    index = TrigramIndex(0.6, corpus=[trigrams(text) for text in texts])
    for key, text in enumerate(texts):
        index.add(key, trigrams(text))

    for text in texts[:60]:
        found = {key for key, _ in index.similar(trigrams(text))}
        expected = {key for key, other in enumerate(texts) if similarity(text, other) >= 0.6}
        assert found == expected
