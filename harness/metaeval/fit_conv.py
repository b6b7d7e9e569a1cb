"""Fit a SummaC-Conv filter for `NliScorer(conv=...)` on the development items of a labelled JSON Lines set.

    python -m harness.metaeval.fit_conv --data dev.jsonl --model NLI_FOLDER --out conv.json [--window 1]

Only items whose `split` is dev (dev, val, valid, validation) are read for fitting: test items are never used,
and a set without dev items is refused.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from harness.errors import ConfigError, HarnessError
from harness.metaeval.readers.jsonl import JsonlReader
from harness.metaeval.scoring import CHUNK, sources_of
from harness.metrics.nli import NliScorer
from harness.metrics.nli_conv import ConvFilter, fit_filter


def fit(data: Path, scorer: NliScorer, bins: int, l2: float) -> ConvFilter:
    """The filter fitted on the dev items of `data`, with `scorer`'s model and premise window."""
    dataset = JsonlReader(str(data)).load()
    dev = [item for item in dataset.items if item.split == "dev"]
    if not dev:
        raise ConfigError(
            f"{data}: no item has split dev (dev, val, valid, validation); SummaC-Conv is fitted on dev only"
        )
    histograms, labels = [], []
    for offset in range(0, len(dev), CHUNK):
        chunk = dev[offset : offset + CHUNK]
        found = scorer.mean_histograms([(item.summary, sources_of(item)) for item in chunk], bins)
        for item, mean in zip(chunk, found, strict=True):
            if mean is not None:
                histograms.append(mean)
                labels.append(item.label)
    weights, bias = fit_filter(histograms, labels, l2)
    fitted_on = f"{data.name}: {len(labels)} dev items ({sum(labels)} consistent)"
    return ConvFilter(bins, weights, bias, scorer.model, scorer.window, fitted_on)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harness.metaeval.fit_conv", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="labelled JSON Lines (document, summary, label, split)"
    )
    parser.add_argument("--model", required=True, help="NLI model: a local folder or a cached Hugging Face id")
    parser.add_argument("--out", type=Path, required=True, help="where to write the filter (JSON)")
    parser.add_argument("--bins", type=int, default=50)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the filter weights")
    parser.add_argument("--window", type=int, default=1, help="sentences per premise")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--batch-size", type=int, default=32)
    arguments = parser.parse_args(argv)
    try:
        scorer = NliScorer(
            arguments.model, device=arguments.device, batch_size=arguments.batch_size, window=arguments.window
        )
        scorer.preflight()
        fitted = fit(arguments.data, scorer, arguments.bins, arguments.l2)
        fitted.save(arguments.out)
    except HarnessError as error:
        print(f"fit_conv: error: {error}", file=sys.stderr)
        return 2
    print(f"SummaC-Conv filter fitted on {fitted.fitted_on}: {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
