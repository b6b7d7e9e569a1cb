"""`LlmJudgeScorer`: each atomic claim of a summary checked by a chat model against retrieved source passages.

Per summary: one call splits it into claims (each with its span), then one call per claim, all in flight
together, answers supported / contradicted / not_in_sources with the passage (and words) it rests on.
Findings (type `judge`) carry that passage as evidence; verdicts map to the harness's words: supported,
contradicted, unsupported (not in the sources), unjudged (no readable answer after the retries).
Metrics: `judge_score` (supported share of the judged claims, in [0, 1]), `judge_checked`, `judge_unjudged`,
`judge_contradicted`, `judge_unsupported`, the tokens behind the verdicts (`judge_prompt_tokens`,
`judge_completion_tokens`, whether answered now or from the cache), `judge_requests` (sent by this run) and,
when prices are set, `judge_cost_usd`. `aggregate` gives the run totals (`..._total`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from harness.core.text import sentences
from harness.errors import ConfigError, ModelError, ScorerUnavailableError
from harness.metrics.judge.cache import CallCache, default_root
from harness.metrics.judge.calls import Caller, Outcome
from harness.metrics.judge.claims import Claim, anchor_claims, locate
from harness.metrics.judge.parsing import Judgement, parse_judgement, parse_split
from harness.metrics.judge.prompts import load_prompts
from harness.metrics.judge.retrieval import PassageIndex, render_passages
from harness.metrics.passages import Passage, check_window
from harness.metrics.protocols import SampleScore
from harness.metrics.source_cache import PerSources
from harness.models.openai_client import ChatClient
from harness.results.metric_info import HIGHER, LOWER, NEITHER, MetricInfo
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding

FINDING_VERDICTS = {"supported": "supported", "contradicted": "contradicted", "not_in_sources": "unsupported"}
TOTALS = ("judge_prompt_tokens", "judge_completion_tokens", "judge_cost_usd")


@dataclass(frozen=True)
class _Check:
    """One claim of one summary and the passages shown to the model for it."""

    summary: int
    claim: Claim
    shown: list[Passage]


class LlmJudgeScorer:
    """Claim-level consistency judged by a chat model at any OpenAI-compatible endpoint."""

    metric_info: ClassVar[dict[str, MetricInfo]] = {
        "judge_score": HIGHER,
        "judge_checked": NEITHER,
        "judge_unjudged": LOWER,
        "judge_contradicted": LOWER,
        "judge_unsupported": LOWER,
        "judge_*_tokens": NEITHER,
        "judge_requests": NEITHER,
        "judge_cost_usd": NEITHER,
        "judge_*_total": MetricInfo(direction="neither", aggregation="corpus"),
    }

    def __init__(
        self,
        base_url: str,
        model: str,
        name: str = "judge",
        api_key_env: str | None = "OPENAI_API_KEY",
        prompts: str | None = None,
        passages: int = 3,
        window: int = 2,
        stride: int | None = 1,
        temperature: float = 0.0,
        seed: int = 0,
        max_tokens: int = 512,
        attempts: int = 2,
        concurrency: int = 8,
        timeout_s: float = 60.0,
        max_retries: int = 3,
        backoff_s: float = 1.0,
        cache: bool = True,
        cache_dir: str | None = None,
        usd_per_million_prompt_tokens: float | None = None,
        usd_per_million_completion_tokens: float | None = None,
        progress: bool = True,
    ) -> None:
        check_window(window, stride, name)
        if not model.strip() or model == "???":
            raise ConfigError(f"{name}: set the model name the server knows (metrics.{name}.model=NAME)")
        if passages < 1 or attempts < 1:
            raise ConfigError(f"{name}: passages and attempts must be 1 or more, got {passages} and {attempts}")
        self.name = name
        self.passages = passages
        self.prompts = load_prompts(prompts)
        self.prices = (usd_per_million_prompt_tokens, usd_per_million_completion_tokens)
        self.client = ChatClient(
            base_url,
            model,
            api_key_env=api_key_env,
            timeout_s=timeout_s,
            max_retries=max_retries,
            backoff_s=backoff_s,
            concurrency=concurrency,
        )
        identity = {"model": model, "prompt_version": self.prompts.version, "prompt_sha256": self.prompts.sha256}
        options = {"temperature": temperature, "seed": seed, "max_tokens": max_tokens}
        root = default_root() if cache_dir is None else Path(cache_dir).expanduser() / "judge"
        store = CallCache(root) if cache else None
        self.caller = Caller(self.client, store, identity, options, attempts, progress)
        self._index = PerSources(lambda sources: PassageIndex.build(sources, window, stride))
        self._seen: dict[tuple[str, str], dict[str, float]] = {}

    def __repr__(self) -> str:
        return f"LlmJudgeScorer(client={self.client!r}, prompts={self.prompts.version!r})"

    def preflight(self) -> None:
        """Raise `ScorerUnavailableError` at once when nothing answers at the endpoint."""
        try:
            self.client.check_reachable()
        except ModelError as error:
            raise ScorerUnavailableError(
                f"{self.name}: {error}; start the server or fix the judge's base_url"
            ) from None

    def score(self, summary: str, sources: Sources) -> SampleScore:
        return self.score_many([(summary, sources)])[0]

    def score_many(self, pairs: Sequence[tuple[str, Sources]]) -> list[SampleScore]:
        """Scores of several summaries: every split call in flight together, then every verification call."""
        texts = [summary for summary, _ in pairs]
        asked = [index for index, text in enumerate(texts) if text.strip()]
        splits = self.caller.run(
            [self.prompts.split.messages(summary=texts[index]) for index in asked],
            [partial(_claims, summary=texts[index]) for index in asked],
            f"{self.name}: claims",
        )
        split_of = dict(zip(asked, splits, strict=True))
        checks = [
            _Check(index, claim, self._index(sources).top(claim.claim, self.passages))
            for index, (_, sources) in enumerate(pairs)
            if index in split_of
            for claim in split_of[index].value or []
        ]
        verdicts = self.caller.run(
            [self.prompts.verify.messages(passages=render_passages(c.shown), claim=c.claim.claim) for c in checks],
            [partial(parse_judgement, passages=len(c.shown)) for c in checks],
            f"{self.name}: verdicts",
        )
        results = []
        for index, (summary, sources) in enumerate(pairs):
            mine = [(check, verdict) for check, verdict in zip(checks, verdicts, strict=True) if check.summary == index]
            result = self._sample(summary, split_of.get(index), mine)
            self._seen[(summary, sources.cluster)] = {name: result.metrics.get(name, 0.0) for name in TOTALS}
            results.append(result)
        return results

    def aggregate(self, pairs: Sequence[tuple[str, Sources]]) -> dict[str, float]:
        """Run totals of tokens (and cost) over the scored summaries; any not seen here is replayed from the cache.

        Without the cache, summaries scored in other processes cannot be replayed for free: no totals then.
        """
        unseen = [pair for pair in pairs if (pair[0], pair[1].cluster) not in self._seen]
        if unseen and self.caller.cache is None:
            return {}
        if unseen:
            self.score_many(unseen)
        totals = {f"{name}_total": 0.0 for name in TOTALS}
        for summary, sources in pairs:
            for name, value in self._seen[(summary, sources.cluster)].items():
                totals[f"{name}_total"] += value
        if None in self.prices:
            totals.pop("judge_cost_usd_total")
        return totals

    def _sample(
        self, summary: str, split: Outcome[list[Claim]] | None, checked: list[tuple[_Check, Outcome[Judgement]]]
    ) -> SampleScore:
        findings: list[Finding] = []
        if split is not None and split.value is None:
            findings = [
                Finding.at("judge", s, "unjudged", (), f"claims not split: {split.problem}") for s in sentences(summary)
            ]
        for check, outcome in checked:
            findings.append(self._finding(check, outcome))
        outcomes: list[Outcome[Any]] = [outcome for _, outcome in checked]
        if split is not None:
            outcomes.append(split)
        counts = {
            verdict: sum(1 for f in findings if f.verdict == verdict)
            for verdict in (*FINDING_VERDICTS.values(), "unjudged")
        }
        judged = len(findings) - counts["unjudged"]
        metrics = {
            "judge_checked": float(judged),
            "judge_unjudged": float(counts["unjudged"]),
            "judge_contradicted": float(counts["contradicted"]),
            "judge_unsupported": float(counts["unsupported"]),
            "judge_prompt_tokens": float(sum(o.prompt_tokens for o in outcomes)),
            "judge_completion_tokens": float(sum(o.completion_tokens for o in outcomes)),
            "judge_requests": float(sum(o.requests for o in outcomes)),
        }
        if judged:
            metrics["judge_score"] = counts["supported"] / judged
        prompt_price, completion_price = self.prices
        if prompt_price is not None and completion_price is not None:
            metrics["judge_cost_usd"] = (
                metrics["judge_prompt_tokens"] * prompt_price + metrics["judge_completion_tokens"] * completion_price
            ) / 1_000_000
        return SampleScore(metrics=metrics, findings=tuple(findings))

    def _finding(self, check: _Check, outcome: Outcome[Judgement]) -> Finding:
        claim = check.claim
        judgement = outcome.value
        if judgement is None:
            return Finding.at("judge", claim, "unjudged", (), f"{claim.claim} | no readable verdict: {outcome.problem}")
        evidence: tuple[Evidence, ...] = ()
        if judgement.passage is not None:
            evidence = (_evidence(check.shown[judgement.passage - 1], judgement.quote),)
        detail = f"{claim.claim} | {judgement.verdict}: {judgement.reason}".rstrip(": ")
        return Finding.at("judge", claim, FINDING_VERDICTS[judgement.verdict], evidence, detail)


def _evidence(passage: Passage, quote: str | None) -> Evidence:
    """The quoted words within the passage when they are there, else the whole passage."""
    where = locate(quote, passage.text) if quote else None
    if where is None:
        return passage.evidence()
    start, end = where
    return Evidence(
        document=passage.document, start=passage.start + start, end=passage.start + end, text=passage.text[start:end]
    )


def _claims(answer: str, summary: str) -> list[Claim]:
    return anchor_claims(parse_split(answer), summary)
