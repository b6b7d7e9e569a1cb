"""Quote verdicts: verbatim, altered (with a word diff), fabricated and misattributed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.claims.quotes import find_quotes
from harness.core.claim_types import QuoteClaim
from harness.core.spans import Span
from harness.core.text import fold
from harness.verdicts.quotes import judge_quotes, word_diff
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding
from tests.verdicts.synthetic import TEXT_A, gold_sources, text_sources

GOLD_QUOTE = "to put pressure on Taliban insurgents to begin negotiations with the Afghan government"


def _judge(summary: str, sources: Sources) -> list[Finding]:
    return judge_quotes(find_quotes(summary, sources.entities), sources)


def test_part_of_a_gold_quote_in_other_case_and_marks_is_verbatim() -> None:
    [finding] = _judge("Atmar asked Moscow \u201cTO PUT pressure on Taliban insurgents\u201d.", gold_sources())
    assert finding.verdict == "verbatim"
    assert (finding.evidence[0].document, finding.evidence[0].annotation) == ("a", "a-q2")


def test_changed_word_is_altered_with_a_word_diff() -> None:
    [finding] = _judge(f'Atmar asked "{GOLD_QUOTE.replace("insurgents", "militants")}".', gold_sources())
    assert finding.verdict == "altered"
    assert finding.detail == "-insurgents +militants"
    assert finding.evidence[0].annotation == "a-q2"


def test_words_in_no_source_are_fabricated() -> None:
    [finding] = _judge('"We will win the war by winter," Mujahid said.', gold_sources())
    assert finding.verdict == "fabricated"
    assert finding.evidence == ()


def test_quote_given_to_another_speaker_is_misattributed() -> None:
    [finding] = _judge('"Our leaders have accepted Russia\'s invitation," said Lavrov.', gold_sources())
    assert finding.verdict == "misattributed"
    assert "zabihullah-mujahid" in (finding.detail or "")


def test_unnamed_speaker_is_no_misattribution() -> None:
    [finding] = _judge('"Our leaders have accepted Russia\'s invitation," an official said.', gold_sources())
    assert finding.verdict == "verbatim"


def test_narration_quoted_verbatim_is_found_in_the_source_text() -> None:
    [finding] = _judge('The report said the Taliban "accepted Russia\'s invitation to talks".', gold_sources())
    assert finding.verdict == "verbatim"
    evidence = finding.evidence[0]
    assert TEXT_A[evidence.start : evidence.end] == "accepted Russia's invitation to talks"
    assert evidence.annotation is None


def test_gold_free_checks_quotes_found_in_the_sources() -> None:
    verbatim, misattributed = _judge(
        '"The first reaction was positive," Lavrov said. "they are planning to take part," said Mujahid.',
        text_sources(),
    )
    assert verbatim.verdict == "verbatim"
    assert misattributed.verdict == "misattributed"


def test_word_diff_reports_insertions_and_deletions() -> None:
    assert word_diff(["a", "b", "c", "d"], ["b", "x", "d"]) == "-c +x"
    assert word_diff(["a", "b"], ["a", "b", "c"]) == "+c"


@given(st.text(alphabet=st.sampled_from(list("aB \"'\u201c\u201d.,!-\n")), max_size=40))
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.data())
def test_any_run_of_gold_quote_words_is_verbatim(data: st.DataObject) -> None:
    words = GOLD_QUOTE.split()
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    text = " ".join(words[start:end])
    claim = QuoteClaim(content=Span(start=0, end=len(text), text=text))
    [finding] = judge_quotes([claim], gold_sources())
    assert finding.verdict == "verbatim"
