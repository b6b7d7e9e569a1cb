"""BRAT standoff (`<doc>.txt` + `<doc>.ann`) export and import of every goldset layer.

Mapping (see docs/goldset-format.md): entity mentions are text-bound annotations typed PERSON, ORG, ...;
numbers `Number`, furniture `Furniture`, quotes `Quote` with a `Cue` relation to their cue and a `Speaker`
relation to a mention of their speaker; events are BRAT events whose trigger is typed by the event type and
whose arguments are `Argument` spans (repeated roles numbered: agent, agent2). Scalar fields (id, kind,
value, low, ...) are attributes, or annotator notes (`counted: ...`) when they hold spaces; inventory links are
normalizations (`Reference T1 entity:taliban`) whose text is the item's name or description.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from harness.authoring.from_regions import ImportedLayers, layers_from_regions
from harness.authoring.regions import (
    CUE,
    SPEAKER,
    DocumentRegions,
    Link,
    Origin,
    Region,
    Relation,
    goldset_regions,
)
from harness.core.spans import Span
from harness.errors import InputFileError
from harness.goldset.load import load_goldset, read_text_exact

LABELS = {"Number": "numbers", "Furniture": "furniture", "Quote": "quotes", "Cue": "cue", "Argument": "argument"}
"""Text-bound types that are not entity mentions, and the region layer each stands for."""
RELATIONS = {CUE: "Cue", SPEAKER: "Speaker"}
_ROLE_NUMBER = re.compile(r"\d+$")


def _flat(text: str) -> str:
    """A span's text on one line, as BRAT stores it."""
    return re.sub(r"[\t\n\r]", " ", text)


def _safe(value: str, where: str) -> str:
    if re.search(r"[\t\n\r]", value):
        raise InputFileError(where, f"a tab or line break cannot be written to BRAT: {value!r}")
    return value


def ann_text(document: DocumentRegions, name: str) -> str:
    """The `.ann` file of one document's regions (`name` names it in errors)."""
    lines: list[str] = []
    ids: dict[str, str] = {}
    triggers: dict[str, str] = {}
    counters = {"T": 0, "E": 0, "R": 0, "A": 0, "N": 0, "#": 0}

    def next_id(prefix: str) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]}"

    for region in document.regions:
        span = region.span
        ids[region.key] = next_id("T")
        lines.append(f"{ids[region.key]}\t{region.label} {span.start} {span.end}\t{_flat(span.text)}")
        if region.layer == "events":
            triggers[region.key] = ids[region.key]
            ids[region.key] = next_id("E")
    arguments: dict[str, list[tuple[str, str]]] = {}
    for relation in document.relations:
        if relation.source in triggers:
            arguments.setdefault(relation.source, []).append((relation.label, ids[relation.target]))
        else:
            label = RELATIONS.get(relation.label, relation.label)
            lines.append(f"{next_id('R')}\t{label} Arg1:{ids[relation.source]} Arg2:{ids[relation.target]}")
    for region in document.regions:
        target = ids[region.key]
        if region.layer == "events":
            roles = " ".join(f"{role}:{argument}" for role, argument in _numbered(arguments.get(region.key, [])))
            lines.append(f"{target}\t{region.label}:{triggers[region.key]}{' ' if roles else ''}{roles}")
        for field, value in region.fields.items():
            if value and not re.search(r"\s", value):
                lines.append(f"{next_id('A')}\t{field} {target} {value}")
            else:
                lines.append(f"{next_id('#')}\tAnnotatorNotes {target}\t{_safe(f'{field}: {value}', name)}")
        for link in region.links:
            lines.append(f"{next_id('N')}\tReference {target} {link.kind}:{link.id}\t{_safe(link.name, name)}")
    return "\n".join(lines) + "\n"


