"""System output read as prose: PTB tokens, UNK and lowercased text, offsets unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.claims.entities import find_entities
from harness.claims.system_text import as_prose, clean_tokens, is_lowercased, restore_case

SOURCE = "After talks in Washington, Rex Tillerson met the Natalia Moon fan club. The club said it was pleased."


def test_ptb_brackets_and_unk_are_cleaned_in_place() -> None:
    text = "the deal -lrb- worth $ 5,000 -rrb- was signed by UNK officials ."
    cleaned = clean_tokens(text)
    assert len(cleaned) == len(text)
    assert "-lrb-" not in cleaned and "UNK" not in cleaned
    assert cleaned.index("(") == text.index("-lrb-")


def test_lowercased_output_takes_the_sources_case() -> None:
    summary = "rex tillerson met the natalia moon fan club in washington ."
    restored = restore_case(summary, [SOURCE])
    assert restored == "Rex Tillerson met the Natalia Moon fan club in Washington ."
    names = [claim.span.text for claim in find_entities(restored)]
    assert names == ["Rex Tillerson", "Natalia Moon", "Washington"]


def test_cased_text_is_left_as_it_is() -> None:
    assert not is_lowercased("Tillerson met the club.")
    assert restore_case("the club met tillerson, said Reuters.", [SOURCE]) == "the club met tillerson, said Reuters."


def test_a_word_the_source_writes_only_at_sentence_start_stays_lower() -> None:
    assert restore_case("the club was pleased with the talks .", [SOURCE]).startswith("the club")


def test_ptb_tokens_are_not_names() -> None:
    text = "the UNK said -lrb- in a statement -rrb- that prices rose ."
    assert find_entities(as_prose(text, [SOURCE])) == []


@given(st.text(alphabet=st.sampled_from(list("abc UNK-lrb rr.,'`")), max_size=60))
def test_prose_keeps_every_offset(text: str) -> None:
    assert len(as_prose(text, [SOURCE])) == len(text)
