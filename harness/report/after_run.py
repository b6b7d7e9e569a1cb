"""A Hydra callback that prints and saves, after each `harness run` job, how many planted errors the scorers
flagged (when a model planted errors: the corrupting wrapper). The runner itself writes no report; it is
registered in `configs/config.yaml` under `hydra.callbacks`, so it runs in every job process of a sweep."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.results.records import METRICS_FILE, OUTPUTS_FILE

SENSITIVITY_FILE = "sensitivity.md"


def any_planted(run_dir: Path) -> bool:
    """Whether any output of the run records planted errors, read line by line: most runs plant none, and
    loading every record of a large run only to find that out would cost memory in proportion to its size."""
    path = run_dir / OUTPUTS_FILE
    if not path.exists():
        return False
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            output = json.loads(line).get("output") if line.strip() else None
            if isinstance(output, dict) and (output.get("metadata") or {}).get("planted") is not None:
                return True
    return False


def show_sensitivity(run_dir: Path) -> None:
    """Print and save the sensitivity table of `run_dir`; remove a stale one when nothing was planted."""
    if not any_planted(run_dir):
        (run_dir / SENSITIVITY_FILE).unlink(missing_ok=True)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    from harness.report.sensitivity import sensitivity, to_markdown
    from harness.results.runs import load_run

    result = sensitivity([load_run(run_dir)])
    if not result.planted:
        (run_dir / SENSITIVITY_FILE).unlink(missing_ok=True)
        return
    text = to_markdown(result)
    (run_dir / SENSITIVITY_FILE).write_text(text, encoding="utf-8")
    Console().print(Markdown("**Scorer sensitivity: planted errors flagged**\n\n" + text))


class SensitivityCallback:
    """`on_job_end`: the sensitivity table of the job's run folder, once its results are in place. The other
    hooks of Hydra's callback interface do nothing."""

    def _nothing(self, *args: Any, **kwargs: Any) -> None:
        return None

    on_run_start = on_run_end = on_multirun_start = on_multirun_end = on_job_start = on_compose_config = _nothing

    def on_job_end(self, config: Any, job_return: Any, **kwargs: Any) -> None:
        from hydra.core.hydra_config import HydraConfig

        run_dir = Path(HydraConfig.get().runtime.output_dir)
        if not (run_dir / METRICS_FILE).exists():
            return
        try:
            show_sensitivity(run_dir)
        except HarnessError:
            return
