"""The HTML report: escapes untrusted model output, highlights claims with evidence, renders in Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from harness.cli import main
from harness.report.html import segment
from harness.results.records import OutputRecord
from harness.verdicts.types import Evidence, Finding
from tests.runfiles import FINGERPRINT, MakeRun

HOSTILE = 'Russia invited 14 countries. <script>document.title="pwned"</script><img src=x onerror="alert(1)">'


def _claim(text: str, verdict: str, start: int) -> Finding:
    evidence = Evidence(document="001", start=10, end=22, text="12 countries", annotation="N004")
    return Finding(
        type="number",
        text=text,
        start=start,
        end=start + len(text),
        verdict=verdict,
        evidence=(evidence,),
        detail="summary says 14; 001 N004 says 12",
    )


def _report_run(make_run: MakeRun) -> Path:
    start = HOSTILE.index("14 countries")
    run = make_run(
        "run", {"lead-3": [("cluster", {"number_precision": 0.0}, [_claim("14 countries", "contradicted", start)])]}
    )
    record = OutputRecord(id="cluster", model="lead-3", task="summarize", output=HOSTILE, fingerprint=FINGERPRINT)
    (run / "outputs.jsonl").write_text(record.model_dump_json() + "\n")
    return run


def test_segments_cover_text_and_skip_overlaps() -> None:
    text = "Russia invited 12 countries on Sept. 4."
    first = _claim("12 countries", "supported", 15)
    overlapping = _claim("countries", "supported", 18)
    pieces = segment(text, [first, overlapping])
    assert "".join(piece.text for piece in pieces) == text
    assert [piece.text for piece in pieces if piece.finding] == ["12 countries"]


def test_report_escapes_model_output(make_run: MakeRun, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(_report_run(make_run)), "-o", str(out)]) == 0
    page = out.read_text()
    assert "<script>" not in page
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert 'class="v-contradicted"' in page
    assert "summary says 14; 001 N004 says 12" in page
    assert "http://" not in page and "https://" not in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_report_renders_in_headless_chromium(make_run: MakeRun, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    main(["report", str(_report_run(make_run)), "-o", str(out)])
    result = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            out.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    dom = result.stdout
    assert "<title>fact-harness report</title>" in dom
    assert "pwned" in dom and "<script>document.title" not in dom
    assert dom.count('class="v-contradicted"') >= 2
    assert "<svg" in dom
