"""Which government a speaker speaks for, read off the words the article puts around them."""

from claims.pipeline.bodies import learn
from claims.pipeline.countries import countries, mentions
from claims.pipeline.governments import government_of


def test_a_demonym_in_the_source_phrase_names_the_government_and_says_why() -> None:
    found = government_of(name="Oleg Marenko", source="Russian Defence Minister Oleg Marenko")
    assert found is not None
    assert found.name == "Russian government"
    assert "'Russian' names Russia" in found.reason


def test_a_lower_cased_title_from_the_detector_still_names_the_country() -> None:
    found = government_of(name="Pak Chol", source="Pak Chol", title="north korean envoy")
    assert found is not None and found.name == "North Korean government"
    assert "title" in found.reason


def test_a_country_speaking_is_its_own_government() -> None:
    found = government_of(name="Belarus", source="Belarus")
    assert found is not None and found.name == "Belarusian government"
    assert found.reason == "the speaker 'Belarus' names Belarus"


def test_a_capital_used_as_a_metonym_speaks_for_the_government() -> None:
    found = government_of(name="Tehran", source="Tehran")
    assert found is not None and found.name == "Iranian government"
    assert "capital of Iran" in found.reason


def test_a_seat_of_government_rolls_up_through_the_seat() -> None:
    assert learn("Downing Street spokeswoman Clara Bell", "Clara Bell").bodies == (
        "Downing Street",
        "British government",
    )
    assert learn("the White House").bodies == ("the White House", "American government")


def test_state_media_speak_for_their_state() -> None:
    found = government_of(name="Xinhua", source="Xinhua")
    assert found is not None and found.name == "Chinese government"
    assert "state media of China" in found.reason


def test_an_apposition_after_the_name_names_the_body() -> None:
    path = learn(
        "Anton Vel",
        "Anton Vel",
        sentence="Anton Vel, the Kremlin's deputy spokesman, called the report baseless.",
    )
    assert path.bodies == ("the Kremlin", "Russian government")
    assert "apposition" in path.reason


def test_a_list_of_officials_names_the_body_of_each_one_in_it() -> None:
    sentence = (
        "The remarks echo earlier statements by Kremlin officials, including deputy "
        "press secretary Anton Vel, who called the report a provocation."
    )
    path = learn("who", "Anton Vel", title="deputy press secretary", sentence=sentence)
    assert path.government == "Russian government"


def test_a_relative_clause_after_the_name_is_no_apposition() -> None:
    sentence = "Anton Vel, who visited Moscow last year, called the report baseless."
    assert learn("Anton Vel", "Anton Vel", sentence=sentence).bodies == ()


def test_where_an_envoy_serves_is_not_whom_they_speak_for() -> None:
    found = government_of(name="Ruth Alder", source="Canadian ambassador to Mexico Ruth Alder")
    assert found is not None and found.name == "Canadian government"
    assert government_of(name="Ruth Alder", source="ambassador to Mexico Ruth Alder") is None


def test_a_demonym_not_in_the_table_still_names_a_state() -> None:
    path = learn("Veltrian Defence Minister Mira Kessel", "Mira Kessel")
    assert path.bodies == ("Veltrian defence ministry", "Veltrian government")


def test_the_portfolio_of_a_ministry_or_department_is_no_state() -> None:
    # Two countries' health ministries must never roll up to one "Health government".
    for source in ("Ministry of Health spokesperson Ana Ilic", "Minister of Public Works Ana Ilic"):
        assert learn(source, "Ana Ilic").bodies == ()
    assert learn("Foreign Minister of Ostmark Ana Ilic", "Ana Ilic").government == (
        "Ostmark government"
    )


def test_a_newspaper_named_after_a_capital_is_not_the_government() -> None:
    assert mentions("the Washington Post and the Moscow Times reported") == []
    assert government_of(name="Jo Reyes", source="Washington Post reporter Jo Reyes") is None


def test_pro_and_anti_name_no_state_and_plural_demonyms_are_people() -> None:
    assert mentions("pro-Russian separatists") == []
    assert mentions("dialogue among Americans") == []
    assert [m.country.code for m in mentions("Russian-Ukrainian front")] == ["RU", "UA"]


def test_a_region_is_not_a_state() -> None:
    assert mentions("Latin American leaders met in Lima") == [
        m for m in mentions("Latin American leaders met in Lima") if m.text == "Lima"
    ]
    assert learn("Latin American envoy Rosa Diaz", "Rosa Diaz").bodies == ()


def test_every_country_in_the_table_has_a_government_name_and_a_demonym_or_name() -> None:
    table = countries()
    assert len(table) >= 190
    assert len({c.code for c in table}) == len(table)
    assert all(c.government.endswith(" government") and c.name for c in table)


def test_a_surname_on_second_reference_is_no_nationality() -> None:
    assert learn("Ostrouski", "Viktar Ostrouski").bodies == ()
