"""rouge-score's tokenizer and ROUGE-N, ROUGE-L and ROUGE-Lsum formulas, on texts prepared once.

Every definition follows `rouge_score.tokenize` and `rouge_score.rouge_scorer` (0.1.2) step for step, down to
the order of floating-point operations and the choice of one longest common subsequence among several in
rougeLsum, so the scores are the same numbers; `tests/metrics/test_rouge_fast.py` checks them against
rouge-score itself. ROUGE-L needs only the length of the LCS, computed with bit vectors (Hyyrö 2004).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from harness.metrics.porter import PorterStemmer

_NON_ALPHANUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_VALID = re.compile(r"^[a-z0-9]+$")
STEM_MEMO_SIZE = 200_000
"""Distinct words whose stems are kept; the memo is emptied when it holds more (a pathological text)."""


class RougeTokenizer:
    """rouge-score's `DefaultTokenizer`: lower-case, split on non-alphanumerics, Porter-stem words over 3 letters."""

    def __init__(self, use_stemmer: bool = True) -> None:
        self._stemmer = PorterStemmer() if use_stemmer else None
        self._stems: dict[str, str] = {}

    def _stem(self, token: str) -> str:
        stem = self._stems.get(token)
        if stem is None:
            assert self._stemmer is not None
            if len(self._stems) >= STEM_MEMO_SIZE:
                self._stems.clear()
            stem = self._stems[token] = self._stemmer.stem(token)
        return stem

    def tokens(self, text: str) -> list[str]:
        """The tokens rouge-score's `tokenize(text, stemmer)` gives."""
        parts = _SPACES.split(_NON_ALPHANUM.sub(" ", text.lower()))
        if self._stemmer is not None:
            parts = [self._stem(part) if len(part) > 3 else part for part in parts]
        return [part for part in parts if _VALID.match(part)]


def ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of `tokens`."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class RougeText:
    """One text ready for scoring: its tokens, n-gram counts, and tokens per line (for rougeLsum)."""

    tokens: list[str]
    grams: dict[int, Counter[tuple[str, ...]]]
    lines: list[list[str]]
    line_counts: Counter[str]

    @classmethod
    def of(cls, text: str, tokenizer: RougeTokenizer, orders: tuple[int, ...]) -> RougeText:
        """`text` tokenized, with the n-grams of each order and the tokens of each of its lines."""
        tokens = tokenizer.tokens(text)
        lines = [tokenizer.tokens(line) for line in text.split("\n") if line]
        counts: Counter[str] = Counter()
        for line in lines:
            counts.update(line)
        return cls(tokens, {n: ngrams(tokens, n) for n in orders}, lines, counts)


def fmeasure(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def _ngram_f(target: Counter[tuple[str, ...]], prediction: Counter[tuple[str, ...]]) -> float:
    overlap = sum(min(count, prediction[gram]) for gram, count in target.items())
    precision = overlap / max(sum(prediction.values()), 1)
    recall = overlap / max(sum(target.values()), 1)
    return fmeasure(precision, recall)


def token_masks(target: list[str]) -> dict[str, int]:
    """Each token of `target` with the bits of the positions it holds."""
    masks: dict[str, int] = {}
    for index, token in enumerate(target):
        masks[token] = masks.get(token, 0) | (1 << index)
    return masks


def lcs_vectors(target: list[str], prediction: list[str], masks: dict[str, int] | None = None) -> list[int]:
    """The bit-vector LCS columns: after the first `j` prediction tokens, bit `i` of the `j`-th vector is 0
    exactly where `target[:i + 1]` has a longer LCS with them than `target[:i]` (Hyyro's algorithm); `masks`
    is `token_masks(target)`, built here when not given."""
    masks = token_masks(target) if masks is None else masks
    full = (1 << len(target)) - 1
    vector = full
    vectors = [vector]
    for token in prediction:
        mask = masks.get(token)
        if mask:
            matched = vector & mask
            vector = ((vector + matched) | (vector - matched)) & full
        vectors.append(vector)
    return vectors


def lcs_length(target: list[str], prediction: list[str]) -> int:
    """Length of a longest common subsequence, by the bit-vector algorithm (one big-int step per token)."""
    return len(target) - lcs_vectors(target, prediction)[-1].bit_count()


def _lcs_f(target: list[str], prediction: list[str]) -> float:
    if not target or not prediction:
        return 0.0
    length = lcs_length(target, prediction)
    return fmeasure(length / len(prediction), length / len(target))


def lcs_indices(ref: list[str], can: list[str], masks: dict[str, int] | None = None) -> list[int]:
    """The positions in `ref` of the LCS rouge-score's `lcs_ind` reads out (same table, same tie-breaking).

    The table's cell (i, j), the LCS length of `ref[:i]` and `can[:j]`, is read from the bit vectors as
    `i` less the ones among the low `i` bits of column `j`, so only the cells on the read-out path are computed.
    `masks` is `token_masks(ref)`, built here when not given: a reference line read against every summary
    line is masked once.
    """
    masks = token_masks(ref) if masks is None else masks
    if not ref or not can or masks.keys().isdisjoint(can):
        return []
    vectors = lcs_vectors(ref, can, masks)
    i, j, found = len(ref), len(can), []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            found.append(i - 1)
            i, j = i - 1, j - 1
        elif (
            i - (vectors[j - 1] & ((1 << i) - 1)).bit_count() > i - 1 - (vectors[j] & ((1 << (i - 1)) - 1)).bit_count()
        ):
            j -= 1
        else:
            i -= 1
    found.reverse()
    return found


def _summary_lcs_f(target: RougeText, prediction: RougeText) -> float:
    """rouge-score's `_summary_level_lcs`: union LCS of each reference line against all summary lines.

    The union is a set, so each distinct summary line is read once, and the lines stop once the union holds
    every position of the reference line whose word the summary has (none beyond them can be in an LCS)."""
    if not target.lines or not prediction.lines:
        return 0.0
    m, n = sum(map(len, target.lines)), sum(map(len, prediction.lines))
    if not n or not m:
        return 0.0
    ref_counts, can_counts = Counter(target.line_counts), Counter(prediction.line_counts)
    distinct = list({tuple(line): line for line in prediction.lines}.values())  # a repeated line adds nothing
    hits = 0
    for line in target.lines:
        masks = token_masks(line)
        reachable = sum(token in prediction.line_counts for token in line)
        union: set[int] = set()
        for other in distinct:
            if len(union) == reachable:  # every position whose word the summary has is in: no line adds more
                break
            union.update(lcs_indices(line, other, masks))
        for token in (line[index] for index in sorted(union)):
            if can_counts[token] > 0 and ref_counts[token] > 0:
                hits += 1
                can_counts[token] -= 1
                ref_counts[token] -= 1
    return fmeasure(hits / n, hits / m)


def fmeasure_of(kind: str, target: RougeText, prediction: RougeText) -> float:
    """F1 of one ROUGE type (`rouge1`..`rouge9`, `rougeL`, `rougeLsum`) of `prediction` against `target`."""
    if kind == "rougeL":
        return _lcs_f(target.tokens, prediction.tokens)
    if kind == "rougeLsum":
        return _summary_lcs_f(target, prediction)
    n = int(kind[5:])
    return _ngram_f(target.grams[n], prediction.grams[n])
