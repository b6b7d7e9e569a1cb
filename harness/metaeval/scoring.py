"""Run a scorer over labelled items and turn each `SampleScore` into one per-summary score.

Score rules (higher = more consistent):
- `findings` (default): 1 - flagged findings / all findings, the share of the summary's checked claims
  that the scorer found true to the document; 1.0 when the scorer checked no claim.
- `metric:NAME`: the scorer's own per-sample metric NAME (`metric:nli_score`, `metric:judge_score`,
  `metric:combined_score`, ...).
A scorer with `score_many(pairs)` (NLI, the LLM judge) gets the items in chunks, so model calls are batched
and many are in flight at once; several rules of one scorer reuse one scoring pass.
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
CHUNK = 64
"""Items handed to a scorer's `score_many` at once."""


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


def sample_scores(
    scorer: Scorer, items: Sequence[LabelledItem], name: str, *, progress: bool = True
) -> list[SampleScore]:
    """Every item's summary scored against its document, through `score_many` in chunks when the scorer has it."""
    many = getattr(scorer, "score_many", None)
    results: list[SampleScore] = []
    with tqdm(total=len(items), desc=f"meta-eval {name}", unit="summary", disable=not progress, leave=False) as bar:
        if callable(many):
            for offset in range(0, len(items), CHUNK):
                chunk = items[offset : offset + CHUNK]
                results.extend(many([(item.summary, sources_of(item)) for item in chunk]))
                bar.update(len(chunk))
        else:
            for item in items:
                results.append(scorer.score(item.summary, sources_of(item)))
                bar.update(1)
    return results


def scored_items(entry: ScorerEntry, items: Sequence[LabelledItem], samples: Sequence[SampleScore]) -> list[ScoredItem]:
    """Each item with the per-summary score `entry.rule` makes of its `SampleScore`."""
    return [
        ScoredItem(item, summary_score(sample, entry.rule, entry.name), tuple(sample.findings), dict(sample.metrics))
        for item, sample in zip(items, samples, strict=True)
    ]


def score_items(entry: ScorerEntry, items: Sequence[LabelledItem], *, progress: bool = True) -> list[ScoredItem]:
    """Score every item's summary against its document."""
    return scored_items(entry, items, sample_scores(entry.scorer, items, entry.name, progress=progress))
