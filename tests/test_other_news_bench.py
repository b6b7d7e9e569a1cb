"""The project-written validity set (data/validity/other-news.jsonl) scored gold-free: figures no worse than
docs/validity.md reports."""

from __future__ import annotations

from bench.other_news import load_rows, score_rows, tally


def test_the_set_has_the_documented_shape() -> None:
    rows = load_rows()
    assert len({row.article_id for row in rows}) == 10
    assert sum(row.kind == "error" for row in rows) == 40
    assert sum(row.kind != "error" for row in rows) == 30
    assert all(row.error_span and row.error_span in row.summary for row in rows if row.kind == "error")


def test_planted_errors_caught_and_faithful_summaries_flagged_no_worse_than_reported() -> None:
    figures = tally(score_rows(load_rows()))
    assert figures.errors_caught >= 32
    assert figures.faithful_flagged <= 1
    for kind, least in {"antonym": 5, "negation_removed": 5, "quote_misattributed": 3, "number": 9}.items():
        assert figures.caught[kind] >= least, kind
