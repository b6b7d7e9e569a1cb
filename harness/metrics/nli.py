"""Sentence-level NLI consistency in the manner of SummaC-ZS (Laban et al. 2022), with any Hugging Face NLI model.

Summary and sources are split into sentences (`claims.text.sentences`; furniture of gold documents left out).
Every (source passage, summary sentence) pair is classified as premise and hypothesis; a passage is one
source sentence (SummaC-ZS) or, with `window` > 1, a chunk of consecutive sentences (the document-chunk
variant of SummaC and AlignScore). As in SummaC-ZS, a pair scores P(entailment) - P(contradiction), each
summary sentence keeps its best pair (max over passages) and `summac_zs` is the mean over summary
sentences, in [-1, 1]; `nli_score` = (summac_zs + 1) / 2 is the same in [0, 1]. Each summary sentence also
gets an `nli` finding: the label of its best pair (entailed, neutral, contradicted) with that passage as
evidence. Label positions come from the model's `config.id2label`. Pairs of many summaries go through the
model in shared batches (`score_many`), on CPU or GPU (`device`). With `conv`, a filter fitted on development
data (`python -m harness.metaeval.fit_conv`) adds `summac_conv` in [0, 1] (`harness.metrics.nli_conv`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from harness.core.text import TextSpan, sentences
from harness.errors import ConfigError, ScorerUnavailableError
from harness.metrics.hf_checks import check_hf_model
from harness.metrics.nli_conv import ConvFilter, Histogram, histogram
from harness.metrics.passages import Passage, check_window, passages
from harness.metrics.protocols import SampleScore
from harness.results.metric_info import HIGHER, MetricInfo
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding

INSTALL_HINT = "pip install 'fact-harness[hf]'  (installs torch==2.13.0 and transformers)"


@dataclass(frozen=True)
class _Job:
    """One summary's sentences and the passages they are checked against; its pairs are hypothesis-major."""

    hypotheses: list[TextSpan]
    premises: list[Passage]

    @property
    def size(self) -> int:
        return len(self.hypotheses) * len(self.premises)


@dataclass(frozen=True)
class LabelIndex:
    """Positions of the entailment, neutral and contradiction logits in the model's output."""

    entailment: int
    contradiction: int
    neutral: int | None

    @classmethod
    def from_id2label(cls, id2label: dict[int, str], model: str) -> LabelIndex:
        by_name = {label.lower(): int(index) for index, label in id2label.items()}
        entailment = next((index for name, index in by_name.items() if name.startswith("entail")), None)
        contradiction = next((index for name, index in by_name.items() if name.startswith("contradict")), None)
        neutral = next((index for name, index in by_name.items() if name.startswith("neutral")), None)
        if entailment is None or contradiction is None:
            raise ScorerUnavailableError(
                f"nli: model '{model}' has labels {sorted(by_name)} in config.id2label; an NLI model needs labels "
                "named 'entailment' and 'contradiction' (fix id2label in its config.json or pick an NLI model)"
            )
        return cls(entailment=entailment, contradiction=contradiction, neutral=neutral)


def _token_limit(wanted: int, tokenizer: Any, network: Any) -> int:
    """`wanted`, cut to what the model can take (its position embeddings, its tokenizer's maximum)."""
    limits = [wanted, getattr(network.config, "max_position_embeddings", None), tokenizer.model_max_length]
    return min(limit for limit in limits if isinstance(limit, int) and 0 < limit < 1_000_000)


