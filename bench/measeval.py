"""Quantity spans on MeasEval (SemEval-2021 task 8): the harness's number finder beside quantulum3.

Run `python bench/measeval.py ../shared/dev/measeval/train` (or `.../trial`; several folders may be given).
Each folder holds `tsv/` (annotations) and `text/` or `txt/` (paragraphs). Reported per finder: overlap
precision/recall/F1 of quantity spans (the harness's `quantity` span where the claim has one, else its span;
ordinals and vague quantifiers are claims but no MeasEval quantities, and a second row keeps them),
exact spans, unit accuracy on overlap-matched spans whose gold names a unit (the same canonical unit, or for a
count the same singular head noun), value accuracy on matched spans whose gold text holds a number, and the
time to read every paragraph.
`--errors N` prints N examples of each class of the harness finder's errors (spurious, missed, too short,
too long, shifted, wrong unit, wrong value).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from harness.claims.numbers import find_numbers
from harness.claims.numbers.counted import singular
from harness.claims.numbers.units import resolve_unit


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    unit: str | None


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    value: float | None
    unit: str | None
    date: str | None = None
    members: tuple[Predicted, ...] = ()
    """The values of a list, each with its own span: the one at the gold's first number gives the value."""


@dataclass
class Paragraph:
    doc_id: str
    text: str
    golds: list[Gold] = field(default_factory=list)


_NUMBER = re.compile(r"[-\u2212\u2013]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:[eE][-\u2212]?\d+)?")
_POWER = re.compile(r"\s*[\u00d7x]\s*10\^?([-\u2212]?\d+)")
"""A power of ten after a mantissa: "× 10^5", "×10−4", and "× 106" (10⁶ with its superscript set on the line)."""
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "thousand": 1000,
}  # fmt: skip


def load(folder: Path) -> list[Paragraph]:
    """Paragraphs of one MeasEval folder with their unique Quantity spans."""
    texts = folder / "text" if (folder / "text").is_dir() else folder / "txt"
    if not (folder / "tsv").is_dir() or not texts.is_dir():
        sys.exit(f"{folder}: expected tsv/ and text/ (or txt/) folders")
    paragraphs = []
    for path in sorted(texts.glob("*.txt")):
        paragraph = Paragraph(path.stem, path.read_text(encoding="utf-8"))
        tsv = folder / "tsv" / f"{path.stem}.tsv"
        seen: set[tuple[int, int]] = set()
        if tsv.exists():
            with tsv.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                    key = (int(row["startOffset"]), int(row["endOffset"]))
                    if row["annotType"] != "Quantity" or key in seen:
                        continue
                    seen.add(key)
                    other = json.loads(row["other"]) if row.get("other") else {}
                    paragraph.golds.append(Gold(*key, row["text"], other.get("unit")))
        paragraphs.append(paragraph)
    return paragraphs


def gold_value(text: str) -> float | None:
    """The first number written in a gold span (digits with their power of ten or scale word, else a small number
    word): an independent reading."""
    found = _NUMBER.search(text)
    if found:
        value = float(found.group().replace("\u2212", "-").replace("\u2013", "-").replace(",", ""))
        power = _POWER.match(text, found.end())
        if power:
            return value * 10 ** int(power.group(1).replace("\u2212", "-"))
        scale = re.match(r"\s*([a-z]+)", text[found.end() :])
        return value * _SCALES.get(scale.group(1), 1.0) if scale else value
    words = [word for word in re.findall(r"[a-z]+", text.lower()) if word in _WORDS]
    return float(_WORDS[words[0]]) if words else None


NOT_QUANTITIES = frozenset({"ordinal", "vague"})
"""Claim kinds that are no MeasEval Quantity (a count or a measurement with a value): an order ("the first
time") and a quantifier without a number ("several", "a number of")."""


