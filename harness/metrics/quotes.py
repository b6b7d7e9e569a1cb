"""Quote fidelity: how many of a summary's quotations are said in the sources, word for word, by that speaker.

Per-sample metrics:
- `quote_claims`: quotations found in the summary; `quote_flagged`: those altered, fabricated or misattributed;
- `quote_checked` / `quote_unjudged`: quotations judged / found but holding no word to compare;
- `quote_fidelity`: quotations judged `verbatim` (rightly attributed, or with no speaker named) / quotations.
  Left out when the summary quotes nothing.
"""

from __future__ import annotations

from typing import ClassVar

from harness.claims.quotes import find_quotes
from harness.metrics.protocols import SampleScore
from harness.metrics.source_cache import PerSources
from harness.metrics.surface import summary_as_prose, with_summary_text
from harness.results.metric_info import HIGHER, LOWER, NEITHER, MetricInfo
from harness.verdicts.quotes import SourceQuote, judge_quotes, read_quotes, source_quotes
from harness.verdicts.sources import Sources


class QuoteFidelityScorer:
    """Checks every quotation of a summary against the gold quotes, or gold-free the sources' quotes and text."""

    name = "quotes"
    metric_info: ClassVar[dict[str, MetricInfo]] = {
        "quote_*": NEITHER,
        "quote_fidelity": HIGHER,
        "quote_flagged": LOWER,
    }

    def __init__(self) -> None:
        self._quotes: PerSources[list[SourceQuote]] = PerSources(source_quotes)
        self._readings: PerSources[list[SourceQuote]] = PerSources(_readings)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Score one summary's quotations against its sources."""
        text = summary_as_prose(summary, sources)
        claims = find_quotes(text, sources.entities)
        findings = with_summary_text(
            judge_quotes(claims, sources, self._quotes(sources), self._readings(sources)), summary
        )
        metrics = {
            "quote_claims": float(len(findings)),
            "quote_flagged": float(sum(finding.flagged for finding in findings)),
            "quote_checked": float(len(findings)),
            "quote_unjudged": float(len(claims) - len(findings)),
        }
        if findings:
            metrics["quote_fidelity"] = sum(finding.verdict == "verbatim" for finding in findings) / len(findings)
        return SampleScore(metrics=metrics, findings=tuple(findings))


def _readings(sources: Sources) -> list[SourceQuote]:
    """The sources' quotes as `find_quotes` reads them; gold-free these are the source quotes themselves."""
    return read_quotes(sources) if sources.gold else []
