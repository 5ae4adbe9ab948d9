"""Learning whom a speaker speaks for from the words around the name."""

from claims.pipeline.bodies import learn


def test_a_kremlin_spokesman_speaks_for_the_kremlin_and_the_russian_government() -> None:
    path = learn("Kremlin spokesman Arkady Velin", "Arkady Velin")
    assert path.bodies == ("the Kremlin", "Russian government")


def test_a_russian_chief_of_the_general_staff_speaks_for_the_russian_government() -> None:
    path = learn("Russian Chief of the General Staff Oleg Marenko", "Oleg Marenko")
    assert path.government == "Russian government"


def test_a_minister_of_an_unlisted_country_rolls_up_through_the_ministry() -> None:
    path = learn("Veltrian Defence Minister Mira Kessel", "Mira Kessel")
    assert path.bodies == ("Veltrian defence ministry", "Veltrian government")


def test_state_media_speak_for_their_state() -> None:
    assert learn("the Korean Central News Agency").government == "North Korean government"


def test_a_title_without_a_state_teaches_nothing() -> None:
    assert learn("press secretary Arkady Velin", "Arkady Velin").bodies == ()


def test_a_first_name_is_not_a_nationality() -> None:
    assert learn("Sen. Susan Collins", "Susan Collins").bodies == ()
    assert learn("presidential spokesman Brian Walsh").bodies == ()
