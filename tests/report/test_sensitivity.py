"""Scorer sensitivity: planted errors counted as flagged by overlap or by a revealing finding in the sentence."""

from __future__ import annotations

from harness.report.sensitivity import is_flagged, sensitivity, to_markdown
from harness.results.records import OutputRecord
from harness.results.runs import load_run
from harness.verdicts.types import Finding
from tests.runfiles import FINGERPRINT, MakeRun

TEXT = 'Russia invited 14 countries. "We will help," Atmar said. The Taliban declined.'


def _finding(kind: str, text: str, verdict: str) -> Finding:
    start = TEXT.index(text)
    return Finding(type=kind, text=text, start=start, end=start + len(text), verdict=verdict)  # type: ignore[arg-type]


def _planted(kind: str, subtype: str, text: str) -> dict[str, object]:
    start = TEXT.index(text)
    return {
        "type": kind,
        "subtype": subtype,
        "original": "?",
        "planted": text,
        "start": start,
        "end": start + len(text),
    }


def test_overlap_and_same_sentence_rules() -> None:
    number = _planted("number", "value", "14")
    speaker = _planted("quote", "speaker", "Atmar")
    assert is_flagged(number, TEXT, [_finding("number", "14 countries", "contradicted")])
    assert not is_flagged(number, TEXT, [_finding("number", "14 countries", "supported")])
    # A swapped speaker is revealed by the misattributed quote in the same sentence.
    assert is_flagged(speaker, TEXT, [_finding("quote", "We will help,", "misattributed")])
    # ...but not by a flag in another sentence.
    assert not is_flagged(speaker, TEXT, [_finding("quote", "declined", "fabricated")])


def test_counts_planted_flagged_and_clean_flags(make_run: MakeRun) -> None:
    planted = [_planted("number", "value", "14"), _planted("negation", "antonym", "declined")]
    run = make_run(
        "run",
        {
            "corrupt": [("c1", {}, [_finding("number", "14 countries", "contradicted")])],
            "references": [
                ("c1", {}, [_finding("entity", "Russia", "supported"), _finding("number", "14", "unsupported")])
            ],
        },
    )
    records = [
        OutputRecord(
            id="c1",
            model="corrupt",
            task="summarize",
            output={"text": TEXT, "metadata": {"planted": planted}},
            fingerprint=FINGERPRINT,
        ),
        OutputRecord(
            id="c1",
            model="references",
            task="summarize",
            output={"text": TEXT, "metadata": {}},
            fingerprint=FINGERPRINT,
        ),
    ]
    (run / "outputs.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in records))
    result = sensitivity([load_run(run)])
    assert result.planted["number/value"] == 1 and result.flagged["number/value"] == 1
    assert result.planted["negation/antonym"] == 1 and result.flagged["negation/antonym"] == 0
    assert result.clean_summaries == 1 and result.clean_claims == 2
    assert result.clean_flags["number"] == 1
    table = to_markdown(result)
    assert "| number/value | 1 | 1 | 100% |" in table
    assert "| **all** | 2 | 1 | 50% |" in table
    assert "Flags on unchanged summaries: 1 of 2 claims in 1 summaries (number 1)." in table
