"""An office stated by a verb reads as the noun phrase an appositive would use (roles.py)."""

from claims.pipeline.roles import current_office, office_clause, participle_office


def test_a_relative_clause_of_leading_reads_as_the_head_of_the_body() -> None:
    clause = "a Democrat who chairs the county's board of supervisors"
    assert office_clause(clause) == "head of the county's board of supervisors"


def test_a_relative_clause_of_sitting_on_a_body_reads_as_a_member() -> None:
    assert office_clause("who sits on the Marlow Planning Commission") == (
        "member of the Marlow Planning Commission"
    )


def test_a_predicate_after_a_name_reads_as_the_office_without_the_verb() -> None:
    assert office_clause(" was sworn in as mayor on Monday", opening=True) == "mayor on Monday"
    assert office_clause(" is the city's finance director", opening=True) == (
        "the city's finance director"
    )


def test_verbs_that_state_no_office_read_as_nothing() -> None:
    assert office_clause(" was appointed by the governor", opening=True) == ""
    assert office_clause(" is running for mayor", opening=True) == ""
    assert office_clause(" is confident the budget holds", opening=True) == ""
    assert office_clause("who heads a project on records") == ""


def test_the_office_ends_where_another_clause_begins() -> None:
    assert office_clause(" is a careful man and would be a careful mayor", opening=True) == (
        "a careful man"
    )


def test_the_office_held_now_is_read_beside_a_former_one() -> None:
    assert current_office("a former teacher who now serves as mayor") == "mayor"
    assert current_office("Former Mayor Rory Vance, now a state senator") == "a state senator"
    assert current_office("a former mayor now running for governor") == ""
    assert current_office("a former mayor") == ""


def test_an_office_held_since_a_year_or_taken_reads_as_the_office() -> None:
    assert office_clause(" has been the county's treasurer since 2016", opening=True) == (
        "the county's treasurer since 2016"
    )
    assert office_clause(" became treasurer in 2016", opening=True) == "now treasurer in 2016"
    assert office_clause(" took office as sheriff in January", opening=True) == (
        "now sheriff in January"
    )


def test_a_description_between_the_name_and_the_verb_does_not_hide_the_office() -> None:
    assert office_clause(", a former banker, is now the county's treasurer", opening=True) == (
        "the county's treasurer"
    )


def test_being_chosen_to_lead_a_body_reads_as_its_head() -> None:
    clause = " was appointed by the governor to lead the state water agency in 2021"
    assert office_clause(clause, opening=True) == "head of the state water agency in 2021"


def test_an_appositive_opening_with_a_participle_reads_as_the_office() -> None:
    assert participle_office("elected to the Marlow City Council in 2019") == (
        "member of the Marlow City Council in 2019"
    )
    assert participle_office("named police chief in March") == "police chief in March"
    assert participle_office("named in the lawsuit") == ""
    assert participle_office("appointed by the governor in 2020") == ""
    assert participle_office("a former banker") is None


def test_copulas_that_state_no_office_read_as_nothing() -> None:
    assert office_clause(" became famous in 2019", opening=True) == ""
    assert office_clause(" has been critical of the plan", opening=True) == ""
    assert office_clause(" hopes to become mayor", opening=True) == ""


def test_a_clause_after_the_noun_of_a_copula_is_not_the_office() -> None:
    assert office_clause(" is now the man Marlow officials blame", opening=True) == "the man"


def test_an_office_that_ended_reads_as_a_former_one() -> None:
    assert office_clause(" was mayor from 2010 to 2014", opening=True) == (
        "former mayor from 2010 to 2014"
    )
    assert office_clause("who served as mayor until 2018") == "former mayor until 2018"
    assert office_clause(" was the county's treasurer until 2019", opening=True) == (
        "the former county's treasurer until 2019"
    )
    assert office_clause(" was mayor at the time", opening=True) == ""
    assert office_clause("who served as a senator for 36 years") == ""
    assert office_clause("who has served as mayor since 2018") == "mayor since 2018"
