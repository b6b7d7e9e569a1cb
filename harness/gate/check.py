"""Decide whether a run holds against its baseline: metric floors and drops, item-level regressions, crashes."""

from __future__ import annotations

from dataclasses import dataclass, field

from harness.errors import ConfigError, HarnessError
from harness.gate.config import GateConfig, MetricRule
from harness.gate.names import known_metrics
from harness.results.metric_info import MetricInfo
from harness.results.records import SampleRecord
from harness.results.runs import Run
from harness.results.stats import bootstrap_ci


@dataclass(frozen=True)
class Check:
    """One named condition of the gate; a failed check carries the message a reviewer reads."""

    model: str
    name: str
    passed: bool
    message: str
    sample: str | None = None


@dataclass
class GateResult:
    checks: list[Check] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True only when there was something to check and every check holds: a gate that checks nothing fails."""
        return bool(self.checks) and all(check.passed for check in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [check for check in self.checks if not check.passed]


def _mean(samples: list[SampleRecord], metric: str) -> float | None:
    values = [s.metrics[metric] for s in samples if s.error is None and metric in s.metrics]
    return bootstrap_ci(values).mean if values else None


def _metric_checks(
    model: str, metric: str, rule: MetricRule, info: MetricInfo, now: float | None, then: float | None
) -> list[Check]:
    name = f"{metric}"
    if now is None:
        if then is None:
            return []
        return [Check(model, name, False, f"{metric} is missing from the run but the baseline has {then:.4f}")]
    checks = []
    if rule.min is not None:
        ok = now >= rule.min
        checks.append(Check(model, f"{name} >= {rule.min}", ok, f"{metric} = {now:.4f}, floor {rule.min}"))
    if rule.max is not None:
        ok = now <= rule.max
        checks.append(Check(model, f"{name} <= {rule.max}", ok, f"{metric} = {now:.4f}, ceiling {rule.max}"))
    if rule.max_drop is not None and then is not None:
        if info.direction == "neither":
            worsening = abs(now - then)
        else:
            worsening = (now - then) if info.lower_is_better else (then - now)
        ok = worsening <= rule.max_drop + 1e-12
        direction = "rose" if now > then else "fell"
        message = (
            f"{metric} {direction} from {then:.4f} to {now:.4f} (tolerated: {rule.max_drop})"
            if worsening > 0
            else f"{metric} = {now:.4f} (baseline {then:.4f})"
        )
        checks.append(Check(model, f"{name} change", ok, message))
    return checks


def _why(sample: SampleRecord) -> str:
    if sample.error is not None:
        return f"error: {sample.error}"
    flagged = [f for f in sample.findings if f.flagged]
    parts = [f"{f.type} '{f.text}' {f.verdict}" + (f" ({f.detail})" if f.detail else "") for f in flagged[:5]]
    more = f" and {len(flagged) - 5} more" if len(flagged) > 5 else ""
    return "; ".join(parts) + more


def _item_checks(model: str, run: list[SampleRecord], baseline: list[SampleRecord], limit: int) -> list[Check]:
    before = {s.id: s for s in baseline}
    regressions = [
        s
        for s in run
        if s.id in before
        and before[s.id].error is None
        and not before[s.id].flagged
        and (s.error is not None or s.flagged)
    ]
    checks = [
        Check(model, f"item {s.id}", False, f"sample {s.id} passed in the baseline and now fails: {_why(s)}", s.id)
        for s in regressions
    ]
    if len(regressions) <= limit:
        checks = [Check(c.model, c.name, True, c.message, c.sample) for c in checks]
    summary = f"{len(regressions)} item-level regression(s) (tolerated: {limit})"
    return [*checks, Check(model, "item regressions", len(regressions) <= limit, summary)]


def check_metric_names(run: Run, baseline: Run, config: GateConfig) -> None:
    """A threshold on a metric neither run knows is a typo, not a check that passes: a usage error."""
    known = known_metrics(run, baseline)
    unknown = sorted(set(config.metrics) - known)
    if unknown:
        raise ConfigError(
            f"gate config: unknown metric(s) {', '.join(unknown)}; known metrics: {', '.join(sorted(known))}"
        )


def check_gate(run: Run, baseline: Run, config: GateConfig) -> GateResult:
    """Every check of `config` on every gated model of `run` against `baseline`."""
    if config.require_same_fingerprint and not run.summary.fingerprint.compatible_with(baseline.summary.fingerprint):
        differing = ", ".join(run.summary.fingerprint.differences(baseline.summary.fingerprint))
        raise HarnessError(
            f"{run.path} and baseline {baseline.path} were scored differently (fingerprints differ in: {differing}): "
            "refresh the baseline deliberately, or set require_same_fingerprint=false"
        )
    check_metric_names(run, baseline, config)
    result = GateResult()
    models = config.models if config.models is not None else sorted(baseline.summary.models)
    if not models:
        result.checks.append(Check("*", "baseline models", False, f"baseline {baseline.path} holds no model"))
    for model in models:
        if model not in run.samples:
            result.checks.append(Check(model, "model present", False, f"model '{model}' has no samples in the run"))
            continue
        samples, base = run.samples[model], baseline.samples.get(model, [])
        if not base:
            result.checks.append(Check(model, "baseline samples", False, f"the baseline has no samples of '{model}'"))
        failed = [s for s in samples if s.error is not None]
        result.checks.append(
            Check(
                model,
                "no failed samples",
                config.allow_failures or not failed,
                f"{len(failed)} sample(s) failed: " + ", ".join(f"{s.id} ({s.error})" for s in failed[:5])
                if failed
                else "every sample scored",
            )
        )
        for metric, rule in config.metrics.items():
            info = run.summary.info(metric)
            now, then = _mean(samples, metric), _mean(base, metric)
            result.checks.extend(_metric_checks(model, metric, rule, info, now, then))
        if config.item_regressions:
            result.checks.extend(_item_checks(model, samples, base, config.max_item_regressions))
    return result