def _numbered(arguments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Repeated roles numbered the BRAT way: agent, agent2, agent3."""
    seen: dict[str, int] = {}
    out = []
    for role, target in arguments:
        seen[role] = seen.get(role, 0) + 1
        out.append((f"{role}{seen[role] if seen[role] > 1 else ''}", target))
    return out


def _fail(path: Path, line: int, message: str) -> InputFileError:
    return InputFileError(path, message, line=line)


def _lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line number, annotation id, rest) of every non-empty line."""
    for number, line in enumerate(read_text_exact(path).splitlines(), start=1):
        if not line.strip():
            continue
        ann_id, tab, rest = line.partition("\t")
        if not tab:
            raise _fail(path, number, f"expected 'ID<TAB>...', got {line[:60]!r}")
        yield number, ann_id, rest


def _text_bound(path: Path, number: int, rest: str, text: str) -> tuple[str, Span]:
    head, _, quoted = rest.partition("\t")
    parts = head.split(" ")
    if len(parts) != 3 or ";" in head:
        raise _fail(path, number, f"expected 'TYPE START END' (one continuous span), got {head!r}")
    label, start_text, end_text = parts
    if not (start_text.isdigit() and end_text.isdigit()):
        raise _fail(path, number, f"offsets must be integers, got {start_text!r} {end_text!r}")
    start, end = int(start_text), int(end_text)
    if not start <= end <= len(text):
        raise _fail(path, number, f"span {start}-{end} lies outside the text ({len(text)} characters)")
    if _flat(text[start:end]) != quoted:
        raise _fail(path, number, f"span {start}-{end} reads {text[start:end]!r} in the text, not {quoted!r}")
    return label, Span(start=start, end=end, text=text[start:end])


def parse_ann(path: Path, text: str) -> DocumentRegions:
    """Regions and relations of one `.ann` file over its document `text`; errors name the file and line."""
    spans: dict[str, tuple[str, Span, int]] = {}
    events: dict[str, tuple[str, str, list[tuple[str, str]], int]] = {}
    relations: list[Relation] = []
    extras: list[tuple[int, str, str]] = []
    for number, ann_id, rest in _lines(path):
        kind = ann_id[:1]
        if kind == "T":
            label, span = _text_bound(path, number, rest, text)
            spans[ann_id] = (label, span, number)
        elif kind == "E":
            head, *arguments = rest.split()
            label, _, trigger = head.partition(":")
            roles = [(_ROLE_NUMBER.sub("", role), target) for role, _, target in (a.partition(":") for a in arguments)]
            events[ann_id] = (label, trigger, roles, number)
        elif kind == "R":
            parts = rest.split()
            if len(parts) != 3 or not parts[1].startswith("Arg1:") or not parts[2].startswith("Arg2:"):
                raise _fail(path, number, f"expected 'LABEL Arg1:ID Arg2:ID', got {rest!r}")
            label = {value: key for key, value in RELATIONS.items()}.get(parts[0], parts[0])
            relations.append(Relation(label, parts[1][5:], parts[2][5:], Origin(str(path), number)))
        elif kind in {"A", "N", "#"}:
            extras.append((number, kind, rest))
        else:
            raise _fail(path, number, f"unsupported annotation {ann_id!r}: use T, E, R, A, N or # lines")
    return _assemble(path, spans, events, relations, extras)


def _assemble(
    path: Path,
    spans: dict[str, tuple[str, Span, int]],
    events: dict[str, tuple[str, str, list[tuple[str, str]], int]],
    relations: list[Relation],
    extras: list[tuple[int, str, str]],
) -> DocumentRegions:
    triggers = {trigger for _, trigger, _, _ in events.values()}
    regions: dict[str, Region] = {}
    for ann_id, (label, span, number) in spans.items():
        if ann_id not in triggers:
            origin = Origin(str(path), number)
            regions[ann_id] = Region(ann_id, LABELS.get(label, "entities"), label, span, origin=origin)
    for ann_id, (label, trigger, roles, number) in events.items():
        if trigger not in spans:
            raise _fail(path, number, f"event trigger {trigger!r} is no text-bound annotation")
        regions[ann_id] = Region(ann_id, "events", label, spans[trigger][1], origin=Origin(str(path), number))
        relations += [Relation(role, ann_id, target, Origin(str(path), number)) for role, target in roles]
    for number, kind, rest in extras:
        head, _, tail = rest.partition("\t")
        parts = head.split(" ")
        target = parts[1] if len(parts) > 1 else ""
        if target not in regions:
            raise _fail(path, number, f"{head!r} names {target!r}, which is no annotation of this file")
        region = regions[target]
        if kind == "A":
            region.fields[parts[0]] = parts[2] if len(parts) > 2 else "true"
        elif kind == "#":
            field, _, value = tail.partition(":")
            region.fields[field] = value[1:] if value.startswith(" ") else value
        else:
            link_kind, _, link_id = (parts[2] if len(parts) > 2 else "").partition(":")
            if not link_id:
                raise _fail(path, number, f"expected 'Reference ID KIND:ID', got {head!r}")
            region.links.append(Link(link_kind, link_id, tail))
    return DocumentRegions(list(regions.values()), relations)


def export_brat(goldset_path: str | Path | None, out: str | Path) -> list[Path]:
    """Write `<doc>.txt` and `<doc>.ann` for every document (proposals included) into `out`."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for document, regions in goldset_regions(load_goldset(goldset_path, proposals="include")):
        text_path, ann_path = folder / f"{document.id}.txt", folder / f"{document.id}.ann"
        with text_path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(document.text)
        ann_path.write_text(ann_text(regions, str(ann_path)), encoding="utf-8")
        written += [text_path, ann_path]
    return written


def import_brat(folder: str | Path, goldset_path: str | Path) -> dict[str, ImportedLayers]:
    """Read `<doc>.ann` (and check `<doc>.txt`) for each goldset document found in `folder`."""
    goldset = load_goldset(goldset_path, proposals="include")
    found: dict[str, ImportedLayers] = {}
    for document in goldset.documents:
        ann_path = Path(folder) / f"{document.id}.ann"
        if not ann_path.exists():
            continue
        text_path = ann_path.with_suffix(".txt")
        if text_path.exists() and read_text_exact(text_path) != document.text:
            raise InputFileError(text_path, f"differs from the goldset's text of {document.id}; offsets would move")
        found[document.id] = layers_from_regions(parse_ann(ann_path, document.text))
    if not found:
        raise InputFileError(folder, "no <document id>.ann file for any document of the goldset")
    return found
