"""The candidate sentences extractive summarizers choose from: prose sentences of each source document.

Scraped news pages carry furniture (headlines, bylines, datelines, photo credits, "3 min read", Markdown
links). Models never read the gold furniture annotations, so a sentence counts as prose only when it ends
with sentence punctuation, has at least `min_words` words and carries no Markdown heading, emphasis or link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harness.core.text import sentences, words
from harness.errors import ConfigError, ModelError
from harness.models.protocols import SourceCluster

_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_MARKUP = re.compile(r"^[#*>|\[]|\]\(|\*\*")


@dataclass(frozen=True)
class SourceSentence:
    """One prose sentence of a cluster: which document, its rank among that document's prose sentences."""

    document: int
    position: int
    text: str

    @property
    def word_count(self) -> int:
        return len(words(self.text))


def is_prose(sentence: str, min_words: int) -> bool:
    """True for a sentence of running text rather than page furniture."""
    return (
        _TERMINAL.search(sentence) is not None
        and _MARKUP.search(sentence) is None
        and len(words(sentence)) >= min_words
    )


def document_sentences(text: str, document: int = 0, min_words: int = 6) -> list[SourceSentence]:
    """Prose sentences of one document in reading order; a line break also ends a sentence (a headline line)."""
    pieces = [line.strip() for span in sentences(text) for line in span.text.split("\n")]
    prose = [" ".join(piece.split()) for piece in pieces if is_prose(piece, min_words)]
    return [SourceSentence(document, position, sentence) for position, sentence in enumerate(prose)]


def cluster_sentences(cluster: SourceCluster, min_words: int = 6) -> list[SourceSentence]:
    """Prose sentences of every document of `cluster`, document by document; ModelError when there are none."""
    found = [
        sentence
        for index, document in enumerate(cluster.documents)
        for sentence in document_sentences(document.text, index, min_words)
    ]
    if not found:
        raise ModelError(
            f"cluster '{cluster.id}': no source sentence of at least {min_words} words ending in punctuation"
        )
    return found


def in_source_order(chosen: list[SourceSentence]) -> str:
    """Join chosen sentences in the order they appear in the cluster."""
    return " ".join(sentence.text for sentence in sorted(chosen, key=lambda s: (s.document, s.position)))


def check_budget(max_sentences: int | None, max_words: int | None) -> None:
    """Reject a budget that is non-positive or missing on both sides."""
    if max_sentences is None and max_words is None:
        raise ConfigError("set max_sentences or max_words (or both): an extractive summary needs a budget")
    for name, value in (("max_sentences", max_sentences), ("max_words", max_words)):
        if value is not None and value < 1:
            raise ConfigError(f"{name} must be at least 1, got {value}")
