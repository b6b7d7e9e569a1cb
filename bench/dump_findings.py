"""Every scorer's metrics and findings on a fixed set of pairs, one JSON line per pair, to compare two checkouts.

`python bench/dump_findings.py OUT.jsonl [--news FILE --news-pairs N]` scores the goldset's pairs (gold-free,
and in gold mode: its references and the gold-free pairs' summaries against the gold sources), synthetic clusters
and, when given, news pairs (FRANK's layout, without ROUGE: such files have no references). A speed change that
keeps the results writes a byte-identical file (`cmp before.jsonl after.jsonl`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import suite_scorers
from pairs import goldset_pairs, news_pairs, synthetic_pairs

from harness.goldset.load import load_goldset
from harness.run.tasks import score_output
from harness.verdicts.sources import Sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--news", type=Path, default=None)
    parser.add_argument("--news-pairs", type=int, default=300)
    args = parser.parse_args(argv)
    free = goldset_pairs()
    pairs = [("gold-free", pair.summary, pair.sources) for pair in free]
    goldset = load_goldset()
    for cluster in goldset.clusters:
        gold = Sources.from_gold(goldset, cluster)
        pairs += [("gold", reference.text, gold) for reference in cluster.references]
        pairs += [("gold", pair.summary, gold) for pair in free]
    pairs += [("synthetic", pair.summary, pair.sources) for pair in synthetic_pairs(12, 4, 20180823)]
    if args.news is not None:
        pairs += [("news", pair.summary, pair.sources) for pair in news_pairs(args.news, args.news_pairs)]
    scorers = suite_scorers()
    without_rouge = {key: scorer for key, scorer in scorers.items() if key != "rouge"}
    with args.out.open("w", encoding="utf-8") as handle:
        for index, (kind, summary, sources) in enumerate(pairs):
            scored = score_output(without_rouge if kind == "news" else scorers, "summarize", (summary, sources))
            record = {
                "pair": index,
                "kind": kind,
                "metrics": scored.metrics,
                "findings": [finding.model_dump(mode="json") for finding in scored.findings],
                "errors": scored.errors,
            }
            handle.write(json.dumps(record, sort_keys=True) + "\n")
    print(f"{len(pairs)} pairs written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
