"""Entity consistency: how many of the entities a summary names are found in its sources.

Per-sample metrics:
- `entity_claims`: entity mentions found in the summary; `entity_flagged`: those `unsupported` or `wrong_role`;
  `entity_wrong_role`: those given a role the sources do not give;
- `entity_checked` / `entity_unjudged`: mentions judged / found but not judged (always 0: every mention gets
  a verdict), so that a summary where nothing was found reads as "nothing checked", not as a perfect score;
- `entity_precision`: precision-source of Nan et al. (2021), "Entity-level Factual Consistency of Abstractive
  Text Summarization": the share of distinct entities of the summary (by entity id, else by folded name)
  that some source document names, aliases included. Left out when the summary names no entity.

System output is read as prose first (`claims.system_text.as_prose`): PTB tokens and `UNK` are blanked and a
lowercased summary takes the case its sources write each word in, so its names can be found at all.
"""

from __future__ import annotations

import re
from typing import ClassVar

from harness.claims.entities import find_entities
from harness.core.text import fold
from harness.metrics.protocols import SampleScore
from harness.metrics.source_cache import PerSources
from harness.metrics.surface import source_texts, summary_as_prose, with_summary_text
from harness.results.metric_info import HIGHER, LOWER, NEITHER, MetricInfo
from harness.verdicts.entities import judge_entities
from harness.verdicts.sources import Sources

_WORD = re.compile(r"[\w'\u2019-]+")


class EntityConsistencyScorer:
    """Checks every entity mention of a summary against the source documents (alias-aware)."""

    name = "entities"
    metric_info: ClassVar[dict[str, MetricInfo]] = {
        "entity_*": NEITHER,
        "entity_precision": HIGHER,
        **dict.fromkeys(("entity_flagged", "entity_wrong_role"), LOWER),
    }

    def __init__(self) -> None:
        self._lower_words: PerSources[frozenset[str]] = PerSources(lower_words)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Score one summary's entity mentions against its sources."""
        text = summary_as_prose(summary, sources)
        claims = find_entities(text, sources.entities, self._lower_words(sources))
        findings = with_summary_text(judge_entities(claims, sources, text), summary)
        found: dict[str, bool] = {}
        for claim, finding in zip(claims, findings, strict=True):
            key = claim.entity or fold(claim.span.text)
            found[key] = found.get(key, False) or finding.verdict != "unsupported"
        metrics = {
            "entity_claims": float(len(findings)),
            "entity_flagged": float(sum(finding.flagged for finding in findings)),
            "entity_wrong_role": float(sum(finding.verdict == "wrong_role" for finding in findings)),
            "entity_checked": float(len(findings)),
            "entity_unjudged": 0.0,
        }
        if found:
            metrics["entity_precision"] = sum(found.values()) / len(found)
        return SampleScore(metrics=metrics, findings=tuple(findings))


def lower_words(sources: Sources) -> frozenset[str]:
    """Words the sources write in lower case: never a name when a summary capitalizes one to start a sentence."""
    return frozenset(word for text in source_texts(sources) for word in _WORD.findall(text) if word.islower())
