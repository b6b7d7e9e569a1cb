"""Small scorers that implement the `Scorer` protocol for real, simple enough to compute every figure by hand."""

from __future__ import annotations

import re

from harness.metrics.protocols import SampleScore
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding

DIGITS = re.compile(r"\d+")


def target(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


class DigitScorer:
    """One number finding per digit run of the summary: supported when the run occurs in a source document."""

    name = "digits"

    def score(self, summary: str, sources: Sources) -> SampleScore:
        texts = [document.text for document in sources.documents]
        findings = tuple(
            Finding(
                type="number",
                text=match.group(),
                start=match.start(),
                end=match.end(),
                verdict="supported" if any(match.group() in DIGITS.findall(text) for text in texts) else "unsupported",
            )
            for match in DIGITS.finditer(summary)
        )
        flagged = sum(finding.flagged for finding in findings)
        return SampleScore(metrics={"digit_flagged": float(flagged), "length": float(len(summary))}, findings=findings)


class CapitalScorer:
    """One entity finding per capitalized word after the first: unsupported when the document lacks the word."""

    name = "capitals"

    def score(self, summary: str, sources: Sources) -> SampleScore:
        text = " ".join(document.text for document in sources.documents)
        findings = tuple(
            Finding(
                type="entity",
                text=match.group(),
                start=match.start(),
                end=match.end(),
                verdict="supported" if match.group() in text else "unsupported",
            )
            for match in re.finditer(r"(?<=\s)[A-Z][a-z]+", summary)
        )
        return SampleScore(metrics={}, findings=findings)
