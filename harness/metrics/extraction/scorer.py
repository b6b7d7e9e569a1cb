"""`ExtractionScorer`: an extractor's ClaimSet for one document against that document's gold layers.

Per document (`score`) it reports every layer's P/R/F1 and the mention errors; over the whole goldset
(`aggregate`) it reports micro-averaged counts and the cross-document linking scores (B-cubed, CEAF-e).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from harness.core.claim_types import ClaimSet
from harness.errors import ConfigError
from harness.goldset.load import GoldDocument
from harness.metrics.extraction import entities, events, numbers, quotes
from harness.metrics.extraction.coref import b_cubed, ceaf_e, clusters_from_links
from harness.metrics.extraction.prf import PRF
from harness.metrics.protocols import SampleScore
from harness.results.metric_info import CORPUS, HIGHER, MetricInfo

Layer = Literal["entities", "numbers", "events", "quotes"]
ALL_LAYERS: tuple[Layer, ...] = ("entities", "numbers", "events", "quotes")


class ExtractionScorer:
    """Scores the layers an extractor produces; a layer left out of `layers` is not scored (and not penalized)."""

    name = "extraction"
    metric_info: ClassVar[dict[str, MetricInfo]] = {"*": HIGHER, "micro_*": CORPUS, "entity_link_*": CORPUS}

    def __init__(self, layers: Sequence[Layer] = ALL_LAYERS) -> None:
        unknown = set(layers) - set(ALL_LAYERS)
        if unknown:
            raise ConfigError(
                f"extraction scorer, field 'layers': unknown {sorted(unknown)}; choose from {list(ALL_LAYERS)}"
            )
        self.layers = tuple(layers)

    def _scored(self, prediction: ClaimSet) -> tuple[str, ...]:
        """The configured layers the extractor looked for: a layer it does not produce is not penalized."""
        return tuple(layer for layer in self.layers if prediction.layers is None or layer in prediction.layers)

    def score(self, prediction: ClaimSet, document: GoldDocument) -> SampleScore:
        metrics: dict[str, float] = {}
        findings = []
        layers = self._scored(prediction)
        if "entities" in layers:
            result = entities.evaluate([document.entities], [prediction.entities])
            metrics |= entities.entity_metrics(result)
            findings = entities.mention_errors(document, prediction.entities)
        if "numbers" in layers:
            metrics |= numbers.number_metrics(document.numbers, prediction.numbers)
        if "events" in layers:
            metrics |= events.event_metrics(document.events, prediction.events)
        if "quotes" in layers:
            metrics |= quotes.quote_metrics(document.quotes, prediction.quotes)
        return SampleScore(metrics=metrics, findings=tuple(findings))

    def aggregate(self, pairs: Sequence[tuple[ClaimSet, GoldDocument]]) -> dict[str, float]:
        """Micro-averaged scores over all documents (prefixed `micro_`) and cross-document entity linking."""
        metrics: dict[str, float] = {}
        layers = set.intersection(*(set(self._scored(p)) for p, _ in pairs)) if pairs else set()
        if "entities" in layers:
            result = entities.evaluate([d.entities for _, d in pairs], [p.entities for p, _ in pairs])
            metrics |= {f"micro_{k}": v for k, v in entities.entity_metrics(result).items()}
            metrics |= entities.macro_by_type(result)
            key = clusters_from_links(
                ((d.id, m.span.start, m.span.end), m.entity) for _, d in pairs for m in d.entities
            )
            response = clusters_from_links(
                ((d.id, c.span.start, c.span.end), c.entity) for p, d in pairs for c in p.entities
            )
            metrics |= b_cubed(key, response).metrics("entity_link_b3")
            metrics |= ceaf_e(key, response).metrics("entity_link_ceafe")
        if "numbers" in layers:
            totals: dict[str, PRF] = {}
            for prediction, document in pairs:
                for name, counts in numbers.number_counts(document.numbers, prediction.numbers).items():
                    totals[name] = totals[name] + counts if name in totals else counts
            for name, counts in totals.items():
                metrics |= counts.metrics(f"micro_{name}")
        return metrics
