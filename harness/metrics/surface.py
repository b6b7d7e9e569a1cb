"""What the consistency scorers share about a summary's surface: read as prose, findings quoting the summary."""

from __future__ import annotations

from collections.abc import Sequence

from harness.claims.system_text import as_prose
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding


def source_texts(sources: Sources) -> list[str]:
    """The texts of the source documents."""
    return [document.text for document in sources.documents]


def summary_as_prose(summary: str, sources: Sources) -> str:
    """The summary with PTB tokens cleaned and, when lowercased, the sources' case restored (same offsets)."""
    return as_prose(summary, source_texts(sources))


def with_summary_text(findings: Sequence[Finding], summary: str) -> list[Finding]:
    """Findings whose text is the summary's own characters at their span (case as the system wrote it)."""
    return [
        finding
        if summary[finding.start : finding.end] == finding.text
        else finding.model_copy(update={"text": summary[finding.start : finding.end]})
        for finding in findings
    ]
