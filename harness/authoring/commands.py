"""`harness goldset init|import|export|preannotate|agree`: argument parsers and what each command does."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from harness.errors import InputFileError

FORMATS = ("brat", "labelstudio")
LAYERS = ("entities", "numbers", "events", "quotes", "furniture")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, argparse.ArgumentParser]:
    """Register the authoring subcommands on `harness goldset`."""
    init = commands.add_parser("init", help="start a goldset from a folder of texts (empty layers, manifest)")
    init.add_argument("path", metavar="DIR", help="new (or empty) goldset folder")
    init.add_argument("--texts", required=True, metavar="FOLDER", help="folder of UTF-8 *.txt files")
    init.add_argument("--name", help="goldset name (default: the folder's name)")
    init.add_argument("--description", help="one line on what the goldset holds")
    init.add_argument("--date", type=dt.date.fromisoformat, help="YYYY-MM-DD for every document (default: datelines)")

    export = commands.add_parser("export", help="write the layers as BRAT standoff or Label Studio JSON")
    export.add_argument("format", choices=FORMATS)
    export.add_argument("out", metavar="OUT", help="BRAT: a folder; Label Studio: a .json file")
    export.add_argument("path", nargs="?", help="goldset folder (default: the built-in goldset)")

    read = commands.add_parser("import", help="replace the layers of the documents found in BRAT or Label Studio")
    read.add_argument("format", choices=FORMATS)
    read.add_argument("source", metavar="SOURCE", help="BRAT: folder of <doc id>.ann; Label Studio: exported JSON")
    read.add_argument("path", metavar="DIR", help="goldset folder to write into")
    read.add_argument("--annotation", type=int, default=0, help="Label Studio: which annotation of a task (from 0)")

    pre = commands.add_parser("preannotate", help="add an extractor's findings as proposals awaiting review")
    pre.add_argument("path", metavar="DIR", help="goldset folder")
    pre.add_argument(
        "overrides", nargs="*", metavar="KEY=VALUE", help="Hydra overrides: extractor=rules (default), extractor.X=Y"
    )

    agree = commands.add_parser("agree", help="agreement of two annotations of the same texts, per layer")
    agree.add_argument("a", metavar="A", help="reference goldset folder")
    agree.add_argument("b", metavar="B", help="goldset folder compared with A")
    agree.add_argument("--layers", nargs="+", choices=LAYERS, help="layers to compare (default: all)")
    agree.add_argument("--json", metavar="FILE", help="also write the figures and disagreements as JSON")
    return {"init": init, "export": export, "import": read, "preannotate": pre, "agree": agree}


def run(command: str, args: argparse.Namespace) -> int:
    """Run one authoring command; returns the exit status."""
    if command == "init":
        return _init(args)
    if command == "export":
        return _export(args)
    if command == "import":
        return _import(args)
    if command == "preannotate":
        return _preannotate(args)
    return _agree(args)


def _init(args: argparse.Namespace) -> int:
    from harness.authoring.init import InitOptions, init_goldset

    options = InitOptions(name=args.name, description=args.description, date=args.date)
    manifest = init_goldset(args.path, args.texts, options)
    undated = [info.id for info in manifest.documents if info.date is None]
    print(f"wrote goldset {manifest.name} in {args.path}: {len(manifest.documents)} documents")
    if undated:
        print(f"no date found for {len(undated)}: {', '.join(undated)} (set it in goldset.json)")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.format == "brat":
        from harness.authoring.brat import export_brat

        written = export_brat(args.path, args.out)
        print(f"wrote {len(written) // 2} documents (.txt + .ann) to {args.out}")
    else:
        from harness.authoring.labelstudio import export_labelstudio, labeling_config

        tasks = export_labelstudio(args.path, args.out)
        config = tasks.with_suffix(".config.xml")
        config.write_text(labeling_config(json.loads(tasks.read_text(encoding="utf-8"))), encoding="utf-8")
        print(f"wrote {tasks} and its labeling config {config}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from harness.authoring.store import store_layers

    if args.format == "brat":
        from harness.authoring.brat import import_brat

        documents = import_brat(args.source, args.path)
    else:
        from harness.authoring.labelstudio import import_labelstudio

        documents = import_labelstudio(args.source, args.path, args.annotation)
    store_layers(args.path, documents)
    print(f"imported {len(documents)} documents into {args.path}; check them with `harness goldset validate`")
    return 0


def _preannotate(args: argparse.Namespace) -> int:
    from harness.authoring.extractor import build_extractor
    from harness.authoring.preannotate import preannotate

    report = preannotate(args.path, build_extractor(args.overrides))
    proposed = ", ".join(f"{count} {layer}" for layer, count in sorted(report.proposed.items())) or "nothing"
    print(f"proposed {proposed} in {args.path}; review each (status: accepted) or delete it")
    for reason, count in sorted(report.skipped.items()):
        print(f"skipped {count}: {reason}")
    return 0


def _agree(args: argparse.Namespace) -> int:
    from harness.authoring.agree import agreement
    from harness.authoring.agree_render import render_text, report_json
    from harness.authoring.write import write_json

    report = agreement(args.a, args.b, args.layers)
    print(render_text(report))
    if args.json:
        path = Path(args.json)
        if path.is_dir():
            raise InputFileError(path, "is a folder; give a file name for the JSON report")
        write_json(path, report_json(report))
    return 0
