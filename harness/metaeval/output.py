"""The files of a meta-evaluation run: `metaeval.json` (every figure), `metaeval.md` (the tables) and
`scores.jsonl` (one line per summary and scorer: label, score, flagged findings, marked spans).
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import TYPE_CHECKING, Any

from harness.metaeval.render import markdown

if TYPE_CHECKING:
    from harness.metaeval.pipeline import MetaEvalResult

JSON_FILE = "metaeval.json"
MARKDOWN_FILE = "metaeval.md"
SCORES_FILE = "scores.jsonl"


def finite(value: Any) -> Any:
    """The value with every NaN or infinity (an undefined statistic, an open threshold) as null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(entry) for key, entry in value.items()}
    if isinstance(value, list | tuple):
        return [finite(entry) for entry in value]
    return value


def summary_json(result: MetaEvalResult) -> dict[str, Any]:
    items = result.dataset.items
    return finite(
        {
            "dataset": {
                "name": result.dataset.name,
                "benchmark": result.dataset.benchmark,
                "n_items": len(items),
                "n_dev": sum(item.split == "dev" for item in items),
                "n_test": sum(item.split == "test" for item in items),
                "has_categories": result.dataset.has_categories,
                "has_spans": result.dataset.has_spans,
            },
            "protocol": {
                "threshold_basis": result.protocol.basis,
                "n_threshold_items": len(result.protocol.dev),
                "n_evaluated": len(result.protocol.evaluated),
                "description": result.protocol.description,
            },
            "bootstrap": dataclasses.asdict(result.settings),
            "scorers": [
                {"name": report.scorer, "target": target, **dataclasses.asdict(report)}
                for report, target in zip(result.reports, result.targets, strict=True)
            ],
            "references": [dataclasses.asdict(figure) for figure in result.references],
        }
    )


def score_lines(result: MetaEvalResult) -> list[str]:
    lines = []
    for name, scored in result.scored.items():
        for entry in scored:
            item = entry.item
            record = {
                "scorer": name,
                "id": item.id,
                "split": item.split,
                "label": item.label,
                "categories": list(item.categories),
                "score": entry.score,
                "findings": len(entry.findings),
                "flagged": [
                    finding.model_dump(include={"type", "text", "start", "end", "verdict", "detail"})
                    for finding in entry.flagged
                ],
                "marked_spans": None if item.spans is None else [dataclasses.asdict(span) for span in item.spans],
                "metrics": entry.metrics,
            }
            lines.append(json.dumps(finite(record), ensure_ascii=False, sort_keys=True))
    return lines


def write_outputs(result: MetaEvalResult) -> None:
    """Write the three files into the run directory (created when missing)."""
    result.run_dir.mkdir(parents=True, exist_ok=True)
    (result.run_dir / JSON_FILE).write_text(
        json.dumps(summary_json(result), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (result.run_dir / MARKDOWN_FILE).write_text(markdown(result.tables), encoding="utf-8")
    (result.run_dir / SCORES_FILE).write_text("\n".join(score_lines(result)) + "\n", encoding="utf-8")