class NliScorer:
    """SummaC-ZS style consistency: mean over summary sentences of the best entailment-minus-contradiction."""

    metric_info: ClassVar[dict[str, MetricInfo]] = {"summac_zs": HIGHER, "nli_score": HIGHER, "summac_conv": HIGHER}

    def __init__(
        self,
        model: str,
        name: str = "nli",
        device: str = "cpu",
        batch_size: int = 32,
        max_length: int = 512,
        local_files_only: bool = False,
        window: int = 1,
        stride: int | None = None,
        conv: str | None = None,
    ) -> None:
        check_window(window, stride, name)
        self.conv = ConvFilter.load(conv) if conv else None
        if self.conv is not None and self.conv.window != window:
            raise ConfigError(
                f"{name}: the SummaC-Conv filter {conv} was fitted with window {self.conv.window}; set window to match"
            )
        self.name = name
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self.local_files_only = local_files_only
        self.window = window
        self.stride = stride
        self._loaded: tuple[Any, Any, LabelIndex] | None = None
        self._on = "cpu"
        self._limit = max_length

    def preflight(self) -> None:
        """Raise `ScorerUnavailableError` now if the extra is missing or the model cannot be found offline."""
        check_hf_model(self.name, self.model, self.local_files_only, INSTALL_HINT)

    def _device(self) -> str:
        if self.device != "auto":
            return self.device
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"

    def _load(self) -> tuple[Any, Any, LabelIndex]:
        if self._loaded is not None:
            return self._loaded
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as error:
            raise ScorerUnavailableError(
                f"nli: needs torch and transformers ({error}); install: {INSTALL_HINT}"
            ) from None
        try:
            tokenizer = AutoTokenizer.from_pretrained(self.model, local_files_only=self.local_files_only)
            network = AutoModelForSequenceClassification.from_pretrained(
                self.model, local_files_only=self.local_files_only
            )
        except (OSError, ValueError) as error:
            raise ScorerUnavailableError(
                f"nli: cannot load model '{self.model}': {error}. Give a local folder with config, weights and "
                "tokenizer, or a Hugging Face id that is in the local cache when running offline"
            ) from None
        self._on = self._device()
        self._limit = _token_limit(self.max_length, tokenizer, network)
        network.to(self._on).eval()
        labels = LabelIndex.from_id2label(network.config.id2label, self.model)
        self._loaded = (tokenizer, network, labels)
        return self._loaded

    def probabilities(self, premises: list[str], hypotheses: list[str]) -> list[list[float]]:
        """Label probabilities of each (premise, hypothesis) pair, in the model's label order."""
        import torch

        tokenizer, network, _ = self._load()
        rows: list[list[float]] = []
        for offset in range(0, len(premises), self.batch_size):
            batch = tokenizer(
                premises[offset : offset + self.batch_size],
                hypotheses[offset : offset + self.batch_size],
                padding=True,
                truncation=True,
                max_length=self._limit,
                return_tensors="pt",
            ).to(self._on)
            with torch.no_grad():
                logits = network(**batch).logits
            rows.extend(torch.softmax(logits.float(), dim=-1).cpu().tolist())
        return rows

    def score(self, summary: str, sources: Sources) -> SampleScore:
        return self.score_many([(summary, sources)])[0]

    def _matrices(self, pairs: Sequence[tuple[str, Sources]]) -> tuple[list[_Job], list[list[list[float]]]]:
        """Each summary's job and its pair probabilities (hypothesis-major), classified together in batches."""
        jobs = [_Job(sentences(summary), passages(sources, self.window, self.stride)) for summary, sources in pairs]
        if not any(job.size for job in jobs):
            return jobs, [[] for _ in jobs]
        premises = [p.text for job in jobs for _ in job.hypotheses for p in job.premises]
        hypotheses = [h.text for job in jobs for h in job.hypotheses for _ in job.premises]
        probabilities = self.probabilities(premises, hypotheses)
        blocks = []
        offset = 0
        for job in jobs:
            blocks.append(probabilities[offset : offset + job.size])
            offset += job.size
        return jobs, blocks

    def score_many(self, pairs: Sequence[tuple[str, Sources]]) -> list[SampleScore]:
        """Scores of several summaries, their sentence pairs classified together in batches of `batch_size`."""
        jobs, blocks = self._matrices(pairs)
        if not any(job.size for job in jobs):
            return [SampleScore(metrics={}) for _ in jobs]
        _, _, labels = self._load()
        return [self._job_score(job, block, labels) for job, block in zip(jobs, blocks, strict=True)]

    def mean_histograms(self, pairs: Sequence[tuple[str, Sources]], bins: int) -> list[Histogram | None]:
        """Per summary, the mean over its sentences of the histogram of their entailment probabilities
        (SummaC-Conv's input); None for a summary or sources without sentences."""
        jobs, blocks = self._matrices(pairs)
        if not any(job.size for job in jobs):
            return [None for _ in jobs]
        _, _, labels = self._load()
        return [self._mean_histogram(job, block, labels, bins) for job, block in zip(jobs, blocks, strict=True)]

    def _mean_histogram(self, job: _Job, block: list[list[float]], labels: LabelIndex, bins: int) -> Histogram | None:
        if not job.size:
            return None
        width = len(job.premises)
        rows = [
            histogram([row[labels.entailment] for row in block[index * width : (index + 1) * width]], bins)
            for index in range(len(job.hypotheses))
        ]
        mean: Histogram = np.mean(rows, axis=0)
        return mean

    def _job_score(self, job: _Job, probabilities: list[list[float]], labels: LabelIndex) -> SampleScore:
        if not job.size:
            return SampleScore(metrics={})
        findings: list[Finding] = []
        best_scores: list[float] = []
        width = len(job.premises)
        for index, hypothesis in enumerate(job.hypotheses):
            block = probabilities[index * width : (index + 1) * width]
            margins = [row[labels.entailment] - row[labels.contradiction] for row in block]
            best = max(range(width), key=margins.__getitem__)
            best_scores.append(margins[best])
            findings.append(self._finding(hypothesis, job.premises[best], block[best], labels))
        zero_shot = sum(best_scores) / len(best_scores)
        metrics = {"summac_zs": zero_shot, "nli_score": (zero_shot + 1) / 2}
        if self.conv is not None:
            mean = self._mean_histogram(job, probabilities, labels, self.conv.bins)
            if mean is not None:
                metrics["summac_conv"] = self.conv.score(mean)
        return SampleScore(metrics=metrics, findings=tuple(findings))

    def _finding(self, hypothesis: TextSpan, premise: Passage, row: list[float], labels: LabelIndex) -> Finding:
        verdicts = {labels.entailment: "entailed", labels.contradiction: "contradicted"}
        if labels.neutral is not None:
            verdicts[labels.neutral] = "neutral"
        label = max(verdicts, key=row.__getitem__)
        return Finding.at(
            "nli",
            hypothesis,
            verdicts[label],
            (premise.evidence(),),
            f"entailment {row[labels.entailment]:.3f}, contradiction {row[labels.contradiction]:.3f}",
        )
