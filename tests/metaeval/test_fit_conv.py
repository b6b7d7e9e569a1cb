"""SummaC-Conv: a filter fitted on development items only, then used by the NLI scorer as `summac_conv`."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from harness.errors import ConfigError, InputFileError
from harness.metaeval.fit_conv import fit, main
from harness.metrics.nli import NliScorer
from harness.metrics.nli_conv import ConvFilter, fit_filter, histogram
from harness.verdicts.sources import Sources

DOCUMENT = "Russia invited the Taliban. The talks are in Moscow. Kabul declined the offer."
ROWS = [
    ("The talks are in Moscow.", 1, "dev"),
    ("Kabul declined the offer.", 1, "valid"),
    ("The talks are in Kabul.", 0, "dev"),
    ("Russia declined the Taliban.", 0, "dev"),
    ("Moscow invited Kabul.", 0, "test"),
]


def test_histograms_and_a_fit_on_separable_data() -> None:
    assert histogram([0.05, 0.95, 0.97, 1.0], 2).tolist() == [0.25, 0.75]
    rng = np.random.default_rng(0)
    high = [histogram(list(rng.uniform(0.6, 1.0, 8)), 10) for _ in range(10)]
    low = [histogram(list(rng.uniform(0.0, 0.4, 8)), 10) for _ in range(10)]
    weights, bias = fit_filter(high + low, [1] * 10 + [0] * 10, l2=0.1)
    fitted = ConvFilter(10, weights, bias, "m", 1, "synthetic")
    assert all(fitted.score(h) > 0.5 for h in high) and all(fitted.score(h) < 0.5 for h in low)
    with pytest.raises(ConfigError, match="both consistent and inconsistent"):
        fit_filter(high, [1] * 10)


@pytest.mark.slow
def test_fit_reads_dev_items_only_and_the_scorer_uses_the_filter(tmp_path: Path) -> None:
    pytest.importorskip("transformers")
    from tests.metrics.tiny_nli import build_tiny_nli

    model = build_tiny_nli(tmp_path / "nli", [DOCUMENT, *(summary for summary, _, _ in ROWS)])
    data = tmp_path / "dev.jsonl"
    lines = [json.dumps({"document": DOCUMENT, "summary": s, "label": y, "split": split}) for s, y, split in ROWS]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "conv.json"
    assert main(["--data", str(data), "--model", str(model), "--out", str(out), "--bins", "8"]) == 0
    fitted = ConvFilter.load(out)
    assert fitted.bins == 8 and fitted.fitted_on == "dev.jsonl: 4 dev items (2 consistent)"

    scorer = NliScorer(str(model), conv=str(out))
    sources = Sources.from_texts("c", {"d": DOCUMENT})
    summary = "Moscow invited Kabul. The talks are in Moscow."
    (mean,) = scorer.mean_histograms([(summary, sources)], 8)
    assert mean is not None and mean.sum() == pytest.approx(1.0)
    expected = 1 / (1 + math.exp(-(float(np.dot(fitted.weights, mean)) + fitted.bias)))
    assert scorer.score(summary, sources).metrics["summac_conv"] == pytest.approx(expected)
    with pytest.raises(ConfigError, match="window 1"):
        NliScorer(str(model), conv=str(out), window=2)


def test_no_dev_items_or_a_broken_filter_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "test-only.jsonl"
    data.write_text(json.dumps({"document": DOCUMENT, "summary": "x", "label": 1, "split": "test"}) + "\n")
    missing = str(tmp_path / "no-model")
    assert main(["--data", str(data), "--model", missing, "--out", str(tmp_path / "c.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(ConfigError, match="no item has split dev"):
        fit(data, NliScorer("never-loaded"), 8, 1.0)
    broken = tmp_path / "broken.json"
    broken.write_text('{"bins": 3, "weights": [1, 2], "bias": 0, "model": "m", "window": 1, "fitted_on": "x"}')
    with pytest.raises(InputFileError, match="bins"):
        ConvFilter.load(broken)
