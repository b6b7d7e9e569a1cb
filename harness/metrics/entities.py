"""Entity consistency: how many of the entities a summary names are found in its sources.

Per-sample metrics:
- `entity_claims`: entity mentions found in the summary; `entity_flagged`: those `unsupported` or `wrong_role`;
  `entity_wrong_role`: those given a role the sources do not give;
- `entity_precision`: precision-source of Nan et al. (2021), "Entity-level Factual Consistency of Abstractive
  Text Summarization": the share of distinct entities of the summary (by entity id, else by folded name)
  that some source document names, aliases included. Left out when the summary names no entity.
"""

from __future__ import annotations

from typing import ClassVar

from harness.claims.entities import find_entities
from harness.claims.text import fold
from harness.metrics.info import HIGHER, LOWER, NEITHER, MetricInfo
from harness.metrics.protocols import SampleScore
from harness.verdicts.entities import judge_entities
from harness.verdicts.sources import Sources


class EntityConsistencyScorer:
    """Checks every entity mention of a summary against the source documents (alias-aware)."""

    name = "entities"
    metric_info: ClassVar[dict[str, MetricInfo]] = {
        "entity_*": NEITHER,
        "entity_precision": HIGHER,
        **dict.fromkeys(("entity_flagged", "entity_wrong_role"), LOWER),
    }

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Score one summary's entity mentions against its sources."""
        claims = find_entities(summary, sources.entities)
        findings = judge_entities(claims, sources)
        found: dict[str, bool] = {}
        for claim, finding in zip(claims, findings, strict=True):
            key = claim.entity or fold(claim.span.text)
            found[key] = found.get(key, False) or finding.verdict != "unsupported"
        metrics = {
            "entity_claims": float(len(findings)),
            "entity_flagged": float(sum(finding.flagged for finding in findings)),
            "entity_wrong_role": float(sum(finding.verdict == "wrong_role" for finding in findings)),
        }
        if found:
            metrics["entity_precision"] = sum(found.values()) / len(found)
        return SampleScore(metrics=metrics, findings=tuple(findings))
