"""Run a scorer over labelled items and turn each `SampleScore` into one per-summary score.

Score rules (higher = more consistent):
- `findings` (default): 1 - flagged findings / all findings, the share of the summary's checked claims
  that the scorer found true to the document; 1.0 when the scorer checked no claim.
- `metric:NAME`: the scorer's own per-sample metric NAME (e.g. an NLI entailment probability).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tqdm import tqdm

from harness.errors import ConfigError
from harness.metaeval.items import LabelledItem
from harness.metrics.protocols import SampleScore, Scorer
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding

FINDINGS_RULE = "findings"
METRIC_PREFIX = "metric:"


@dataclass(frozen=True)
class ScorerEntry:
    """A scorer to evaluate, the name it is reported under and its score rule."""

    name: str
    scorer: Scorer
    rule: str = FINDINGS_RULE


@dataclass(frozen=True)
class ScoredItem:
    """One labelled item as one scorer saw it."""

    item: LabelledItem
    score: float
    findings: tuple[Finding, ...]
    metrics: dict[str, float]

    @property
    def flagged(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.flagged)


def check_rule(rule: str, where: str) -> str:
    """A valid score rule, or a `ConfigError` that lists the valid ones."""
    if rule == FINDINGS_RULE or (rule.startswith(METRIC_PREFIX) and len(rule) > len(METRIC_PREFIX)):
        return rule
    raise ConfigError(f"{where}: unknown score rule {rule!r}; use '{FINDINGS_RULE}' or '{METRIC_PREFIX}NAME'")


def summary_score(sample: SampleScore, rule: str, scorer_name: str) -> float:
    """The per-summary score a rule makes of one `SampleScore`."""
    if rule == FINDINGS_RULE:
        if not sample.findings:
            return 1.0
        flagged = sum(1 for finding in sample.findings if finding.flagged)
        return 1.0 - flagged / len(sample.findings)
    metric = rule.removeprefix(METRIC_PREFIX)
    if metric not in sample.metrics:
        raise ConfigError(
            f"scorer '{scorer_name}' has no metric '{metric}' (score rule {rule!r}); "
            f"its metrics are {', '.join(sorted(sample.metrics)) or 'none'}"
        )
    return float(sample.metrics[metric])


def sources_of(item: LabelledItem) -> Sources:
    """The item's document as gold-free sources: claims are checked against its text alone."""
    return Sources.from_texts(item.id, {item.id: item.document})


def score_items(entry: ScorerEntry, items: Sequence[LabelledItem], *, progress: bool = True) -> list[ScoredItem]:
    """Score every item's summary against its document."""
    scored = []
    for item in tqdm(items, desc=f"meta-eval {entry.name}", unit="summary", disable=not progress, leave=False):
        sample = entry.scorer.score(item.summary, sources_of(item))
        scored.append(
            ScoredItem(
                item, summary_score(sample, entry.rule, entry.name), tuple(sample.findings), dict(sample.metrics)
            )
        )
    return scored
