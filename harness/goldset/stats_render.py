"""Render goldset statistics as aligned text tables, Markdown tables or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from harness.goldset.stats import GoldsetStats, Support

StatsFormat = Literal["text", "json", "markdown"]


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]


def _short(document_id: str) -> str:
    """`000_a96abc202f7dac2d` -> `000`: the column label of a document."""
    return document_id.split("_", 1)[0]


def _count_table(title: str, counts: dict[str, dict[str, int]], documents: list[str]) -> Table:
    rows = [
        [category, *(str(per_doc.get(doc, 0)) for doc in documents), str(sum(per_doc.values()))]
        for category, per_doc in counts.items()
    ]
    if rows:
        totals = [sum(per_doc.get(doc, 0) for per_doc in counts.values()) for doc in documents]
        rows.append(["total", *(str(total) for total in totals), str(sum(totals))])
    return Table(title, ["", *(_short(doc) for doc in documents), "all"], rows)


def _support_table(title: str, items: list[Support]) -> Table:
    rows = [[item.id, str(item.support), str(item.annotations), item.description] for item in items]
    return Table(title, ["id", "documents", "annotations", "description"], rows)


def tables(stats: GoldsetStats) -> list[Table]:
    """Every table of the statistics, in print order."""
    layer_counts = {layer: per_doc for layer, per_doc in stats.layers.items()}
    result = [_count_table("annotations per layer", layer_counts, stats.documents)]
    if any(any(per_doc.values()) for per_doc in stats.proposed.values()):
        result.append(_count_table("proposals awaiting review (not gold)", stats.proposed, stats.documents))
    result += [_count_table(b.title, b.counts, stats.documents) for b in stats.breakdowns]
    result += [
        _support_table("entities (support = documents mentioning it)", stats.entities),
        _support_table("number facts (support = documents reporting it)", stats.facts),
        _support_table("event clusters", stats.event_clusters),
        _support_table("quote clusters", stats.quote_clusters),
    ]
    for cluster, lengths in stats.references.items():
        result.append(
            Table(
                f"references of {cluster} (words)",
                ["reference", "words"],
                [[str(index), str(words)] for index, words in enumerate(lengths, 1)],
            )
        )
    return result


def _text_table(table: Table) -> str:
    widths = [max(len(row[i]) for row in [table.headers, *table.rows]) for i in range(len(table.headers))]
    lines = [table.title, "  ".join(h.ljust(w) for h, w in zip(table.headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in table.rows]
    return "\n".join(lines if table.rows else [table.title, "(none)"])


def _markdown_table(table: Table) -> str:
    if not table.rows:
        return f"### {table.title}\n\n(none)"
    lines = [f"### {table.title}", "", "| " + " | ".join(table.headers) + " |"]
    lines.append("| " + " | ".join("---" for _ in table.headers) + " |")
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table.rows]
    return "\n".join(lines)


def render(stats: GoldsetStats, fmt: StatsFormat = "text") -> str:
    """The statistics as one string in the requested format."""
    if fmt == "json":
        return json.dumps(stats.to_json(), indent=2, sort_keys=True, ensure_ascii=False)
    heading = f"goldset {stats.name}: {len(stats.documents)} documents"
    if fmt == "markdown":
        return "\n\n".join([f"## {heading}", *(_markdown_table(table) for table in tables(stats))])
    return "\n\n".join([heading, *(_text_table(table) for table in tables(stats))])
