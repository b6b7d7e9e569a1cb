"""A role the sources state in other words, after the name, or for an unnamed person of the same story."""

from __future__ import annotations

from harness.metrics.entities import EntityConsistencyScorer
from harness.verdicts.role_support import role_stated, role_words
from harness.verdicts.sources import Sources


def _verdicts(summary: str, article: str) -> dict[str, str]:
    sources = Sources.from_texts("c", {"doc": article})
    return {finding.text: finding.verdict for finding in EntityConsistencyScorer().score(summary, sources).findings}


def test_role_words_ignore_case_determiners_and_pronouns() -> None:
    assert role_words("Her deputy") == {"deput"}
    assert role_stated("Opposition spokeswoman", ["The opposition's housing spokeswoman, Claire Fennimore, said"])
    assert role_stated("A union official", ["Janet Corrie, a regional officer of the union, said"])
    assert not role_stated("Governor", ["Sheriff Dale Munroe said five were hurt."])


def test_a_role_stated_after_the_name_supports_one_before_it() -> None:
    article = '"Most parents want vaccines," said Dr. Rachel Okonjo, the county\'s health director.'
    assert _verdicts("Health director Dr. Rachel Okonjo said parents want vaccines.", article) == {
        "Rachel Okonjo": "supported"
    }


def test_a_role_of_an_unnamed_person_in_the_same_story_supports_it() -> None:
    article = (
        "A former care home manager was cleared of manslaughter at the crown court on Friday. "
        "Susan Achterberg, 52, wept in the dock."
    )
    summary = "Care home manager Susan Achterberg was cleared of manslaughter at the crown court."
    assert _verdicts(summary, article)["Susan Achterberg"] == "supported"


def test_a_role_the_sources_give_another_person_stays_wrong() -> None:
    article = "Governor Patricia Olmsted declared an emergency on Sunday. Sheriff Dale Munroe said five were hurt."
    assert _verdicts("Governor Dale Munroe declared an emergency on Sunday.", article)["Dale Munroe"] == "wrong_role"
    article = "Stags guard Darnell Price scored 37 points. Hawks forward Tomás Reyes scored 29."
    assert _verdicts("Stags guard Tomás Reyes scored 37 points.", article)["Tomás Reyes"] == "wrong_role"
