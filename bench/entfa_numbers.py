"""Non-factual numbers on EntFA: the number verdicts against "the number's string is not in the source".

Run `python bench/entfa_numbers.py ../shared/dev/entfa/train.json`. Every entity of a number type (CARDINAL,
DATE, MONEY, ORDINAL, PERCENT, QUANTITY, TIME) in a prediction is one item; it is non-factual when EntFA labels
it "Non-factual Hallucination" (with `--intrinsic`, "Intrinsic Hallucination" too). The harness calls it
non-factual when a flagged number finding of the prediction, judged gold-free against the source alone,
overlaps the entity. Reported: precision, recall and F1 of each detector, how many entities no number
claim covered (the finder did not read them, so no verdict could flag them), and per EntFA label how many
entities there are, how many are written in no form the source contains, and how many each detector flags (the
ceiling of a source-only check: a number true by world knowledge is absent from the source all the same).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from harness.verdicts.numbers import number_findings
from harness.verdicts.sources import Sources

NUMBER_TYPES = frozenset({"CARDINAL", "DATE", "MONEY", "ORDINAL", "PERCENT", "QUANTITY", "TIME"})


def prf(flags: Sequence[bool], truth: Sequence[bool]) -> tuple[float, float, float]:
    hits = sum(flag and true for flag, true in zip(flags, truth, strict=True))
    precision = hits / sum(flags) if any(flags) else 0.0
    recall = hits / sum(truth) if any(truth) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="EntFA json (a list of items)")
    parser.add_argument("--intrinsic", action="store_true", help="count intrinsic hallucinations as non-factual")
    parser.add_argument("--errors", type=int, default=0, help="print this many false alarms and misses")
    args = parser.parse_args(argv)
    try:
        items = json.loads(args.path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        sys.exit(f"{args.path}: {error}")
    positive = {"Non-factual Hallucination"} | ({"Intrinsic Hallucination"} if args.intrinsic else set())
    truth: list[bool] = []
    harness_flags: list[bool] = []
    string_flags: list[bool] = []
    uncovered = 0
    examples: list[str] = []
    labels: list[str] = []
    for number, item in enumerate(items):
        source, prediction = item["source"], item["prediction"]
        entities = [entity for entity in item["entities"] if entity["type"] in NUMBER_TYPES]
        if not entities:
            continue
        findings = number_findings(prediction, Sources.from_texts(f"entfa-{number}", {"source": source}))
        for entity in entities:
            start, end = entity["start"], entity["end"]
            covering = [finding for finding in findings if finding.start < end and start < finding.end]
            uncovered += not covering
            flagged = any(finding.flagged for finding in covering)
            true = entity["label"] in positive
            labels.append(entity["label"])
            truth.append(true)
            harness_flags.append(flagged)
            string_flags.append(entity["ent"].lower() not in source.lower())
            if flagged != true and len(examples) < 2 * args.errors:
                kind = "false alarm" if flagged else "miss"
                details = "; ".join(f"{finding.verdict}: {finding.detail}" for finding in covering) or "no claim"
                examples.append(f"{kind} {entity['ent']!r} ({entity['label']}) in {prediction!r}: {details}")
    print(f"number entities: {len(truth)}, non-factual: {sum(truth)}, covered by no number claim: {uncovered}")
    print("| detector | precision | recall | F1 |\n| --- | --- | --- | --- |")
    for name, flags in (("harness number verdicts", harness_flags), ("string not in source", string_flags)):
        precision, recall, f1 = prf(flags, truth)
        print(f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    print("\n| EntFA label | entities | string not in source | flagged by the harness |\n| --- | --- | --- | --- |")
    for name in sorted(set(labels)):
        rows = [index for index, label in enumerate(labels) if label == name]
        absent = sum(string_flags[index] for index in rows)
        print(f"| {name} | {len(rows)} | {absent} | {sum(harness_flags[index] for index in rows)} |")
    for example in examples:
        print(example)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