def harness_finder(text: str, *, every_kind: bool = False) -> list[Predicted]:
    """The finder's quantities: the `listed` span of a list of values with one unit (one quantity), else the
    `quantity` span where the claim has one (a count without its noun), else its span; ordinals and vague
    quantifiers are left out unless `every_kind`."""
    found: dict[tuple[int, int], Predicted] = {}
    for claim in find_numbers(text):
        if claim.kind in NOT_QUANTITIES and not every_kind:
            continue
        value = claim.value if claim.value is not None else claim.low
        own = claim.quantity or claim.span
        member = Predicted(own.start, own.end, value, claim.unit, claim.date)
        if claim.listed is None:
            found.setdefault((own.start, own.end), member)
            continue
        key = (claim.listed.start, claim.listed.end)
        first = found.setdefault(key, replace(member, start=key[0], end=key[1]))
        found[key] = replace(first, members=(*first.members, member))
    return list(found.values())


def every_claim(text: str) -> list[Predicted]:
    return harness_finder(text, every_kind=True)


def quantulum_finder() -> Callable[[str], list[Predicted]] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None

    def find(text: str) -> list[Predicted]:
        found = []
        for quantity in parser.parse(text):
            unit = None if quantity.unit.name == "dimensionless" else quantity.unit.name
            found.append(Predicted(quantity.span[0], quantity.span[1], float(quantity.value), unit))
        return found

    return find


def same_unit(gold: str, predicted: str | None) -> bool:
    if predicted is None:
        return False
    left, right = resolve_unit(gold), resolve_unit(predicted)
    if left is not None and right is not None:
        return left.name == right.name
    return _head(gold) == _head(predicted)  # a count's unit is its head noun


def _head(text: str) -> str:
    words = text.split()
    return singular(words[-1]) if words else text


def best_match(overlapping: Sequence[Predicted], gold: Gold) -> Predicted:
    """The prediction overlapping the gold span most; for a list, its value at the gold's first number."""
    best = max(overlapping, key=lambda p: min(p.end, gold.end) - max(p.start, gold.start))
    at_start = [member for member in best.members if member.start <= gold.start < member.end]
    inside = [member for member in best.members if gold.start <= member.start < gold.end]
    return (at_start or inside or [best])[0]


def same_value(expected: float, predicted: Predicted) -> bool:
    """The predicted value is the gold's first number; a date is right when that number is its day or year."""
    if predicted.date is not None and predicted.value is None:
        return expected in {float(part) for part in re.findall(r"\d+", predicted.date)}
    value = predicted.value
    return value is not None and abs(value - expected) <= 1e-6 * max(1, abs(expected))


def score(paragraphs: Sequence[Paragraph], find: Callable[[str], list[Predicted]]) -> dict[str, float]:
    started = time.perf_counter()
    predictions = [find(paragraph.text) for paragraph in paragraphs]
    elapsed = time.perf_counter() - started
    n_pred = n_gold = pred_hit = gold_hit = exact = 0
    unit_total = unit_right = value_total = value_right = 0
    for paragraph, predicted in zip(paragraphs, predictions, strict=True):
        n_pred += len(predicted)
        n_gold += len(paragraph.golds)
        pred_hit += sum(any(p.start < g.end and g.start < p.end for g in paragraph.golds) for p in predicted)
        for gold in paragraph.golds:
            overlapping = [p for p in predicted if p.start < gold.end and gold.start < p.end]
            if not overlapping:
                continue
            gold_hit += 1
            exact += any(p.start == gold.start and p.end == gold.end for p in overlapping)
            best = best_match(overlapping, gold)
            if gold.unit:
                unit_total += 1
                unit_right += same_unit(gold.unit, best.unit)
            expected = gold_value(gold.text)
            if expected is not None:
                value_total += 1
                value_right += same_value(expected, best)
    precision = pred_hit / n_pred if n_pred else 0.0
    recall = gold_hit / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact_p, exact_r = (exact / n_pred if n_pred else 0.0), (exact / n_gold if n_gold else 0.0)
    return {
        "gold": n_gold, "predicted": n_pred, "overlap_p": precision, "overlap_r": recall, "overlap_f1": f1,
        "exact": exact, "exact_f1": 2 * exact_p * exact_r / (exact_p + exact_r) if exact else 0.0,
        "unit_acc": unit_right / unit_total if unit_total else 0.0, "unit_n": unit_total,
        "value_acc": value_right / value_total if value_total else 0.0, "value_n": value_total,
        "seconds": elapsed,
    }  # fmt: skip


