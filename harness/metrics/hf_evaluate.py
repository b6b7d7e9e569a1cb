"""The consistency scorers as Hugging Face `evaluate` metrics, built from this package (no hub look-up).

Each metric takes `predictions` (summaries) and `references` (the source text, or list of source texts, of
each prediction), scores every prediction gold-free with the matching scorer class and returns the mean of
each metric over the predictions that have it. Within one call, give every prediction's references in the
same form (all strings, or all lists of strings): `evaluate` reads the form from the first row.

    >>> from harness.metrics.hf_evaluate import load_metric
    >>> load_metric("entity_consistency").compute(predictions=[summary], references=[[source]])

The metric classes (`EntityConsistency`, ...) are built on first access, so importing this module does not
import `evaluate`.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from harness.errors import ConfigError, ScorerUnavailableError
from harness.metrics.protocols import Scorer
from harness.verdicts.sources import Sources


@dataclass(frozen=True)
class _Spec:
    module: str
    scorer: str
    description: str
    citation: str = ""


METRICS: dict[str, _Spec] = {
    "NumberConsistency": _Spec(
        "harness.metrics.numbers",
        "NumberConsistencyScorer",
        "Numbers of the summary (value, interval, unit, date) checked against the numbers of the sources.",
    ),
    "EntityConsistency": _Spec(
        "harness.metrics.entities",
        "EntityConsistencyScorer",
        "Share of the summary's entities named in the sources (entity precision-source), and flagged mentions.",
        "Nan et al. 2021, Entity-level Factual Consistency of Abstractive Text Summarization, EACL.",
    ),
    "QuoteFidelity": _Spec(
        "harness.metrics.quotes",
        "QuoteFidelityScorer",
        "Share of the summary's quotations found verbatim in the sources and rightly attributed.",
    ),
    "EventConsistency": _Spec(
        "harness.metrics.events",
        "EventConsistencyScorer",
        "Events of the summary contradicted or supported by the events of the sources.",
    ),
    "Fragments": _Spec(
        "harness.metrics.fragments",
        "FragmentScorer",
        "Extractive fragment coverage, density and compression of the summary against its sources.",
        "Grusky et al. 2018, Newsroom: A Dataset of 1.3 Million Summaries with Diverse Extractive Strategies, NAACL.",
    ),
}
"""Metric class name -> the scorer it wraps."""

SNAKE_NAMES = {
    "number_consistency": "NumberConsistency",
    "entity_consistency": "EntityConsistency",
    "quote_fidelity": "QuoteFidelity",
    "event_consistency": "EventConsistency",
    "fragments": "Fragments",
}

_INPUTS = """
Args:
    predictions: list of summaries.
    references: for each summary, its source text or a list of its source texts.
Returns:
    The mean over predictions of each metric the scorer reports (a metric a summary lacks, such as a precision
    over zero claims, is averaged over the summaries that have it).
"""


def make_scorer(class_name: str) -> Scorer:
    """An instance of the scorer behind a metric class name."""
    spec = METRICS[class_name]
    try:
        module = importlib.import_module(spec.module)
        scorer_class = getattr(module, spec.scorer)
    except (ImportError, AttributeError) as error:
        raise ScorerUnavailableError(
            f"{class_name}: scorer {spec.module}.{spec.scorer} is not available ({error})"
        ) from None
    scorer: Scorer = scorer_class()
    return scorer


def score_gold_free(
    scorer: Scorer, predictions: Sequence[str], references: Sequence[str | Sequence[str]]
) -> dict[str, float]:
    """Score each prediction against its own source texts; the mean of each metric over predictions."""
    if len(predictions) != len(references):
        raise ConfigError(f"{len(predictions)} predictions but {len(references)} references: give one entry each")
    values: dict[str, list[float]] = {}
    for index, (prediction, sources) in enumerate(zip(predictions, references, strict=True)):
        texts = [sources] if isinstance(sources, str) else list(sources)
        cluster = Sources.from_texts(f"sample-{index}", {f"source-{k}": text for k, text in enumerate(texts)})
        for key, value in scorer.score(prediction, cluster).metrics.items():
            values.setdefault(key, []).append(value)
    return {key: sum(items) / len(items) for key, items in values.items()}


def _build(class_name: str) -> type:
    import datasets
    import evaluate

    spec = METRICS[class_name]
    text = datasets.Value("string")
    features = [
        datasets.Features({"predictions": text, "references": datasets.Sequence(text)}),
        datasets.Features({"predictions": text, "references": text}),
    ]

    def _info(self: evaluate.Metric) -> evaluate.MetricInfo:
        return evaluate.MetricInfo(
            description=spec.description,
            citation=spec.citation,
            inputs_description=_INPUTS,
            features=features,
        )

    def _compute(self: evaluate.Metric, predictions: list[str], references: list[Any]) -> dict[str, float]:
        return score_gold_free(make_scorer(class_name), predictions, references)

    return type(class_name, (evaluate.Metric,), {"_info": _info, "_compute": _compute, "__doc__": spec.description})


_BUILT: dict[str, type] = {}


def metric_class(class_name: str) -> type:
    """The `evaluate.Metric` subclass wrapping a scorer, built once."""
    if class_name not in _BUILT:
        _BUILT[class_name] = _build(class_name)
    return _BUILT[class_name]


def __getattr__(name: str) -> type:
    if name in METRICS:
        return metric_class(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_metric(name: str, **kwargs: Any) -> Any:
    """A ready `evaluate.Metric` by class name ("EntityConsistency") or snake name ("entity_consistency")."""
    class_name = SNAKE_NAMES.get(name, name)
    if class_name not in METRICS:
        choices = ", ".join(sorted(SNAKE_NAMES))
        raise ConfigError(f"unknown metric '{name}'; choose one of: {choices}")
    return metric_class(class_name)(**kwargs)
