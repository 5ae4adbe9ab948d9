from datetime import UTC, datetime, timedelta

from claims.pipeline.priority import PriorityInput, priority

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)


def signals(**overrides: object) -> PriorityInput:
    values: dict = {
        "checkworthiness": 0.8,
        "checkworthiness_reasons": ("number or quantity", "confirms or denies"),
        "official": True,
        "speaker_title": "press secretary",
        "reach": 1,
        "outlets": 1,
        "last_seen_at": NOW - timedelta(hours=2),
        "now": NOW,
    }
    values.update(overrides)
    return PriorityInput(**values)


def test_the_reasons_explain_every_signal_to_the_reviewer() -> None:
    _, reasons = priority(signals(reach=3, outlets=2))

    assert reasons == [
        "check-worthy 0.80: number or quantity, confirms or denies",
        "official: press secretary",
        "reach: 3 appearances in 2 outlets",
        "recent: 2 h ago",
    ]


def test_a_more_check_worthy_statement_ranks_higher() -> None:
    assert priority(signals(checkworthiness=0.9))[0] > priority(signals(checkworthiness=0.4))[0]


def test_a_head_of_government_outranks_a_junior_official_and_a_non_official() -> None:
    head = priority(signals(speaker_title="prime minister"))[0]
    junior = priority(signals(speaker_title="officials"))[0]
    citizen = priority(signals(official=False, speaker_title=""))[0]

    assert head > junior > citizen


def test_reach_and_recency_raise_priority() -> None:
    assert priority(signals(reach=5))[0] > priority(signals(reach=1))[0]
    fresh = priority(signals(last_seen_at=NOW - timedelta(hours=1)))[0]
    stale = priority(signals(last_seen_at=NOW - timedelta(days=5)))[0]
    assert fresh > stale


def test_priority_stays_within_zero_to_one_hundred() -> None:
    top = priority(signals(checkworthiness=1.5, reach=100, last_seen_at=NOW))[0]
    bottom = priority(signals(checkworthiness=-1, official=False, last_seen_at=None))[0]

    assert top <= 100 and bottom >= 0
