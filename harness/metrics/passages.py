"""Passages of the sources: windows of consecutive content sentences, the units NLI and the judge read.

A window of one sentence is SummaC-ZS's premise; wider windows (SummaC's and AlignScore's document chunks)
let a claim rest on facts spread over neighbouring sentences. Furniture of gold documents is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from harness.core.text import sentences
from harness.errors import ConfigError
from harness.verdicts.locate import in_content
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence


@dataclass(frozen=True)
class Passage:
    """A span of one source document: its text is `document_text[start:end]`."""

    document: str
    start: int
    end: int
    text: str

    def evidence(self) -> Evidence:
        return Evidence(document=self.document, start=self.start, end=self.end, text=self.text)


def check_window(window: int, stride: int | None, where: str) -> None:
    """A `ConfigError` for a window below 1 or a stride outside 1..window."""
    if window < 1:
        raise ConfigError(f"{where}: window must be 1 or more sentences, got {window}")
    if stride is not None and not 1 <= stride <= window:
        raise ConfigError(f"{where}: stride must be between 1 and the window ({window}), got {stride}")


def passages(sources: Sources, window: int = 1, stride: int | None = None) -> list[Passage]:
    """Every window of `window` content sentences of each document, starting every `stride` (default: window)."""
    step = stride or window
    found: list[Passage] = []
    for document in sources.documents:
        spans = [s for s in sentences(document.text) if in_content(document, s.start, s.end)]
        for first in range(0, len(spans), step):
            chunk = spans[first : first + window]
            start, end = chunk[0].start, chunk[-1].end
            found.append(Passage(document.id, start, end, document.text[start:end]))
            if first + window >= len(spans):
                break
    return found
