"""Scorer sensitivity: of the errors a corrupting model planted, how many did the scorers flag?

A planted error counts as flagged when a flagged finding overlaps its span, or when a flagged finding of a
kind that can reveal it lies in the same sentence (a swapped speaker shows up as a misattributed quote,
whose span is the quotation; a flipped verb as a contradicted event, or a contradicted number whose fact
the sentence now denies). False alarms are the flags raised on summaries of models that planted nothing
(the unchanged references, for instance).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from harness.core.text import sentences
from harness.results.records import OUTPUTS_FILE, OutputRecord, read_jsonl
from harness.results.runs import Run
from harness.verdicts.types import Finding

REVEALED_BY = {
    "number": {"number"},
    "entity": {"entity", "quote"},
    "quote": {"quote"},
    "negation": {"event", "number", "nli"},
    "relation": {"event", "entity", "nli"},
}
"""Planted error type -> finding types that can reveal it within the same sentence."""


@dataclass
class Sensitivity:
    """Per planted error type and subtype: planted and flagged counts; and flags on unplanted summaries."""

    planted: Counter[str] = field(default_factory=Counter)
    flagged: Counter[str] = field(default_factory=Counter)
    clean_flags: Counter[str] = field(default_factory=Counter)
    clean_claims: int = 0
    clean_summaries: int = 0

    def rows(self) -> list[tuple[str, int, int, float]]:
        return [
            (kind, self.planted[kind], self.flagged[kind], self.flagged[kind] / self.planted[kind])
            for kind in sorted(self.planted)
        ]


def _sentence_of(text: str, offset: int) -> tuple[int, int]:
    for sentence in sentences(text):
        if sentence.start <= offset < sentence.end:
            return sentence.start, sentence.end
    return offset, offset + 1


def is_flagged(planted: dict[str, Any], text: str, findings: list[Finding]) -> bool:
    """True when a flagged finding overlaps the planted span, or reveals it from the same sentence."""
    start, end = int(planted["start"]), int(planted["end"])
    flagged = [f for f in findings if f.flagged]
    if any(f.start < end and start < f.end for f in flagged):
        return True
    sentence_start, sentence_end = _sentence_of(text, start)
    kinds = REVEALED_BY.get(str(planted["type"]), set())
    return any(f.type in kinds and sentence_start <= f.start < sentence_end for f in flagged)


def sensitivity(runs: list[Run]) -> Sensitivity:
    """Sensitivity over every model of `runs`: models whose outputs record planted errors, and the others."""
    result = Sensitivity()
    for run in runs:
        path = run.path / OUTPUTS_FILE
        outputs = {(o.model, o.id): o.output for o in read_jsonl(path, OutputRecord)} if path.exists() else {}
        for model, samples in run.samples.items():
            for sample in samples:
                output = outputs.get((model, sample.id))
                if sample.error is not None or not isinstance(output, dict):
                    continue
                planted = output.get("metadata", {}).get("planted")
                if planted is None:
                    result.clean_summaries += 1
                    result.clean_claims += len(sample.findings)
                    result.clean_flags.update(f.type for f in sample.findings if f.flagged)
                    continue
                for error in planted:
                    kind = f"{error['type']}/{error['subtype']}"
                    result.planted[kind] += 1
                    if is_flagged(error, str(output.get("text", "")), sample.findings):
                        result.flagged[kind] += 1
    return result


def to_markdown(result: Sensitivity) -> str:
    lines = ["| planted error | planted | flagged | share flagged |", "|---|---|---|---|"]
    lines += [f"| {kind} | {n} | {hit} | {share:.0%} |" for kind, n, hit, share in result.rows() if n]
    total, hits = sum(result.planted.values()), sum(result.flagged.values())
    if total:
        lines.append(f"| **all** | {total} | {hits} | {hits / total:.0%} |")
    flags = sum(result.clean_flags.values())
    detail = ", ".join(f"{kind} {count}" for kind, count in sorted(result.clean_flags.items())) or "none"
    lines += [
        "",
        f"Flags on unchanged summaries: {flags} of {result.clean_claims} claims in {result.clean_summaries} "
        f"summaries ({detail}).",
    ]
    return "\n".join(lines) + "\n"
