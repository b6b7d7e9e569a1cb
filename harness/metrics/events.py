"""Event consistency: do the events a summary reports agree with the source events between the same participants?

Per-sample metrics:
- `event_claims`: event mentions found in the summary, plus clauses that drop a negation of a source clause
  (`verdicts/polarity.py`, always `contradicted`);
- `event_contradictions` (lower is better): summary events `contradicted` by a source event about the same
  thing (flipped polarity or antonym type; same agent, or without an agent a matching context);
- `event_checked` / `event_unjudged`: events supported or contradicted / events no source event bears on
  (`unverified`): silence on unfamiliar text shows as unjudged events, not as a clean score;
- `event_support`: `supported` events / summary events. Left out when the summary reports no event.
"""

from __future__ import annotations

from typing import ClassVar

from harness.claims.event_filters import without_common_agents, without_name_triggers
from harness.claims.events import find_events
from harness.metrics.entities import lower_words
from harness.metrics.protocols import SampleScore
from harness.metrics.source_cache import PerSources
from harness.metrics.surface import summary_as_prose, with_summary_text
from harness.results.metric_info import HIGHER, LOWER, NEITHER, MetricInfo
from harness.verdicts.event_roles import recheck
from harness.verdicts.events import SourceEvent, judge_events, source_events
from harness.verdicts.polarity import negation_findings
from harness.verdicts.sources import Sources


class EventConsistencyScorer:
    """Checks every event mention of a summary against gold events, or gold-free against the sources' events."""

    name = "events"
    metric_info: ClassVar[dict[str, MetricInfo]] = {
        "event_*": NEITHER,
        "event_support": HIGHER,
        "event_contradictions": LOWER,
    }

    def __init__(self) -> None:
        self._events: PerSources[list[SourceEvent]] = PerSources(source_events)
        self._lower_words: PerSources[frozenset[str]] = PerSources(lower_words)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Score one summary's event mentions against its sources."""
        text = summary_as_prose(summary, sources)
        claims = without_name_triggers(find_events(text, sources.entities), text)
        claims = without_common_agents(claims, text, self._lower_words(sources))
        events = self._events(sources)
        findings = recheck(judge_events(claims, sources, events), claims, events, text, sources)
        findings = with_summary_text(findings + negation_findings(text, sources, findings), summary)
        unverified = sum(finding.verdict == "unverified" for finding in findings)
        metrics = {
            "event_claims": float(len(findings)),
            "event_contradictions": float(sum(finding.verdict == "contradicted" for finding in findings)),
            "event_checked": float(len(findings) - unverified),
            "event_unjudged": float(unverified),
        }
        if findings:
            metrics["event_support"] = sum(finding.verdict == "supported" for finding in findings) / len(findings)
        return SampleScore(metrics=metrics, findings=tuple(findings))
