"""The live benchmark's arithmetic, worked out by hand: which presenter frame shows which vote,
the 95th percentile, and lost votes."""

import math

import pytest

from tests.bench.live import Vote, latencies_ms, lost_votes, percentile


def test_each_vote_is_shown_by_the_first_later_frame_counting_it():
    votes = [
        Vote("a", sent=0.000, acked=0.010),  # 1st acknowledged
        Vote("b", sent=0.005, acked=0.030),  # 3rd
        Vote("c", sent=0.002, acked=0.020),  # 2nd
        Vote("d", sent=0.040, acked=None, error="not_open"),  # refused: never counted
    ]
    frames = [
        (0.008, 1),  # before the first acknowledgement: shows nothing yet
        (0.025, 1),  # shows the 1st (and is too early a count for the 2nd)
        (0.026, 2),  # shows the 2nd
        (0.050, 3),  # shows the 3rd
    ]
    # In order of acknowledgement: 25 − 0, 26 − 2, 50 − 5 ms.
    assert latencies_ms(votes, frames) == pytest.approx([25.0, 24.0, 45.0])


def test_a_vote_no_frame_shows_is_infinitely_late():
    votes = [Vote("a", sent=0.0, acked=0.01), Vote("b", sent=0.0, acked=0.02)]
    assert latencies_ms(votes, [(0.015, 1)]) == [pytest.approx(15.0), math.inf]


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        (list(range(1, 101)), 0.95, 95),  # nearest rank: the 95th of 100
        (list(range(1, 21)), 0.95, 19),  # ceil(19.0) = 19th of 20
        ([5, 1, 3], 0.95, 5),  # ceil(2.85) = 3rd of 3
        ([1, 2, math.inf], 0.5, 2),
        ([], 0.95, math.inf),  # nothing measured cannot pass a budget
    ],
)
def test_percentile(values, fraction, expected):
    assert percentile(values, fraction) == expected


def test_lost_votes_are_acknowledged_votes_missing_from_the_database():
    votes = [Vote("a", 0, 1), Vote("b", 0, 2), Vote("c", 0, None, "rate_limited"), Vote("d", 0, None)]
    assert lost_votes(votes, {"a", "b"}) == 0
    # c's vote was refused and d's stored without an answer in time: neither makes up for b's.
    assert lost_votes(votes, {"a", "c", "d"}) == 1
