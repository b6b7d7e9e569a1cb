"""The LLM judge against a local fake OpenAI-compatible endpoint: claims, evidence, tokens, retries, cache."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from harness.errors import InputFileError, ModelError, ScorerUnavailableError
from harness.metrics.judge.claims import locate
from harness.metrics.judge.parsing import MalformedAnswer, parse_judgement, parse_split
from harness.metrics.judge.prompts import load_prompts
from harness.metrics.judge.scorer import LlmJudgeScorer
from harness.metrics.protocols import Scorer
from harness.verdicts.sources import Sources
from tests.metrics.judge_server import JudgeServer, judge_server

SOURCES = {
    "d1": "Russia invited 12 countries to the talks. The Taliban accepted the invitation.",
    "d2": "Kabul declined the offer. The talks open in Moscow.",
}
SUMMARY = (
    "Russia invited 12 countries to the talks. Russia invited 30 countries to the talks. Pigs can fly. "
    "A garbled line. The wobbly Taliban accepted."
)


@pytest.fixture
def server() -> Iterator[JudgeServer]:
    with judge_server() as state:
        yield state


def judge(server: JudgeServer, cache_dir: Path, **options: Any) -> LlmJudgeScorer:
    settings: dict[str, Any] = {
        "api_key_env": None,
        "window": 1,
        "stride": None,
        "backoff_s": 0.0,
        "timeout_s": 2.0,
        "cache_dir": str(cache_dir),
        "progress": False,
        **options,
    }
    return LlmJudgeScorer(base_url=server.url, model="fake-judge", **settings)


def sources() -> Sources:
    return Sources.from_texts("c", SOURCES)


def test_claims_get_verdicts_evidence_and_token_counts(server: JudgeServer, tmp_path: Path) -> None:
    scorer = judge(server, tmp_path)
    assert isinstance(scorer, Scorer)
    result = scorer.score(SUMMARY, sources())
    verdicts = [(finding.text, finding.verdict) for finding in result.findings]
    assert verdicts == [
        ("Russia invited 12 countries to the talks.", "supported"),
        ("Russia invited 30 countries to the talks.", "contradicted"),
        ("Pigs can fly.", "unsupported"),
        ("A garbled line.", "unjudged"),
        ("The wobbly Taliban accepted.", "unsupported"),
    ]
    for finding in result.findings:
        assert finding.type == "judge" and SUMMARY[finding.start : finding.end] == finding.text
    supported, contradicted = result.findings[0], result.findings[1]
    for finding in (supported, contradicted):
        (evidence,) = finding.evidence
        assert (evidence.document, evidence.text) == ("d1", "Russia invited 12 countries to the talks.")
        assert SOURCES["d1"][evidence.start : evidence.end] == evidence.text
    assert contradicted.flagged and not supported.flagged and result.findings[2].flagged
    assert not result.findings[3].flagged and "no readable verdict" in (result.findings[3].detail or "")
    # 1 split + 5 verdicts + a retry each for the garbled and the wobbly claim.
    assert len(server.requests) == 8
    metrics = result.metrics
    assert (metrics["judge_checked"], metrics["judge_unjudged"], metrics["judge_contradicted"]) == (4, 1, 1)
    assert metrics["judge_score"] == pytest.approx(1 / 4)
    assert metrics["judge_requests"] == 8
    sent_words = sum(len(m["content"].split()) for request in server.requests for m in request["messages"])
    assert metrics["judge_prompt_tokens"] == sent_words
    assert metrics["judge_completion_tokens"] > 0
    assert all(r["temperature"] == 0.0 and r["seed"] == 0 and r["model"] == "fake-judge" for r in server.requests)


def test_a_rerun_is_served_from_the_cache_with_zero_requests(server: JudgeServer, tmp_path: Path) -> None:
    first = judge(server, tmp_path).score(SUMMARY, sources())
    sent = len(server.requests)
    again = judge(server, tmp_path).score(SUMMARY, sources())
    assert len(server.requests) == sent
    assert again.findings == first.findings
    assert again.metrics["judge_requests"] == 0
    assert again.metrics["judge_prompt_tokens"] == first.metrics["judge_prompt_tokens"]


def test_another_prompt_file_is_not_served_old_answers(server: JudgeServer, tmp_path: Path) -> None:
    judge(server, tmp_path).score("Pigs can fly.", sources())
    sent = len(server.requests)
    edited = tmp_path / "prompts.yaml"
    built_in = resources.files("harness.metrics.judge").joinpath("prompts", "default.yaml").read_text()
    edited.write_text(built_in.replace("atomic claims:", "atomic claims, one fact each:"))
    assert load_prompts(str(edited)).sha256 != load_prompts().sha256
    judge(server, tmp_path, prompts=str(edited)).score("Pigs can fly.", sources())
    assert len(server.requests) == sent * 2


def test_rate_limits_and_server_errors_are_retried(server: JudgeServer, tmp_path: Path) -> None:
    server.failures = [(429, 0.0), (500, 0.0)]
    server.retry_after = 0.3
    started = time.monotonic()
    result = judge(server, tmp_path, max_retries=2).score("Pigs can fly.", sources())
    assert time.monotonic() - started >= 0.3, "the 429's Retry-After was not honoured"
    assert [f.verdict for f in result.findings] == ["unsupported"]
    assert len(server.requests) == 4


def test_a_slow_answer_is_retried_and_a_dead_one_fails_the_summary(server: JudgeServer, tmp_path: Path) -> None:
    server.failures = [(200, 1.0)]
    result = judge(server, tmp_path, timeout_s=0.3, max_retries=1).score("Pigs can fly.", sources())
    assert [f.verdict for f in result.findings] == ["unsupported"]
    server.delay = 1.0
    with pytest.raises(ModelError, match=r"within 0\.3 s"):
        judge(server, tmp_path, timeout_s=0.3, max_retries=0).score("Cats can fly.", sources())


def test_claims_are_checked_concurrently(server: JudgeServer, tmp_path: Path) -> None:
    summaries = [f"Claim number {n} is here. Another {n} claim." for n in range(4)]
    scorer = judge(server, tmp_path, concurrency=8)
    results = scorer.score_many([(summary, sources()) for summary in summaries])
    assert [len(result.findings) for result in results] == [2, 2, 2, 2]
    assert server.most_in_flight > 1


def test_preflight_fails_at_once_on_an_unreachable_endpoint(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    scorer = LlmJudgeScorer(base_url=f"http://127.0.0.1:{port}/v1", model="m", cache_dir=str(tmp_path))
    with pytest.raises(ScorerUnavailableError, match="cannot reach"):
        scorer.preflight()


def test_preflight_passes_on_a_live_endpoint(server: JudgeServer, tmp_path: Path) -> None:
    judge(server, tmp_path).preflight()
    assert server.requests == []


def test_empty_summary_makes_no_call(server: JudgeServer, tmp_path: Path) -> None:
    result = judge(server, tmp_path).score("  ", sources())
    assert result.findings == () and "judge_score" not in result.metrics and server.requests == []


def test_prices_give_a_cost_and_run_totals_replayed_from_the_cache(server: JudgeServer, tmp_path: Path) -> None:
    scorer = judge(server, tmp_path, usd_per_million_prompt_tokens=2.0, usd_per_million_completion_tokens=6.0)
    pairs = [("Pigs can fly.", sources()), ("Russia invited 12 countries to the talks.", sources())]
    results = scorer.score_many(pairs)
    for result in results:
        metrics = result.metrics
        expected = (metrics["judge_prompt_tokens"] * 2 + metrics["judge_completion_tokens"] * 6) / 1e6
        assert metrics["judge_cost_usd"] == pytest.approx(expected)
    totals = scorer.aggregate(pairs)
    assert totals["judge_prompt_tokens_total"] == sum(r.metrics["judge_prompt_tokens"] for r in results)
    assert totals["judge_cost_usd_total"] == pytest.approx(sum(r.metrics["judge_cost_usd"] for r in results))
    sent = len(server.requests)
    elsewhere = judge(server, tmp_path, usd_per_million_prompt_tokens=2.0, usd_per_million_completion_tokens=6.0)
    assert elsewhere.aggregate(pairs) == totals
    assert len(server.requests) == sent
    assert judge(server, tmp_path, cache=False).aggregate(pairs) == {}


def test_answers_are_read_strictly() -> None:
    assert parse_split('```json\n{"claims": [{"claim": "A.", "span": "A."}]}\n```')[0].span == "A."
    with pytest.raises(MalformedAnswer, match="span"):
        parse_split('{"claims": [{"claim": "A."}]}')
    with pytest.raises(MalformedAnswer, match="verdict"):
        parse_judgement('{"verdict": "probably"}', 2)
    with pytest.raises(MalformedAnswer, match="between 1 and 2"):
        parse_judgement('{"verdict": "supported", "passage": 3}', 2)
    with pytest.raises(MalformedAnswer, match="passage it rests on"):
        parse_judgement('{"verdict": "contradicted", "passage": null}', 2)
    assert parse_judgement('{"verdict": "not_in_sources"}', 2).passage is None


def test_spans_are_found_despite_case_spacing_and_small_slips() -> None:
    summary = "Russia invited  12 countries. The Taliban accepted."
    assert locate("russia invited 12 countries.", summary) == (0, 29)
    assert locate("The Taliban acepted.", summary) == (30, len(summary))
    assert locate("Pigs can fly.", summary) is None


def test_a_prompt_file_without_its_placeholders_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("version: x\nsplit: {system: s, user: 'no slot'}\nverify: {system: s, user: '$passages $claim'}\n")
    with pytest.raises(InputFileError, match=r"bad\.yaml, field 'split'.*\$summary"):
        load_prompts(str(path))
