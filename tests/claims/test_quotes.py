"""Quote finder: mark pairing (straight, curly, unbalanced) and speakers from reporting cues."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.claims.quotes import find_quotes
from tests.verdicts.synthetic import INVENTORY


def _quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.content.text, q.speaker, q.speaker_text) for q in find_quotes(text, INVENTORY)]


def test_straight_and_curly_pairs_with_speaker_after_the_cue() -> None:
    text = '"We will go," said Taliban spokesman Zabihullah Mujahid. \u201cNo,\u201d Lavrov said.'
    assert _quotes(text) == [
        ("We will go", "zabihullah-mujahid", "Taliban spokesman Zabihullah Mujahid"),
        ("No", "sergei-lavrov", "Lavrov"),
    ]


def test_content_span_indexes_the_text_and_cue_is_kept() -> None:
    text = 'Lavrov said: "talks are set".'
    quote = find_quotes(text, INVENTORY)[0]
    assert text[quote.content.start : quote.content.end] == "talks are set"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker == "sergei-lavrov"


def test_speaker_before_the_quote_and_according_to() -> None:
    before = 'Hanif Atmar told the envoy "to put pressure on them".'
    according = 'The plan is "dead", according to Sergey Lavrov.'
    assert _quotes(before) == [("to put pressure on them", "hanif-atmar", "Hanif Atmar")]
    assert _quotes(according) == [("dead", "sergei-lavrov", "Sergey Lavrov")]


def test_unnamed_speaker_keeps_its_words_but_no_entity() -> None:
    assert _quotes('"It is pointless," the diplomat said.') == [("It is pointless", None, "the diplomat")]


def test_pronoun_takes_the_previous_speaker_and_second_quote_in_a_sentence_inherits() -> None:
    text = (
        '"The reaction was positive," Lavrov said. "They will come," he said.\n\n'
        '"We decided," said Mujahid, adding that they would "hold direct talks".'
    )
    assert [(content, speaker) for content, speaker, _ in _quotes(text)] == [
        ("The reaction was positive", "sergei-lavrov"),
        ("They will come", "sergei-lavrov"),
        ("We decided", "zabihullah-mujahid"),
        ("hold direct talks", "zabihullah-mujahid"),
    ]


def test_single_curly_quotes_pair_but_apostrophes_do_not() -> None:
    assert _quotes("Afghanistan \u2018will not attend\u2019 Russia\u2019s talks") == [("will not attend", None, None)]


def test_unbalanced_marks_are_dropped() -> None:
    assert _quotes('He said "never mind the 5" inch rule') == [("never mind the 5", None, "He")]
    assert _quotes('An open "quote that never closes') == []
    assert _quotes("\u201d stray close and \u201c") == []


@given(st.text(alphabet=st.sampled_from(list('ab "\u201c\u201d\u2018\u2019\n.,S'))))
def test_any_text_yields_spans_that_index_it(text: str) -> None:
    for quote in find_quotes(text):
        assert text[quote.content.start : quote.content.end] == quote.content.text
        assert quote.content.text.strip()


def test_a_titled_speaker_after_the_cue_and_a_speaker_before_an_apposition() -> None:
    text = '"We meet families where they are," said state epidemiologist Dr. Glen Hargrove.'
    assert [quote.speaker_text for quote in find_quotes(text)] == ["state epidemiologist Dr. Glen Hargrove"]
    text = 'Bridget Soames, the cabinet member for education, said it was "the hardest of my time".'
    assert [quote.speaker_text for quote in find_quotes(text)] == ["Bridget Soames"]
    text = 'Council leader Anil Mehta called it "the hardest of my time".'
    assert [quote.speaker_text for quote in find_quotes(text)] == ["Anil Mehta"]
