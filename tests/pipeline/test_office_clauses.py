"""An office stated by a verb reads as the noun phrase an appositive would use (roles.py)."""

from claims.pipeline.roles import current_office, office_clause


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
