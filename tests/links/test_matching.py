"""The pure matcher: topic features, stance after negation, opposition."""

from claims.pipeline.matching import compare, features, numbers, opposite_stance, statement_stance


def test_a_statement_with_no_plans_denies_whatever_its_cue() -> None:
    stance, reason = statement_stance("asserts", "told", "there are no plans to send troops")
    assert stance == "denies"
    assert "negated" in reason


def test_calling_a_report_disinformation_dismisses_it() -> None:
    stance, _ = statement_stance("asserts", "said", "the reports were disinformation")
    assert stance == "dismisses"


def test_a_dismissive_cue_dismisses_rather_than_denies() -> None:
    assert statement_stance("denies", "dismissed", "reports of troops")[0] == "dismisses"


def test_a_denial_of_a_negation_stays_a_denial() -> None:
    assert statement_stance("denies", "denied", "that no talks took place")[0] == "denies"


def test_no_doubt_is_not_a_negation() -> None:
    assert statement_stance("asserts", "said", "there is no doubt the talks worked")[0] == "asserts"


def test_confirming_opposes_denying_and_dismissing_but_not_asserting() -> None:
    assert opposite_stance("confirms", "denies")
    assert opposite_stance("dismisses", "asserts")
    assert opposite_stance("questions", "confirms")
    assert not opposite_stance("confirms", "asserts")
    assert not opposite_stance("denies", "dismisses")


def test_framing_words_do_not_make_two_statements_one_topic() -> None:
    troops = features("reports of Veltrian troops in Lindau as disinformation")
    grain = features("reports of a grain shortage in the northern provinces as disinformation")
    assert "disinformation" not in troops.words
    assert compare(troops, grain).score < 0.3


def test_the_same_event_in_other_words_scores_as_one_topic() -> None:
    before = features("Veltrian soldiers were operating in the Lindau district of Ostmark")
    after = features("Veltrian troops had been deployed to the Lindau district of Ostmark")
    similarity = compare(before, after)
    assert similarity.score > 0.6
    assert "shared names: lindau, ostmark, veltria" in similarity.reasons


def test_numbers_keep_their_units() -> None:
    assert numbers("about 3,000 troops and 12% of the budget") == {"3000 troop", "12 %"}


def test_different_numbers_lower_the_score_and_say_so() -> None:
    a = features("The ministry sent 3,000 troops to the Lindau district of Ostmark")
    b = features("The ministry sent 5,000 troops to the Lindau district of Ostmark")
    similarity = compare(a, b)
    assert similarity.score < compare(a, a).score
    assert any(reason.startswith("numbers differ") for reason in similarity.reasons)


def test_a_capitalised_first_word_counts_as_a_name_when_the_other_side_names_it() -> None:
    a = features("Veltria had not stationed any troops in Lindau")
    b = features("there are no Veltrian soldiers in Lindau")
    assert "shared names: lindau, veltria" in compare(a, b).reasons


def test_five_content_words_are_too_short_to_link_automatically() -> None:
    assert features("Troops crossed into Lindau yesterday").short
    assert not features("Veltrian troops crossed the border into the Lindau district").short


def test_a_state_is_one_entity_however_it_is_named() -> None:
    adjective = features("Belarusian troops had participated in exercises near the border")
    capital = features("Minsk was providing troops for the exercises near the border")
    assert "belarus" in adjective.entities & capital.entities
    assert "shared names: belarus" in compare(adjective, capital).reasons


def test_participated_and_participation_meet_and_involvement_is_participation() -> None:
    took_part = features("Belarusian troops had participated in combat operations")
    participation = features("reports of Belarusian participation")
    involvement = features("reports of Belarusian involvement")
    assert "particip" in took_part.words & participation.words & involvement.words


def test_a_short_dismissal_is_one_topic_with_the_admission_it_dismissed() -> None:
    admission = features(
        "Belarusian troops had participated in combat operations in the Gomel region "
        "against Ukrainian forces"
    )
    dismissal = features("reports of Belarusian involvement as disinformation")
    assert compare(admission, dismissal).score >= 0.4


def test_the_speakers_own_words_about_another_state_are_not_about_its_own() -> None:
    exercise = features("Belarusian troops took part in the exercises")
    grain = features("Belarus will export more grain this year")
    assert compare(exercise, grain).score < 0.4
