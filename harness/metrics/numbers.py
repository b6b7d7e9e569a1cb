"""Numeric consistency: how many of a summary's numbers the sources support, and which salient facts survive.

Per-sample metrics (all counts are floats, as `SampleScore.metrics` holds):
- `number_claims`: numeric expressions found in the summary; `number_flagged`: those with a flagged verdict;
- `number_supported`, `number_contradicted`, `number_unit_mismatch`, `number_unsupported`: counts per verdict;
- `number_checked`: claims given a verdict; `number_unjudged`: claims found but left `unverified` (a relative
  date with no known date to read it against), so that silence on such text shows as a count;
- `number_precision`: supported / claims. Left out when the summary has no number: a summary that states
  none is neither right nor wrong about numbers, and a made-up 1.0 or 0.0 would skew the mean;
- `number_survival`: weighted share of the salient gold number facts the summary keeps correctly (see
  `harness.verdicts.numbers.number_survival`). Left out in gold-free mode or when no fact is salient.
"""

from __future__ import annotations

from typing import ClassVar, get_args

from harness.errors import ConfigError
from harness.metrics.protocols import SampleScore
from harness.metrics.source_cache import PerSources
from harness.results.metric_info import HIGHER, LOWER, NEITHER, MetricInfo
from harness.verdicts.number_sources import SourceNumber
from harness.verdicts.numbers import number_findings, number_survival, source_numbers
from harness.verdicts.sources import Sources
from harness.verdicts.types import NumberVerdict


class NumberConsistencyScorer:
    """Judges every number of a summary against the sources (gold annotations, else the source texts).

    `salient_min_support`: the least number of documents that must report a gold number fact for it to count
    towards `number_survival` (2: facts that at least two sources agree on).
    """

    name = "numbers"
    metric_info: ClassVar[dict[str, MetricInfo]] = {
        "number_*": NEITHER,
        **dict.fromkeys(("number_precision", "number_survival"), HIGHER),
        **dict.fromkeys(("number_flagged", "number_contradicted", "number_unit_mismatch", "number_unsupported"), LOWER),
    }

    def __init__(self, salient_min_support: int = 2) -> None:
        if isinstance(salient_min_support, bool) or not isinstance(salient_min_support, int):
            raise ConfigError(f"numbers scorer: salient_min_support must be an integer, got {salient_min_support!r}")
        if salient_min_support < 1:
            raise ConfigError(f"numbers scorer: salient_min_support must be at least 1, got {salient_min_support}")
        self.salient_min_support = salient_min_support
        self._index: PerSources[tuple[SourceNumber, ...]] = PerSources(source_numbers)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Score one summary's numbers against its sources."""
        findings = number_findings(summary, sources, self._index(sources))
        metrics: dict[str, float] = {
            "number_claims": float(len(findings)),
            "number_flagged": float(sum(finding.flagged for finding in findings)),
        }
        for verdict in get_args(NumberVerdict):
            metrics[f"number_{verdict}"] = float(sum(finding.verdict == verdict for finding in findings))
        metrics["number_unjudged"] = metrics["number_unverified"]
        metrics["number_checked"] = len(findings) - metrics["number_unjudged"]
        if findings:
            metrics["number_precision"] = metrics["number_supported"] / len(findings)
        survival, _, _ = number_survival(findings, sources, salient_min_support=self.salient_min_support)
        if survival is not None:
            metrics["number_survival"] = survival
        return SampleScore(metrics=metrics, findings=findings)
