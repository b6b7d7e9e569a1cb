"""Large and messy inputs: each gives a defined result or a clear error, never a hang or a traceback.

Decisions these tests pin down (see docs/performance.md):
- a predictions file that is not UTF-8 is refused with an `InputFileError` naming the file and the line of the
  first bad byte; nothing is silently replaced;
- control characters, lone surrogates and unbalanced quote marks are ordinary text: scored, never an error;
- odd number forms: "1,2,3" is a list of three numbers, "3.5.2" (a version) and "1e309" (scientific
  notation) are no claims, "40%%" is 40 percent, an Arabic-Indic digit "٣" is the number 3.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import queue
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.claims.numbers import find_numbers
from harness.claims.numbers.units import resolve_unit
from harness.cli import main as harness_main
from harness.errors import GoldsetError, InputFileError, ModelError
from harness.goldset.load import DEFAULT_GOLDSET
from harness.goldset.validate import validate_goldset
from harness.metrics.numbers import NumberConsistencyScorer
from harness.models.protocols import SourceCluster, SourceDocument
from harness.models.summarizers.predictions import PredictionsSummarizer
from harness.run.plugins import build_scorers, scorer_settings
from harness.run.tasks import score_output
from harness.verdicts.sources import Sources

resolve_unit("m")  # the units registry loads once (about half a second), before any timed example

CONFIGS = Path(__file__).resolve().parents[2] / "configs"
SOURCE = (
    "Russia invited 12 countries to the talks in Moscow on Sept. 4, Foreign Minister Sergei Lavrov said. "
    '"We hope the talks will bring peace," Lavrov told reporters. Nearly 40 percent of the districts are '
    "contested, and the Taliban accepted the invitation on Wednesday."
)
REFERENCE = "Russia invited 12 countries to talks in Moscow on Sept. 4; the Taliban accepted."
ANCHOR = dt.date(2018, 8, 23)
LONG_LIMIT_S = 120.0
"""A generous bound for 100,000 words: far above what linear-time scoring needs, far below a hang."""


def sources() -> Sources:
    return Sources.from_texts("c1", {"d1": SOURCE}, references=(REFERENCE,), anchor=ANCHOR)


def suite() -> dict[str, Any]:
    """The scorers of configs/metrics/default.yaml, built as `harness run` builds them."""
    from omegaconf import DictConfig, OmegaConf

    config = OmegaConf.load(CONFIGS / "metrics" / "default.yaml")
    assert isinstance(config, DictConfig)
    return build_scorers(scorer_settings(config), "metrics")


def _child(target: Callable[..., Any], args: tuple[Any, ...], results: Any) -> None:
    results.put(target(*args))


def bounded(target: Callable[..., Any], *args: Any, limit: float = LONG_LIMIT_S) -> Any:
    """`target(*args)` in a forked process, failing the test (not hanging it) when it outlives `limit` seconds."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    process = context.Process(target=_child, args=(target, args, results))
    process.start()
    try:
        return results.get(timeout=limit)
    except queue.Empty:
        pytest.fail(f"{getattr(target, '__name__', target)} did not finish within {limit:.0f} s")
    finally:
        process.join(timeout=1)
        if process.is_alive():
            process.kill()
            process.join()


LONG_SENTENCE = (
    "Officials said 12 countries were invited to the talks in Moscow on Sept. 4, and nearly 40 percent of "
    '"the districts" remain contested, Foreign Minister Sergei Lavrov said.'
)
"""Three numbers ("12 countries", "Sept. 4", "nearly 40 percent") in 28 words."""


