"""`harness goldset`: validate a goldset, print its statistics, locate spans, write its JSON Schemas."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import cast

from harness.authoring.commands import add_parsers
from harness.authoring.commands import run as run_authoring
from harness.errors import GoldsetError

DESCRIPTION = """Work with a goldset folder (default: the built-in moscow-talks-2018).

  validate [PATH]                       report every problem as FILE:LINE: ID: FIELD: message (exit 1 if any)
  stats [PATH] [--format F]             annotations per layer and document, cross-document support
  locate DOC_ID TEXT [-n N] [PATH]      offsets and span JSON of the N-th occurrence of TEXT (for annotators)
  schema [PATH] [--check]               write (or check) the JSON Schemas in PATH/schema/
  init DIR --texts FOLDER [--date D]    start a goldset from a folder of texts
  export brat|labelstudio OUT [PATH]    write the layers for BRAT or Label Studio
  import brat|labelstudio SOURCE DIR    read layers back from BRAT or Label Studio
  preannotate DIR [extractor=NAME ...]  add an extractor's findings as proposals to review
  agree A B [--layers L ...] [--json F] inter-annotator agreement and every disagreement
"""


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The `harness goldset` parser and its subcommand parsers (parsed intermixed: PATH may follow options)."""
    parser = argparse.ArgumentParser(
        prog="harness goldset", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    path_help = "goldset folder or its goldset.json (default: the built-in goldset)"

    validate = commands.add_parser("validate", help="check every file and annotation; exit 1 on any problem")
    validate.add_argument("path", nargs="?", help=path_help)
    validate.add_argument(
        "--allow-proposed", action="store_true", help="check proposals like gold instead of reporting each one"
    )

    stats = commands.add_parser("stats", help="print counts per layer and document, and cross-document support")
    stats.add_argument("path", nargs="?", help=path_help)
    stats.add_argument("--format", choices=["text", "json", "markdown"], default="text", help="output format")

    locate = commands.add_parser("locate", help="print the offsets and span JSON of a phrase in a document")
    locate.add_argument("document", metavar="DOC_ID", help="document id, or a unique prefix such as 003")
    locate.add_argument("text", metavar="TEXT", help="the exact phrase to find")
    locate.add_argument("-n", "--occurrence", type=int, default=1, help="which occurrence, from 1 (default 1)")
    locate.add_argument("path", nargs="?", help=path_help)

    schema = commands.add_parser("schema", help="write the JSON Schemas of every goldset file type")
    schema.add_argument("path", nargs="?", help=path_help)
    schema.add_argument("--check", action="store_true", help="only check they are up to date (exit 1 if stale)")
    authoring = add_parsers(commands)
    return parser, {"validate": validate, "stats": stats, "locate": locate, "schema": schema, **authoring}


def _display(path: Path) -> str:
    """A path relative to the working directory when it lies below it, so editors can open it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _validate(path: str | None, allow_proposed: bool = False) -> int:
    from harness.goldset.load import load_goldset
    from harness.goldset.validate import goldset_root, validate_goldset

    root = goldset_root(path)
    problems = validate_goldset(root, allow_proposed=allow_proposed)
    for problem in problems:
        print(problem.format(Path(_display(root))))
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {_display(root)}")
        return 1
    goldset = load_goldset(root)
    layers = ("entities", "numbers", "events", "quotes", "furniture")
    counts = ", ".join(f"{sum(len(getattr(doc, layer)) for doc in goldset.documents)} {layer}" for layer in layers)
    waiting = sum(sum(doc.proposed.values()) for doc in goldset.documents)
    pending = f"; {waiting} proposals await review" if waiting else ""
    print(f"OK: goldset {goldset.name} ({len(goldset.documents)} documents: {counts}) has no problems{pending}")
    return 0


def _stats(path: str | None, fmt: str) -> int:
    from harness.goldset.load import load_goldset
    from harness.goldset.stats import goldset_stats
    from harness.goldset.stats_render import StatsFormat, render

    print(render(goldset_stats(load_goldset(path)), cast(StatsFormat, fmt)))
    return 0


def _locate(path: str | None, document: str, phrase: str, occurrence: int) -> int:
    from harness.goldset.load import MANIFEST_NAME, read_model, read_text_exact
    from harness.goldset.schema import Manifest, Span
    from harness.goldset.validate import goldset_root

    root = goldset_root(path)
    manifest = read_model(root / MANIFEST_NAME, Manifest)
    matches = [info for info in manifest.documents if info.id == document or info.id.startswith(document)]
    if len(matches) != 1:
        known = ", ".join(info.id for info in manifest.documents)
        raise GoldsetError(f"{root / MANIFEST_NAME}: document '{document}' matches {len(matches)} documents ({known})")
    info = matches[0]
    text = read_text_exact(root / info.path)
    starts = [match.start() for match in re.finditer(re.escape(phrase), text)]
    if not starts:
        raise GoldsetError(f"{root / info.path}: {phrase!r} does not occur in document {info.id} (case matters)")
    if not 1 <= occurrence <= len(starts):
        raise GoldsetError(f"{root / info.path}: {phrase!r} occurs {len(starts)} times; --occurrence {occurrence}")
    start = starts[occurrence - 1]
    span = Span(start=start, end=start + len(phrase), text=phrase)
    print(f"{info.id}: start {span.start} end {span.end} (occurrence {occurrence} of {len(starts)})")
    print(json.dumps(span.model_dump(), sort_keys=True, ensure_ascii=False))
    return 0


def _schema(path: str | None, check: bool) -> int:
    from harness.goldset.jsonschema import stale_schemas, write_schemas
    from harness.goldset.validate import goldset_root

    folder = goldset_root(path) / "schema"
    if check:
        stale = stale_schemas(folder)
        for name in stale:
            print(f"{_display(folder / name)}: out of date; run `harness goldset schema` to rewrite it")
        return 1 if stale else 0
    for written in write_schemas(folder):
        print(f"wrote {_display(written)}")
    return 0


def main(argv: list[str]) -> int:
    """Entry point of `harness goldset`; returns the exit status."""
    parser, commands = _parser()
    if not argv or argv[0] not in commands:
        parser.parse_args(argv)
        return 2
    args = commands[argv[0]].parse_intermixed_args(argv[1:])
    args.command = argv[0]
    if args.command == "validate":
        return _validate(args.path, args.allow_proposed)
    if args.command == "stats":
        return _stats(args.path, args.format)
    if args.command == "locate":
        return _locate(args.path, args.document, args.text, args.occurrence)
    if args.command == "schema":
        return _schema(args.path, args.check)
    return run_authoring(args.command, args)
