"""Inter-annotator agreement of two goldsets over the same texts, per layer, with every disagreement listed.

Annotator A is the reference: precision = matched / B's items, recall = matched / A's items. Spans are paired
exactly (same start and end) and by overlap (largest shared stretch first, one to one). On overlap pairs:
type agreement (Cohen's kappa of entity types, number kinds, event types, quote and furniture kinds) and, for
numbers, value agreement (same value, interval and date). Link agreement is B-cubed over the clusters the
links make (mentions by entity, numbers by fact, events by cluster, quotes by speaker), a B item standing on
its A partner's key. Only gold is compared: proposals awaiting review are left out, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.core.spans import Span
from harness.errors import GoldsetError
from harness.goldset.load import GoldDocument, Goldset, load_goldset
from harness.goldset.schema import NumberAnnotation
from harness.scoring.alignment import count_exact, match_overlap
from harness.scoring.clusters import ClusterScore, Mention, b_cubed, clusters_from_links
from harness.scoring.kappa import cohen_kappa
from harness.scoring.prf import PRF


@dataclass(frozen=True)
class LayerView:
    """How a layer's items are compared: their span, their type label and the inventory id they link to."""

    span: Callable[[Any], Span]
    label: Callable[[Any], str]
    link: Callable[[Any], str | None] | None


LAYER_VIEWS: dict[str, LayerView] = {
    "entities": LayerView(lambda m: m.span, lambda m: m.type, lambda m: m.entity),
    "numbers": LayerView(lambda n: n.span, lambda n: n.kind, lambda n: n.fact),
    "events": LayerView(lambda e: e.trigger, lambda e: e.type, lambda e: e.cluster),
    "quotes": LayerView(lambda q: q.content, lambda q: q.kind, lambda q: q.speaker),
    "furniture": LayerView(lambda f: f.span, lambda f: f.kind, None),
}
CONTEXT = 60
"""Characters of text shown on each side of a disagreement."""


@dataclass(frozen=True)
class Side:
    """One annotator's item in a disagreement."""

    id: str
    start: int
    end: int
    text: str
    label: str
    value: str | None = None


@dataclass(frozen=True)
class Disagreement:
    layer: str
    document: str
    kind: str
    """only_a, only_b (no overlapping partner), span (partners differ in extent), type, value."""
    a: Side | None
    b: Side | None
    context: str


@dataclass(frozen=True)
class LayerAgreement:
    layer: str
    a_items: int
    b_items: int
    exact: PRF
    overlap: PRF
    kappa: float | None
    """Cohen's kappa of the labels of overlap pairs; None when nothing overlaps."""
    type_agreement: float | None
    links: ClusterScore | None
    """B-cubed of the link clusters; None for a layer without links or with no items."""
    value_agreement: float | None = None
    """Numbers only: share of overlap pairs with the same normalized value."""

    def figures(self) -> dict[str, float | int | None]:
        """Every figure by name, as the table and the JSON show them."""
        return {
            "a_items": self.a_items,
            "b_items": self.b_items,
            **{f"exact_{k}": v for k, v in _prf(self.exact).items()},
            **{f"overlap_{k}": v for k, v in _prf(self.overlap).items()},
            "type_kappa": self.kappa,
            "type_agreement": self.type_agreement,
            **{f"link_b3_{k}": v for k, v in _b3(self.links).items()},
            "value_agreement": self.value_agreement,
        }


@dataclass
class Agreement:
    a: str
    b: str
    documents: list[str]
    layers: list[LayerAgreement] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


def _prf(prf: PRF) -> dict[str, float | None]:
    empty = not prf.predicted and not prf.gold
    return {
        "precision": None if empty else prf.precision,
        "recall": None if empty else prf.recall,
        "f1": None if empty else prf.f1,
    }


def _b3(score: ClusterScore | None) -> dict[str, float | None]:
    if score is None:
        return {"precision": None, "recall": None, "f1": None}
    return {"precision": score.precision, "recall": score.recall, "f1": score.f1}


def number_value(number: NumberAnnotation) -> str:
    """The normalized meaning compared for value agreement: point value, interval with its open ends, date."""
    low = "(" if number.low_open else "["
    high = ")" if number.high_open else "]"
    return f"value {number.value} {low}{number.low}, {number.high}{high} date {number.date}"


def _side(item: Any, view: LayerView, layer: str) -> Side:
    span = view.span(item)
    value = number_value(item) if layer == "numbers" else None
    return Side(item.id, span.start, span.end, span.text, view.label(item), value)


def _context(text: str, spans: Sequence[Span]) -> str:
    start = max(0, min(span.start for span in spans) - CONTEXT)
    end = min(len(text), max(span.end for span in spans) + CONTEXT)
    return " ".join(text[start:end].split())