def long_summary(words: int = 100_000) -> str:
    return " ".join([LONG_SENTENCE] * (words // len(LONG_SENTENCE.split()) + 1))


def _score_with(key: str, summary: str) -> tuple[list[str], int]:
    scorers = suite()
    scored = score_output({key: scorers[key]}, "summarize", (summary, sources()))
    return scored.errors, len(scored.findings)


# Empty, blank and control-character summaries, unbalanced quotes: every scorer answers, none raises.

MESSY = [
    "",
    "   \n\t ",
    "\x00\x01\x02\x7f",
    "Officials said\x0012 countries\x07 were invited\x1b[0m to Moscow.",
    'Lavrov said "we hope the talks will bring peace',
    '"',
    "\u201cWe hope\u201d\u201d\u201c the talks \u2018will",
    "\ud800 12 countries \udfff",
    "1,2,3 3.5.2 40%% 1e309 \u0663",
]


@pytest.mark.parametrize("summary", MESSY)
def test_every_scorer_gives_a_result_on_messy_summaries(summary: str) -> None:
    scored = score_output(suite(), "summarize", (summary, sources()))

    assert scored.errors == []
    assert scored.metrics["flagged"] in (0.0, 1.0)
    for finding in scored.findings:
        assert summary[finding.start : finding.end] == finding.text


def test_an_empty_summary_has_no_claims_and_zero_rouge() -> None:
    scored = score_output(suite(), "summarize", ("", sources()))

    assert scored.findings == []
    assert scored.metrics["number_claims"] == 0.0
    assert "number_precision" not in scored.metrics
    assert scored.metrics["rouge1"] == 0.0
    assert "fragment_coverage" not in scored.metrics


def test_control_characters_separate_words_for_the_number_finder() -> None:
    (claim,) = find_numbers("Officials said\x0012 countries\x07 were invited")

    assert (claim.span.text, claim.value, claim.unit) == ("12 countries", 12.0, "country")


# Numbers in odd forms.


def test_a_comma_list_of_digits_is_three_numbers() -> None:
    claims = find_numbers("Options 1,2,3 were tabled.")

    assert [(claim.span.text, claim.value) for claim in claims] == [("1", 1.0), ("2", 2.0), ("3", 3.0)]


@pytest.mark.parametrize("text", ["version 3.5.2 shipped", "a 1e309 thing"])
def test_version_numbers_and_scientific_notation_are_no_claims(text: str) -> None:
    assert find_numbers(text) == []


def test_a_doubled_percent_sign_is_one_percent() -> None:
    (claim,) = find_numbers("up 40%% since May")[:1]

    assert (claim.span.text, claim.kind, claim.value) == ("40%", "percent", 40.0)


def test_an_arabic_indic_digit_is_its_value() -> None:
    (claim,) = find_numbers("\u0663 countries")

    assert (claim.value, claim.unit) == (3.0, "country")


EDGE_DATES = [
    ("next week", dt.date(9999, 12, 31), None),
    ("tomorrow", dt.date(9999, 12, 31), None),
    ("yesterday", dt.date(9999, 12, 31), "9999-12-30"),
    ("last month", dt.date(1, 1, 1), None),
    ("Wednesday", dt.date(1, 1, 1), None),
    ("tomorrow", dt.date(1, 1, 1), "0001-01-02"),
    ("12 million months ago", dt.date(2018, 8, 23), None),
]


@pytest.mark.parametrize(("text", "anchor", "iso"), EDGE_DATES)
def test_a_relative_date_past_the_calendar_edge_is_left_unresolved(text: str, anchor: dt.date, iso: str | None) -> None:
    (claim,) = find_numbers(text, anchor=anchor)

    assert (claim.span.text, claim.kind, claim.date) == (text, "date", iso)


# Fuzzing the number normalizer.

ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
NEWSY = st.lists(
    st.sampled_from(
        ["12", "1,200", "40%", "percent", "nearly", "more than", "Sept.", "4", "2018", "-", "three", "month",
         "countries", "ago", "next", "week", "$", "million", "\u0663", "3.5.2", ",", ".", '"', "\x00", "\ud800"]
    ),
    max_size=40,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_the_number_finder_never_raises_and_spans_are_slices(text: str, anchor: dt.date | None) -> None:
    for claim in find_numbers(text, anchor=anchor):
        assert text[claim.span.start : claim.span.end] == claim.span.text
        assert claim.span.start < claim.span.end


@settings(max_examples=300, deadline=None)
@given(NEWSY, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_the_number_finder_on_number_heavy_text(text: str, anchor: dt.date) -> None:
    previous_end = 0
    for claim in find_numbers(text, anchor=anchor):
        assert text[claim.span.start : claim.span.end] == claim.span.text
        assert claim.span.start >= previous_end
        previous_end = claim.span.end
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high


@settings(max_examples=100, deadline=None)
@given(NEWSY)
def test_the_number_scorer_never_raises_on_number_heavy_text(text: str) -> None:
    result = NumberConsistencyScorer().score(text, sources())

    assert result.metrics["number_claims"] == len(result.findings)


# Very long summaries: bounded time, per scorer, so a slow one is named.


def test_the_number_finder_reads_100k_words_in_bounded_time() -> None:
    count = bounded(lambda: len(find_numbers(long_summary(), anchor=ANCHOR)))

    assert count == 3 * (100_000 // 28 + 1)


@pytest.mark.parametrize("key", ["numbers", "rouge", "fragments", "entities", "quotes", "events"])
def test_each_scorer_scores_100k_words_in_bounded_time(key: str) -> None:
    errors, _ = bounded(_score_with, key, long_summary())

    assert errors == []


# Predictions files.


def _cluster(cluster_id: str) -> SourceCluster:
    return SourceCluster(id=cluster_id, documents=(SourceDocument(id="d1", text=SOURCE, date=ANCHOR),))


def test_non_utf8_bytes_in_predictions_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "predictions.jsonl"
    path.write_bytes(b'{"id": "c1", "summary": "fine"}\n{"id": "c2", "summary": "caf\xe9 \xff"}\n')

    with pytest.raises(InputFileError) as raised:
        PredictionsSummarizer(str(path))

    assert str(path) in str(raised.value)
    assert raised.value.line == 2


def test_a_duplicate_id_in_predictions_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "predictions.jsonl"
    rows = [{"id": "c1", "summary": "one"}, {"id": "c2", "summary": "two"}, {"id": "c1", "summary": "again"}]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")

    with pytest.raises(InputFileError) as raised:
        PredictionsSummarizer(str(path))

    assert raised.value.line == 3
    assert "first on line 1" in str(raised.value)


def test_a_missing_id_in_predictions_fails_that_cluster_only(tmp_path: Path) -> None:
    path = tmp_path / "predictions.jsonl"
    path.write_text(json.dumps({"id": "c1", "summary": "Russia invited 12 countries."}) + "\n", encoding="utf-8")
    summarizer = PredictionsSummarizer(str(path))

    assert summarizer.summarize(_cluster("c1")).text == "Russia invited 12 countries."
    with pytest.raises(ModelError, match="no prediction for cluster 'c2'"):
        summarizer.summarize(_cluster("c2"))


# A goldset whose text changed under its annotations.


def _changed_goldset(tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "goldset"
    shutil.copytree(DEFAULT_GOLDSET, root)
    manifest = json.loads((root / "goldset.json").read_text(encoding="utf-8"))
    relative = manifest["documents"][0]["path"]
    text = root / relative
    text.write_bytes(b"Breaking: " + text.read_bytes())
    assert hashlib.sha256(text.read_bytes()).hexdigest() != manifest["documents"][0]["sha256"]
    return root, relative


def test_validate_names_a_text_that_changed_under_its_annotations(tmp_path: Path) -> None:
    root, relative = _changed_goldset(tmp_path)

    problems = [problem for problem in validate_goldset(root) if problem.field == "sha256"]

    assert [problem.file for problem in problems] == [relative]
    assert "the text changed" in problems[0].message


def test_loading_a_changed_goldset_for_a_run_is_refused(tmp_path: Path) -> None:
    from harness.run.samples import GoldsetSource

    root, _ = _changed_goldset(tmp_path)

    with pytest.raises(GoldsetError, match="sha256"):
        GoldsetSource(str(root))


def test_a_run_on_a_changed_goldset_exits_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, relative = _changed_goldset(tmp_path)

    code = harness_main(
        ["run", f"goldset.path={root}", "summarizer=lead", "cache=false", f"hydra.run.dir={tmp_path / 'run'}"]
    )

    error = capsys.readouterr().err
    assert code == 2
    assert relative in error or Path(relative).name in error
    assert "Traceback" not in error
