"""A text is consistent with itself: a document, or any subset of its sentences, given as the summary raises
no entity, quote or event flag, gold-based on the built-in goldset and gold-free on varied generated text."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.core.text import sentences
from harness.goldset.load import load_goldset
from harness.metrics.entities import EntityConsistencyScorer
from harness.metrics.events import EventConsistencyScorer
from harness.metrics.protocols import Scorer
from harness.metrics.quotes import QuoteFidelityScorer
from harness.verdicts.sources import Sources

SCORERS: tuple[Scorer, ...] = (EntityConsistencyScorer(), QuoteFidelityScorer(), EventConsistencyScorer())

PEOPLE = ("Alma Reyes", "Tomas Berg", "Ngozi Adeyemi", "Kenji Mori", "Lena Fischer", "Omar Haddad")
BODIES = ("the city council", "the Harbor Authority", "Northwind Bank", "the regional court", "the Falcons")
VERBS = (
    ("approved", "approve"),
    ("rejected", "reject"),
    ("signed", "sign"),
    ("won", "win"),
    ("lost", "lose"),
    ("arrested", "arrest"),
    ("released", "release"),
    ("elected", "elect"),
    ("hired", "hire"),
    ("fired", "fire"),
    ("acquired", "acquire"),
    ("sold", "sell"),
    ("criticized", "criticize"),
    ("praised", "praise"),
    ("opposed", "oppose"),
    ("supported", "support"),
)
OBJECTS = ("the budget", "the plan", "the final", "a new contract", "the harbor project", "the merger")
QUOTED = ("We will not accept this", "The vote was fair", "Nobody expected it", "It is a good day for the city")


def _flags(summary: str, sources: Sources) -> list[str]:
    return [
        f"{finding.type} {finding.verdict} '{finding.text}' ({finding.detail})"
        for scorer in SCORERS
        for finding in scorer.score(summary, sources).findings
        if finding.flagged or finding.verdict == "contradicted"
    ]


def _joined(spans: list[str]) -> str:
    return "".join(
        text + (" " if text.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?")) else "\n\n") for text in spans
    ).strip()


@cache
def _goldset_sources() -> tuple[tuple[Sources, str], ...]:
    goldset = load_goldset()
    return tuple(
        (Sources.from_gold(goldset, cluster), document.text)
        for cluster in goldset.clusters
        for document in cluster.documents
    )


def test_every_goldset_document_as_its_own_summary_raises_no_flag() -> None:
    for sources, text in _goldset_sources():
        assert _flags(text, sources) == []


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_subset_of_a_goldset_document_raises_no_flag(data: st.DataObject) -> None:
    sources, text = data.draw(st.sampled_from(_goldset_sources()))
    spans = [span.text for span in sentences(text)]
    chosen = data.draw(st.lists(st.sampled_from(range(len(spans))), min_size=1, max_size=12, unique=True))
    assert _flags(_joined([spans[index] for index in sorted(chosen)]), sources) == []


def _sentence() -> st.SearchStrategy[str]:
    actor = st.sampled_from(PEOPLE + BODIES)
    verb = st.sampled_from(VERBS)
    thing = st.sampled_from(OBJECTS + PEOPLE)
    plain = st.builds(lambda a, v, o: f"{a} {v[0]} {o} on Monday.", actor, verb, thing)
    negated = st.builds(lambda a, v, o: f"{a} did not {v[1]} {o}.", actor, verb, thing)
    quote_after = st.builds(lambda q, p: f'"{q}," {p} said.', st.sampled_from(QUOTED), st.sampled_from(PEOPLE))
    quote_before = st.builds(
        lambda p, q: f'{p} told reporters: "{q}."', st.sampled_from(PEOPLE), st.sampled_from(QUOTED)
    )
    titled = st.builds(lambda p, v, o: f"Council member {p} {v[0]} {o}.", st.sampled_from(PEOPLE), verb, thing)
    return st.one_of(plain, negated, quote_after, quote_before, titled)


@settings(max_examples=40, deadline=None)
@given(st.lists(_sentence(), min_size=2, max_size=8), st.data())
def test_generated_articles_and_their_sentence_subsets_raise_no_flag(article: list[str], data: st.DataObject) -> None:
    text = " ".join(article)
    sources = Sources.from_texts("generated", {"article": text})
    assert _flags(text, sources) == []
    chosen = data.draw(st.lists(st.sampled_from(range(len(article))), min_size=1, unique=True))
    assert _flags(" ".join(article[index] for index in sorted(chosen)), sources) == []


@settings(max_examples=25, deadline=None)
@given(st.lists(_sentence(), min_size=2, max_size=6))
def test_a_lowercased_tokenized_copy_raises_no_flag(article: list[str]) -> None:
    text = " ".join(article)
    sources = Sources.from_texts("generated", {"article": text})
    system_output = text.lower().replace(".", " .").replace(",", " ,")
    assert _flags(system_output, sources) == []
