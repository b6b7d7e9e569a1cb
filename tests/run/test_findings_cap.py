"""A sample writes at most MAX_FINDINGS findings, flagged ones first, and says how many it left out."""

from __future__ import annotations

from harness.metrics.protocols import SampleScore
from harness.run.tasks import LEFT_OUT_METRIC, MAX_FINDINGS, score_output
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding


class ManyFindings:
    """One number finding per word of the summary; every seventh word's is unsupported (flagged)."""

    def score(self, summary: str, sources: Sources) -> SampleScore:
        words = summary.split()
        findings = [
            Finding(type="number", text=word, start=0, end=1, verdict="unsupported" if index % 7 == 0 else "supported")
            for index, word in enumerate(words)
        ]
        return SampleScore(metrics={"claims": float(len(findings))}, findings=tuple(findings))


def test_findings_beyond_the_cap_are_counted_not_written_and_flagged_ones_are_kept() -> None:
    sources = Sources.from_texts("c", {"d": "text"})
    summary = " ".join(str(index) for index in range(2500))
    scored = score_output({"many": ManyFindings()}, "summarize", (summary, sources))
    assert len(scored.findings) == MAX_FINDINGS
    assert scored.metrics["claims"] == 2500.0 and scored.metrics[LEFT_OUT_METRIC] == 1500.0
    assert sum(finding.flagged for finding in scored.findings) == len(range(0, 2500, 7))
    positions = [int(finding.text) for finding in scored.findings]
    assert positions == sorted(positions)


def test_a_sample_under_the_cap_keeps_every_finding_and_reports_nothing_left_out() -> None:
    sources = Sources.from_texts("c", {"d": "text"})
    scored = score_output({"many": ManyFindings()}, "summarize", ("1 2 3", sources))
    assert len(scored.findings) == 3 and LEFT_OUT_METRIC not in scored.metrics
