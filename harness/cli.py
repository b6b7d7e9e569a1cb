"""The `harness` command: a thin dispatcher that imports each subcommand only when it is called.

Keeping imports lazy keeps `harness --help` fast: Hydra, datasets and friends load only for the command
that needs them. Every subcommand module exposes `main(argv: list[str]) -> int`.
"""

from __future__ import annotations

import importlib
import os
import sys

from harness import __version__
from harness.errors import HarnessError
from harness.run.collector import pace_for_scoring

COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("harness.run.app", "run an experiment config (a Hydra app: overrides, -m multirun, hydra.run.dir=...)"),
    "score": ("harness.run.rescore", "score a run's stored outputs again with other scorers, calling no model"),
    "goldset": ("harness.authoring.cli", "validate a goldset, print its statistics, locate spans for annotators"),
    "merge": ("harness.run.merge", "join the shard runs of one experiment (shard=i/n) into one run folder"),
    "compare": ("harness.report.compare_cli", "compare runs in one table: means, 95% bootstrap CIs, paired tests"),
    "report": ("harness.report.html_cli", "write the self-contained HTML report of one or more runs"),
    "gate": ("harness.gate.cli", "fail CI when a run is worse than its baseline (exit 0 pass, 1 fail, 2 error)"),
    "meta-eval": ("harness.metaeval.app", "measure the consistency scorers against human-labelled sets (Hydra app)"),
}

USAGE = (
    f"""usage: harness [--version] COMMAND [ARGS...]

fact-harness {__version__}: is a model's summary or extraction true to its sources?

commands:
"""
    + "\n".join(f"  {name:<10} {help_text}" for name, (_, help_text) in COMMANDS.items())
    + """

Run `harness COMMAND --help` for a command's options. Quick start: `harness run` runs the default experiment
(built-in summarizers on the built-in goldset) and prints its results table.
"""
)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    if args[0] == "--version":
        print(f"fact-harness {__version__}")
        return 0
    command, rest = args[0], args[1:]
    if command not in COMMANDS:
        print(f"harness: unknown command '{command}'. Commands: {', '.join(COMMANDS)}.", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[command][0])
    pace_for_scoring()
    try:
        return int(module.main(rest))
    except HarnessError as error:
        print(f"harness {command}: error: {error}", file=sys.stderr)
        return 2
    except SystemExit as exit_:
        # argparse's --help (0) and usage errors (2), returned so `main` stays callable in-process.
        return exit_.code if isinstance(exit_.code, int) else 2
    except BrokenPipeError:
        # The reader went away (`harness goldset stats | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"harness {command}: interrupted; results written so far are kept.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
