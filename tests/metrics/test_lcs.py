"""The LCS read from bit vectors is the one rouge-score's table gives, tie-breaking included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.metrics.rouge_math import lcs_indices, lcs_length


def _table_indices(ref: list[str], can: list[str]) -> list[int]:
    """rouge-score's `_lcs_table` and `_backtrack_norec`, kept here as the reference."""
    table = [[0] * (len(can) + 1) for _ in range(len(ref) + 1)]
    for i in range(1, len(ref) + 1):
        for j in range(1, len(can) + 1):
            if ref[i - 1] == can[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    i, j, found = len(ref), len(can), []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            found.insert(0, i - 1)
            i, j = i - 1, j - 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return found


tokens = st.lists(st.sampled_from(["a", "b", "c", "d", "the", "talks"]), max_size=25)


@settings(max_examples=400, deadline=None)
@given(tokens, tokens)
def test_lcs_indices_follow_the_table(ref: list[str], can: list[str]) -> None:
    assert lcs_indices(ref, can) == _table_indices(ref, can)
    assert lcs_length(ref, can) == len(_table_indices(ref, can))


def test_ties_are_broken_as_rouge_score_breaks_them() -> None:
    assert lcs_indices(["a", "b"], ["b", "a"]) == _table_indices(["a", "b"], ["b", "a"]) == [0]
