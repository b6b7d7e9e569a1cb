"""The source passages most relevant to a claim, ranked by BM25 (bm25s) over lower-cased word tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from harness.metrics.passages import Passage, passages
from harness.verdicts.sources import Sources

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@dataclass
class PassageIndex:
    """The passages of one cluster's sources and their BM25 index."""

    passages: list[Passage]
    index: Any

    @classmethod
    def build(cls, sources: Sources, window: int, stride: int | None) -> PassageIndex:
        import bm25s

        found = passages(sources, window, stride)
        index = bm25s.BM25()
        if found:
            index.index([tokens(passage.text) for passage in found], show_progress=False)
        return cls(found, index)

    def top(self, query: str, k: int) -> list[Passage]:
        """The `k` best passages for `query`, in document order; ties (and no shared word) keep document order."""
        if not self.passages:
            return []
        query_tokens = tokens(query)
        scores = self.index.get_scores(query_tokens) if query_tokens else [0.0] * len(self.passages)
        ranked = sorted(range(len(self.passages)), key=lambda index: (-float(scores[index]), index))
        return [self.passages[index] for index in sorted(ranked[:k])]


def render_passages(chosen: list[Passage]) -> str:
    """Numbered passages for the verification prompt: `[1] (document id) text`."""
    return "\n".join(f"[{number}] ({p.document}) {' '.join(p.text.split())}" for number, p in enumerate(chosen, 1))