def _context(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - 30) : start]}[[{text[start:end]}]]{text[end : end + 20]}".replace("\n", " ")


def errors(paragraphs: Sequence[Paragraph], limit: int) -> None:
    """Print the harness finder's errors by class: spurious spans, missed spans, spans too short, too long or
    shifted, wrong units and wrong values (on the best-overlapping prediction, as scored)."""
    classes: dict[str, list[str]] = {
        name: [] for name in ("spurious", "missed", "too short", "too long", "shifted", "wrong unit", "wrong value")
    }
    for paragraph in paragraphs:
        text, predicted = paragraph.text, harness_finder(paragraph.text)
        for p in predicted:
            if not any(p.start < g.end and g.start < p.end for g in paragraph.golds):
                classes["spurious"].append(_context(text, p.start, p.end))
        for gold in paragraph.golds:
            overlapping = [p for p in predicted if p.start < gold.end and gold.start < p.end]
            if not overlapping:
                classes["missed"].append(_context(text, gold.start, gold.end))
                continue
            best = max(overlapping, key=lambda p: min(p.end, gold.end) - max(p.start, gold.start))
            read = best_match(overlapping, gold)
            shown = f"gold {gold.text!r}, predicted {' | '.join(text[p.start : p.end] for p in overlapping)!r}"
            if not any(p.start == gold.start and p.end == gold.end for p in overlapping):
                inside = best.start >= gold.start and best.end <= gold.end
                covers = best.start <= gold.start and best.end >= gold.end
                name = "too short" if inside else "too long" if covers else "shifted"
                classes[name].append(shown)
            if gold.unit and not same_unit(gold.unit, read.unit):
                classes["wrong unit"].append(f"gold {gold.text!r} unit {gold.unit!r}, predicted {read.unit!r}")
            expected = gold_value(gold.text)
            if expected is not None and not same_value(expected, read):
                classes["wrong value"].append(f"gold {gold.text!r} = {expected:g}, predicted {read.value!r}")
    for title, items in classes.items():
        print(f"\n{title}: {len(items)}")
        for item in items[:limit]:
            print("  ", item)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="MeasEval folders (train, trial)")
    parser.add_argument("--errors", type=int, default=0, help="print this many error examples per class")
    args = parser.parse_args(argv)
    finders: dict[str, Callable[[str], list[Predicted]]] = {
        "harness": harness_finder, "harness, every claim": every_claim,
    }  # fmt: skip
    quantulum = quantulum_finder()
    if quantulum is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): harness only")
    else:
        finders["quantulum3"] = quantulum
    columns = ("folder", "finder", "gold", "overlap P", "overlap R", "overlap F1", "exact", "exact F1", "unit acc")
    header = "| " + " | ".join((*columns, "value acc", "time")) + " |"
    print(header)
    print("|" + " --- |" * (header.count("|") - 1))
    for folder in args.folders:
        paragraphs = load(folder)
        resolve_unit("km")  # the units registry loads once per process (about half a second), off the clock
        times = {}
        for name, find in finders.items():
            m = score(paragraphs, find)
            times[name] = m["seconds"]
            print(
                f"| {folder.name} | {name} | {m['gold']:.0f} | {m['overlap_p']:.3f} | {m['overlap_r']:.3f} | "
                f"{m['overlap_f1']:.3f} | {m['exact']:.0f} | {m['exact_f1']:.3f} | {m['unit_acc']:.3f} "
                f"(n={m['unit_n']:.0f}) | {m['value_acc']:.3f} (n={m['value_n']:.0f}) | {m['seconds']:.2f} s |"
            )
        if "quantulum3" in times and times["harness"] > 0:
            print(f"| {folder.name} | speed-up | | | | | | | | | {times['quantulum3'] / times['harness']:.1f}x |")
        if args.errors:
            errors(paragraphs, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
