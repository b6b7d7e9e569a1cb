"""Checks on what annotations say: inventory ids resolve, number intervals fit their qualifier, dates are ISO.

References to an inventory are checked only when that inventory could be read (None means "unreadable"),
so one broken inventory file gives one problem, not one per mention.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from harness.goldset.isodate import iso_problem
from harness.goldset.layer_checks import LayerFile
from harness.goldset.problems import Problem, SourceFile
from harness.goldset.schema import (
    Entity,
    EntityMention,
    EventAnnotation,
    EventCluster,
    NumberAnnotation,
    NumberFact,
    QuoteAnnotation,
    QuoteCluster,
)


@dataclass(frozen=True)
class Inventories:
    """The goldset-wide inventories, keyed by id; None where the inventory file could not be read."""

    entities: dict[str, Entity] | None
    facts: dict[str, NumberFact] | None
    event_clusters: dict[str, EventCluster] | None
    quote_clusters: dict[str, QuoteCluster] | None
    files: dict[str, str]


@dataclass
class Usage:
    """Inventory ids some annotation refers to, collected to report unused inventory items."""

    entities: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    event_clusters: set[str] = field(default_factory=set)
    quote_clusters: set[str] = field(default_factory=set)


def _resolve(
    source: SourceFile,
    item_id: str,
    field_name: str,
    wanted: str,
    known: Collection[str] | None,
    inventory_file: str,
    used: set[str],
) -> list[Problem]:
    used.add(wanted)
    if known is None or wanted in known:
        return []
    return [source.problem(item_id, field_name, f"unknown id '{wanted}': not in {inventory_file}")]


def check_entity_mention(source: SourceFile, mention: EntityMention, inv: Inventories, usage: Usage) -> list[Problem]:
    problems = _resolve(
        source, mention.id, "entity", mention.entity, inv.entities, inv.files["entities"], usage.entities
    )
    entity = inv.entities.get(mention.entity) if inv.entities else None
    if entity is not None and entity.type != mention.type:
        message = f"mention type {mention.type} differs from entity '{entity.id}' of type {entity.type}"
        problems.append(source.problem(mention.id, "type", message))
    return problems


def _fmt(number: float | None) -> str:
    return "unbounded" if number is None else f"{number:g}"


def _qualifier_problems(number: NumberAnnotation) -> list[tuple[str, str]]:
    """(field, message) pairs where the interval disagrees with the qualifier's rule (docs/ARCHITECTURE.md)."""
    value, low, high, qualifier = number.value, number.low, number.high, number.qualifier
    if qualifier == "vague":
        return [("value", "a vague quantity has no point value; give only low/high")] if value is not None else []
    if value is None:
        return []
    expected: dict[str, tuple[float | None, bool | None, float | None, bool | None]] = {
        "exact": (value, False, value, False),
        "nearly": (None, False, value, True),
        "more_than": (value, True, None, False),
        "at_least": (value, False, None, False),
        "fewer_than": (None, False, value, True),
        "at_most": (None, False, value, False),
    }
    if qualifier not in expected or (low is None and high is None):
        return []
    want_low, want_low_open, want_high, want_high_open = expected[qualifier]
    problems = []
    if want_low is not None and low != want_low:
        problems.append(("low", f"'{qualifier}' {value:g} needs low {want_low:g}, not {_fmt(low)}"))
    if qualifier in {"more_than", "at_least"} and high is not None:
        problems.append(("high", f"'{qualifier}' {value:g} has no upper bound; high must be null"))
    if want_high is not None and high != want_high:
        problems.append(("high", f"'{qualifier}' {value:g} needs high {want_high:g}, not {_fmt(high)}"))
    if want_low is not None and want_low_open is not None and number.low_open != want_low_open:
        problems.append(("low_open", f"'{qualifier}' needs low_open {str(want_low_open).lower()}"))
    if want_high is not None and want_high_open is not None and number.high_open != want_high_open:
        problems.append(("high_open", f"'{qualifier}' needs high_open {str(want_high_open).lower()}"))
    return problems