class _LayerTally:
    """Counts of one layer summed over documents, and the disagreements found on the way."""

    def __init__(self, layer: str) -> None:
        self.layer, self.view = layer, LAYER_VIEWS[layer]
        self.exact, self.overlap = PRF(0, 0, 0), PRF(0, 0, 0)
        self.labels: tuple[list[str], list[str]] = ([], [])
        self.values: list[bool] = []
        self.links: tuple[list[tuple[Mention, str | None]], list[tuple[Mention, str | None]]] = ([], [])
        self.disagreements: list[Disagreement] = []

    def add(self, document: GoldDocument, a_items: Sequence[Any], b_items: Sequence[Any]) -> None:
        span, view = self.view.span, self.view
        pairs = match_overlap(a_items, b_items, span, span, prefer=lambda x, y: view.label(x) == view.label(y))
        self.exact += PRF(count_exact(a_items, b_items, span, span), len(b_items), len(a_items))
        self.overlap += PRF(len(pairs), len(b_items), len(a_items))
        partner = {id(b): a for a, b in pairs}
        paired_a = {id(a) for a, _ in pairs}

        def key(item: Any, prefix: str = "") -> Mention:
            return (prefix + document.id, span(item).start, span(item).end)

        for item in a_items:
            if view.link is not None:
                self.links[0].append((key(item), view.link(item)))
            if id(item) not in paired_a:
                self._note(document, "only_a", item, None, [span(item)])
        for item in b_items:
            if view.link is not None:
                a_item = partner.get(id(item))
                self.links[1].append((key(a_item) if a_item is not None else key(item, "B:"), view.link(item)))
            if id(item) not in partner:
                self._note(document, "only_b", None, item, [span(item)])
        for a_item, b_item in pairs:
            spans = [span(a_item), span(b_item)]
            if (spans[0].start, spans[0].end) != (spans[1].start, spans[1].end):
                self._note(document, "span", a_item, b_item, spans)
            self.labels[0].append(view.label(a_item))
            self.labels[1].append(view.label(b_item))
            if view.label(a_item) != view.label(b_item):
                self._note(document, "type", a_item, b_item, spans)
            if self.layer == "numbers":
                same = number_value(a_item) == number_value(b_item)
                self.values.append(same)
                if not same:
                    self._note(document, "value", a_item, b_item, spans)

    def _note(self, document: GoldDocument, kind: str, a: Any, b: Any, spans: list[Span]) -> None:
        sides = [None if item is None else _side(item, self.view, self.layer) for item in (a, b)]
        context = _context(document.text, spans)
        self.disagreements.append(Disagreement(self.layer, document.id, kind, sides[0], sides[1], context))

    def result(self) -> LayerAgreement:
        labels_a, labels_b = self.labels
        links = None
        if self.view.link is not None and (self.links[0] or self.links[1]):
            links = b_cubed(clusters_from_links(self.links[0]), clusters_from_links(self.links[1]))
        return LayerAgreement(
            layer=self.layer,
            a_items=self.overlap.gold,
            b_items=self.overlap.predicted,
            exact=self.exact,
            overlap=self.overlap,
            kappa=cohen_kappa(labels_a, labels_b),
            type_agreement=sum(x == y for x, y in zip(labels_a, labels_b, strict=True)) / len(labels_a)
            if labels_a
            else None,
            links=links,
            value_agreement=(sum(self.values) / len(self.values) if self.values else None)
            if self.layer == "numbers"
            else None,
        )


def _common_documents(first: Goldset, second: Goldset) -> list[tuple[GoldDocument, GoldDocument]]:
    pairs = []
    for document in first.documents:
        other = second.document_by_id.get(document.id)
        if other is None:
            raise GoldsetError(f"{second.root}: has no document '{document.id}' of {first.root}")
        if other.text != document.text:
            raise GoldsetError(f"{second.root / other.info.path}: differs from {first.root / document.info.path}")
        pairs.append((document, other))
    return pairs


def agreement(a: str | Path, b: str | Path, layers: Sequence[str] | None = None) -> Agreement:
    """Compare goldset `b` with goldset `a` (the reference) over `layers` (default: all)."""
    chosen = list(layers or LAYER_VIEWS)
    unknown = [layer for layer in chosen if layer not in LAYER_VIEWS]
    if unknown:
        raise GoldsetError(f"--layers: unknown layer {unknown[0]!r}; choose from {', '.join(LAYER_VIEWS)}")
    first, second = load_goldset(a), load_goldset(b)
    pairs = _common_documents(first, second)
    result = Agreement(str(a), str(b), [document.id for document, _ in pairs])
    for layer in chosen:
        tally = _LayerTally(layer)
        for document, other in pairs:
            tally.add(document, getattr(document, layer), getattr(other, layer))
        result.layers.append(tally.result())
        result.disagreements += tally.disagreements
    return result
