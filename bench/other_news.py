"""Verdicts on summaries of news articles the project was not built from: planted errors caught, faithful
summaries flagged.

`python bench/other_news.py` scores data/validity/other-news.jsonl (ten project-written articles, each with one
faithful summary, two faithful paraphrases and four single planted errors) gold-free with the default offline
scorers, and prints the planted errors caught per kind, the faithful summaries flagged, and every miss and false
alarm with the findings that explain it. A summary counts as flagged when a verdict scorer (numbers,
entities, quotes, events) flags one of its claims; a planted error counts as caught only when a flagged claim
overlaps the wrong words (`error_span`), so a flag elsewhere in it is a false alarm, not a catch. The combined
flag is reported beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from harness.metrics.combined import CombinedScorer
from harness.metrics.entities import EntityConsistencyScorer
from harness.metrics.events import EventConsistencyScorer
from harness.metrics.lexical import LexicalSupportScorer
from harness.metrics.numbers import NumberConsistencyScorer
from harness.metrics.quotes import QuoteFidelityScorer
from harness.verdicts.sources import Sources

DATA = Path(__file__).resolve().parent.parent / "data" / "validity" / "other-news.jsonl"
VERDICT_SCORERS = {
    "numbers": NumberConsistencyScorer,
    "entities": EntityConsistencyScorer,
    "quotes": QuoteFidelityScorer,
    "events": EventConsistencyScorer,
}


@dataclass(frozen=True)
class Row:
    """One summary of the set: faithful, paraphrase or error (with its kind and the wrong words)."""

    id: str
    article_id: str
    kind: str
    error_kind: str | None
    error_span: str | None
    document: str
    summary: str


@dataclass
class Scored:
    """A row with the flags its summary raised (`scorer: verdict 'text' (detail)`), whether each overlaps the
    planted error, and the combined flag."""

    row: Row
    flags: list[str] = field(default_factory=list)
    on_error: list[bool] = field(default_factory=list)
    combined_flag: bool = False

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def caught(self) -> bool:
        """A planted error with a flag on its words."""
        return any(self.on_error)

    @property
    def stray(self) -> list[str]:
        """Flags away from the planted error (every flag of a faithful summary)."""
        return [flag for flag, on in zip(self.flags, self.on_error, strict=True) if not on]


def load_rows(path: Path = DATA) -> list[Row]:
    """The set's rows, in file order."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            rows.append(Row(**{key: raw[key] for key in Row.__dataclass_fields__}))
    return rows


def score_rows(rows: Sequence[Row]) -> list[Scored]:
    """Each summary scored gold-free against its own article by every verdict scorer and the combined score."""
    scorers = {name: factory() for name, factory in VERDICT_SCORERS.items()}
    lexical, combined = LexicalSupportScorer(), CombinedScorer()
    sources: dict[str, Sources] = {}
    scored = []
    for row in rows:
        source = sources.setdefault(row.article_id, Sources.from_texts(row.article_id, {"article": row.document}))
        result = Scored(row)
        start = row.summary.find(row.error_span) if row.error_span else -1
        end = start + len(row.error_span or "")
        metrics: dict[str, float] = dict(lexical.score(row.summary, source).metrics)
        for name, scorer in scorers.items():
            sample = scorer.score(row.summary, source)
            metrics.update(sample.metrics)
            for finding in sample.findings:
                if finding.flagged:
                    result.flags.append(f"{name}: {finding.verdict} '{finding.text}' ({finding.detail})")
                    result.on_error.append(start >= 0 and finding.start < end and start < finding.end)
        result.combined_flag = combined.combine(metrics)["combined_flag"] == 1.0
        scored.append(result)
    return scored


@dataclass(frozen=True)
class Tally:
    """The set's figures: errors caught per kind, faithful summaries flagged, error summaries with a stray flag."""

    caught: Counter[str]
    planted: Counter[str]
    faithful_flagged: int
    faithful: int
    combined_caught: int
    combined_faithful_flagged: int
    errors_with_stray_flags: int

    @property
    def errors_caught(self) -> int:
        return sum(self.caught.values())

    @property
    def errors(self) -> int:
        return sum(self.planted.values())


def tally(scored: Sequence[Scored]) -> Tally:
    """Count caught errors per kind and flagged faithful summaries (faithful and paraphrase alike)."""
    errors = [item for item in scored if item.row.kind == "error"]
    faithful = [item for item in scored if item.row.kind != "error"]
    return Tally(
        caught=Counter(str(item.row.error_kind) for item in errors if item.caught),
        planted=Counter(str(item.row.error_kind) for item in errors),
        faithful_flagged=sum(item.flagged for item in faithful),
        faithful=len(faithful),
        combined_caught=sum(item.combined_flag for item in errors),
        combined_faithful_flagged=sum(item.combined_flag for item in faithful),
        errors_with_stray_flags=sum(bool(item.stray) for item in errors),
    )


def report(scored: Sequence[Scored]) -> str:
    """The figures as Markdown, then every miss and false alarm with its reason."""
    figures = tally(scored)
    lines = [
        f"planted errors caught: {figures.errors_caught} of {figures.errors}; faithful summaries flagged: "
        f"{figures.faithful_flagged} of {figures.faithful}; error summaries with a flag away from the error: "
        f"{figures.errors_with_stray_flags} of {figures.errors}",
        f"(combined flag: {figures.combined_caught} of {figures.errors} errors, "
        f"{figures.combined_faithful_flagged} of {figures.faithful} faithful)",
        "",
        "| error kind | caught |",
        "| --- | --- |",
        *(f"| {kind} | {figures.caught[kind]} of {count} |" for kind, count in sorted(figures.planted.items())),
        "",
        "| faithful kind | flagged |",
        "| --- | --- |",
    ]
    for kind in ("faithful", "paraphrase"):
        rows = [item for item in scored if item.row.kind == kind]
        lines.append(f"| {kind} | {sum(item.flagged for item in rows)} of {len(rows)} |")
    lines += ["", "misses:"]
    lines += [
        f"- {item.row.id} ({item.row.error_kind}: '{item.row.error_span}')"
        for item in scored
        if item.row.kind == "error" and not item.caught
    ]
    lines += ["", "false alarms:"]
    for item in scored:
        if item.row.kind != "error" and item.flagged:
            lines.append(f"- {item.row.id} ({item.row.kind}): " + "; ".join(item.flags))
    lines += ["", "flags away from the planted error:"]
    lines += [
        f"- {item.row.id}: " + "; ".join(item.stray) for item in scored if item.row.kind == "error" and item.stray
    ]
    lines += ["", "caught:"]
    lines += [
        f"- {item.row.id} ({item.row.error_kind}): "
        + "; ".join(flag for flag, on in zip(item.flags, item.on_error, strict=True) if on)
        for item in scored
        if item.caught
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSON Lines set (default: the project's own)")
    args = parser.parse_args(argv)
    print(report(score_rows(load_rows(args.data))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