def check_number(source: SourceFile, number: NumberAnnotation, inv: Inventories, usage: Usage) -> list[Problem]:
    """Fact resolves; low <= high; value inside [low, high] (it may sit on an open end); qualifier rule; ISO date."""
    problems = []
    if number.fact is not None:
        problems += _resolve(source, number.id, "fact", number.fact, inv.facts, inv.files["number_facts"], usage.facts)
    low, high = number.low, number.high
    if low is not None and high is not None:
        if low > high:
            problems.append(source.problem(number.id, "low", f"low {low:g} is greater than high {high:g}"))
        elif low == high and (number.low_open or number.high_open):
            problems.append(source.problem(number.id, "low_open", f"the interval at {low:g} is empty (an open end)"))
    value = number.value
    if value is not None and ((low is not None and value < low) or (high is not None and value > high)):
        message = f"value {value:g} lies outside the interval [{_fmt(low)}, {_fmt(high)}]"
        problems.append(source.problem(number.id, "value", message))
    problems += [source.problem(number.id, name, message) for name, message in _qualifier_problems(number)]
    if number.date is not None:
        if (date_message := iso_problem(number.date)) is not None:
            problems.append(source.problem(number.id, "date", date_message))
    elif number.kind in {"date", "year"}:
        problems.append(source.problem(number.id, "date", f"a {number.kind} needs its ISO value in 'date'"))
    return problems


def check_event(source: SourceFile, event: EventAnnotation, inv: Inventories, usage: Usage) -> list[Problem]:
    """Cluster resolves and shares the event type; arguments name an entity or a span; time is ISO."""
    problems = []
    if event.cluster is not None:
        problems += _resolve(
            source,
            event.id,
            "cluster",
            event.cluster,
            inv.event_clusters,
            inv.files["event_clusters"],
            usage.event_clusters,
        )
        cluster = inv.event_clusters.get(event.cluster) if inv.event_clusters else None
        if cluster is not None and cluster.type != event.type:
            message = f"event type {event.type} differs from cluster '{cluster.id}' of type {cluster.type}"
            problems.append(source.problem(event.id, "type", message))
    for index, argument in enumerate(event.arguments):
        if argument.entity is None and argument.span is None:
            problems.append(source.problem(event.id, f"arguments[{index}]", "an argument needs an entity or a span"))
        if argument.entity is not None:
            problems += _resolve(
                source,
                event.id,
                f"arguments[{index}].entity",
                argument.entity,
                inv.entities,
                inv.files["entities"],
                usage.entities,
            )
    if event.time is not None and (time_message := iso_problem(event.time)) is not None:
        problems.append(source.problem(event.id, "time", time_message))
    return problems


def check_quote(source: SourceFile, quote: QuoteAnnotation, inv: Inventories, usage: Usage) -> list[Problem]:
    """Speaker and cluster resolve, and a quote's speaker agrees with its cluster's speaker."""
    problems = []
    if quote.speaker is not None:
        problems += _resolve(
            source, quote.id, "speaker", quote.speaker, inv.entities, inv.files["entities"], usage.entities
        )
    if quote.cluster is not None:
        problems += _resolve(
            source,
            quote.id,
            "cluster",
            quote.cluster,
            inv.quote_clusters,
            inv.files["quote_clusters"],
            usage.quote_clusters,
        )
        cluster = inv.quote_clusters.get(quote.cluster) if inv.quote_clusters else None
        if cluster is not None and quote.speaker and cluster.speaker and cluster.speaker != quote.speaker:
            message = f"speaker '{quote.speaker}' differs from cluster '{cluster.id}' speaker '{cluster.speaker}'"
            problems.append(source.problem(quote.id, "speaker", message))
    return problems


def check_layer_content(layer: LayerFile, inv: Inventories, usage: Usage) -> list[Problem]:
    """Run the content check that fits each annotation of the layer."""
    problems: list[Problem] = []
    for annotation in layer.annotations:
        if isinstance(annotation, EntityMention):
            problems += check_entity_mention(layer.source, annotation, inv, usage)
        elif isinstance(annotation, NumberAnnotation):
            problems += check_number(layer.source, annotation, inv, usage)
        elif isinstance(annotation, EventAnnotation):
            problems += check_event(layer.source, annotation, inv, usage)
        elif isinstance(annotation, QuoteAnnotation):
            problems += check_quote(layer.source, annotation, inv, usage)
    return problems
