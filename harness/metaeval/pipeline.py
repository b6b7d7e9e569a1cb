"""`harness meta-eval` from a composed config to its tables and files: read the set, run each scorer, compare."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from harness.errors import ConfigError
from harness.metaeval.evaluate import Protocol, ScorerReport, evaluate_scorer, protocol_of
from harness.metaeval.items import MetaDataset
from harness.metaeval.references import ReferenceFigure, references_for
from harness.metaeval.render import TextTable, category_table, reference_table, span_table, summary_table
from harness.metaeval.scoring import FINDINGS_RULE, ScoredItem, ScorerEntry, check_rule, sample_scores, scored_items
from harness.metaeval.stats import BootstrapSettings
from harness.metrics.protocols import SampleScore
from harness.run.plugins import build

NAME_KEY = "name"
RULE_KEY = "score"


@dataclass(frozen=True)
class MetaEvalResult:
    """Everything one meta-evaluation produced, for printing and for the files of its run directory."""

    dataset: MetaDataset
    protocol: Protocol
    entries: tuple[ScorerEntry, ...]
    targets: tuple[str, ...]
    scored: dict[str, list[ScoredItem]]
    reports: tuple[ScorerReport, ...]
    references: tuple[ReferenceFigure, ...]
    settings: BootstrapSettings
    run_dir: Path

    @property
    def tables(self) -> tuple[TextTable, ...]:
        name = self.dataset.name
        return (
            summary_table(self.reports, name, self.protocol.description, self.settings.confidence),
            category_table(self.reports, name),
            span_table(self.reports, name),
            reference_table(self.references),
        )


def _rules(raw: Any, default_rule: str, where: str) -> list[str]:
    """One rule, or a list of rules evaluated from one scoring pass (`score: [findings, metric:judge_score]`)."""
    listed = raw if isinstance(raw, list) else [raw or default_rule]
    if not listed:
        raise ConfigError(f"{where}: the list of score rules is empty")
    return [check_rule(str(rule), where) for rule in listed]


def scorer_entries(configs: Sequence[Any], default_rule: str) -> tuple[list[ScorerEntry], list[str]]:
    """Build every scorer of the `scorers` list; `name:` and `score:` are read here, the rest is the scorer's.

    A scorer given several rules under `score:` is reported once per rule, as `NAME RULE`.
    """
    if not configs:
        raise ConfigError("scorers: the list is empty; name at least one scorer `_target_` to evaluate")
    entries: list[ScorerEntry] = []
    targets: list[str] = []
    for index, raw in enumerate(configs):
        where = f"scorers[{index}]"
        plain = OmegaConf.to_container(raw, resolve=True) if isinstance(raw, DictConfig) else raw
        if not isinstance(plain, dict) or "_target_" not in plain:
            raise ConfigError(f"{where}: expected a scorer config with a `_target_`, got {plain!r}")
        config: dict[str, Any] = {str(key): value for key, value in plain.items()}
        name = config.pop(NAME_KEY, None)
        rules = _rules(config.pop(RULE_KEY, None), default_rule, f"{where}.{RULE_KEY}")
        scorer = build(config, where)
        if not callable(getattr(scorer, "score", None)):
            raise ConfigError(f"{where}: {config['_target_']} has no score() method, so it is not a scorer")
        name = str(name or getattr(scorer, "name", None) or str(config["_target_"]).rsplit(".", 1)[-1])
        for rule in rules:
            label = name if len(rules) == 1 else f"{name} {rule}"
            if any(entry.name == label for entry in entries):
                raise ConfigError(f"{where}: a second scorer is named '{label}'; give one another `name:`")
            entries.append(ScorerEntry(label, scorer, rule))
            targets.append(str(config["_target_"]))
    return entries, targets


def preflight(entries: Sequence[ScorerEntry]) -> None:
    """Each scorer's `preflight()`, when it has one: a missing model or endpoint stops the run before scoring."""
    checked: set[int] = set()
    for entry in entries:
        check = getattr(entry.scorer, "preflight", None)
        if callable(check) and id(entry.scorer) not in checked:
            checked.add(id(entry.scorer))
            check()


def load_dataset(cfg: DictConfig) -> MetaDataset:
    """Build the reader that `metaeval_data` names and read the set."""
    node = cfg.get("metaeval_data")
    if node is None:
        raise ConfigError("metaeval_data: choose a format, e.g. `metaeval_data=jsonl metaeval_data.path=FILE`")
    reader = build(node, "metaeval_data")
    dataset = reader.load()
    if not isinstance(dataset, MetaDataset):
        raise ConfigError(f"metaeval_data: {node.get('_target_')} did not return a MetaDataset")
    if not dataset.items:
        raise ConfigError(f"metaeval_data: '{dataset.name}' has no items (check the path, subset and limit)")
    seen: set[str] = set()
    for item in dataset.items:
        if item.id in seen:
            raise ConfigError(f"metaeval_data: '{dataset.name}' has two items with id '{item.id}'; ids must be unique")
        seen.add(item.id)
    return dataset


def run_metaeval(cfg: DictConfig, run_dir: Path, *, progress: bool = True) -> MetaEvalResult:
    """Read the set, score it with every scorer, and compute the summary, category and span tables."""
    from harness.metaeval.output import write_outputs

    dataset = load_dataset(cfg)
    entries, targets = scorer_entries(list(cfg.get("scorers") or []), str(cfg.get("score") or FINDINGS_RULE))
    preflight(entries)
    bootstrap = cfg.get("bootstrap") or {}
    settings = BootstrapSettings(
        resamples=int(bootstrap.get("resamples", 1000)),
        confidence=float(bootstrap.get("confidence", 0.95)),
        seed=int(bootstrap.get("seed", 0)),
    )
    span_types = cfg.get("span_types")
    chosen_types = None if span_types is None else [str(kind) for kind in span_types]
    passes: dict[int, list[SampleScore]] = {}
    for entry in entries:
        if id(entry.scorer) not in passes:
            passes[id(entry.scorer)] = sample_scores(entry.scorer, dataset.items, entry.name, progress=progress)
    scored = {entry.name: scored_items(entry, dataset.items, passes[id(entry.scorer)]) for entry in entries}
    reports = tuple(
        evaluate_scorer(entry.name, entry.rule, scored[entry.name], settings, chosen_types) for entry in entries
    )
    result = MetaEvalResult(
        dataset=dataset,
        protocol=protocol_of(dataset.items),
        entries=tuple(entries),
        targets=tuple(targets),
        scored=scored,
        reports=reports,
        references=references_for(dataset.benchmark),
        settings=settings,
        run_dir=run_dir,
    )
    write_outputs(result)
    return result
