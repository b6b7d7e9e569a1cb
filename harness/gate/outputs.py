"""What the gate writes for CI: JUnit XML for the CI page, Markdown for a pull-request comment, and GitHub
Actions annotations when it runs there."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path

from harness.gate.check import Check, GateResult


def write_junit(result: GateResult, path: Path) -> None:
    """One test suite per model, one test case per check; a failed check is a JUnit failure with its message."""
    by_model: dict[str, list[Check]] = defaultdict(list)
    for check in result.checks:
        by_model[check.model].append(check)
    root = ElementTree.Element(
        "testsuites", name="harness gate", tests=str(len(result.checks)), failures=str(len(result.failures))
    )
    for model, checks in by_model.items():
        suite = ElementTree.SubElement(
            root,
            "testsuite",
            name=model,
            tests=str(len(checks)),
            failures=str(sum(not check.passed for check in checks)),
        )
        for check in checks:
            case = ElementTree.SubElement(suite, "testcase", classname=f"gate.{model}", name=check.name)
            if check.passed:
                ElementTree.SubElement(case, "system-out").text = check.message
            else:
                ElementTree.SubElement(case, "failure", message=check.message).text = check.message
    ElementTree.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def to_markdown(result: GateResult, run: str, baseline: str) -> str:
    """A pull-request comment: verdict first, then what fell short and why, then every check."""
    verdict = "✅ **Gate passed**" if result.passed else "❌ **Gate failed**"
    lines = [f"{verdict}: `{run}` against baseline `{baseline}`", ""]
    if result.failures:
        lines += ["### What got worse", ""]
        lines += [f"- **{c.model}** · {c.name}: {c.message}" for c in result.failures]
        lines.append("")
    lines += ["<details><summary>All checks</summary>", "", "| model | check | result | detail |", "|---|---|---|---|"]
    for check in result.checks:
        mark = "pass" if check.passed else "**fail**"
        lines.append(f"| {check.model} | {check.name} | {mark} | {check.message.replace('|', '/')} |")
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def github_annotations(result: GateResult) -> list[str]:
    """`::error` workflow commands for each failed check (GitHub shows them on the run and the pull request)."""

    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    return [
        f"::error title=harness gate: {escape(c.model)}::{escape(c.name + ': ' + c.message)}" for c in result.failures
    ]


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"
