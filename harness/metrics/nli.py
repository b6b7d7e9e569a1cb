"""Sentence-level NLI consistency in the manner of SummaC-ZS (Laban et al. 2022), with any Hugging Face NLI model.

Summary and sources are split into sentences (`claims.text.sentences`; furniture of gold documents left out).
Every (source sentence, summary sentence) pair is classified as premise and hypothesis; as in SummaC-ZS, a
pair scores P(entailment) - P(contradiction), each summary sentence keeps its best pair (max over source
sentences) and `summac_zs` is the mean over summary sentences, in [-1, 1]. Each summary sentence also gets an
`nli` finding: the label of its best pair (entailed, neutral, contradicted) with that source sentence as
evidence. Label positions come from the model's `config.id2label`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from harness.claims.text import TextSpan, sentences
from harness.errors import ScorerUnavailableError
from harness.metrics.info import HIGHER, MetricInfo
from harness.metrics.protocols import SampleScore
from harness.verdicts.locate import in_content
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding

INSTALL_HINT = "pip install 'fact-harness[hf]'  (installs torch==2.13.0 and transformers)"


@dataclass(frozen=True)
class _Premise:
    document: str
    sentence: TextSpan


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


class NliScorer:
    """SummaC-ZS style consistency: mean over summary sentences of the best entailment-minus-contradiction."""

    metric_info: ClassVar[dict[str, MetricInfo]] = {"summac_zs": HIGHER, "nli_score": HIGHER}

    def __init__(
        self,
        model: str,
        name: str = "nli",
        device: str = "cpu",
        batch_size: int = 32,
        max_length: int = 512,
        local_files_only: bool = False,
    ) -> None:
        self.name = name
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self.local_files_only = local_files_only
        self._loaded: tuple[Any, Any, LabelIndex] | None = None

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
        network.to(self.device).eval()
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
                max_length=self.max_length,
                return_tensors="pt",
            ).to(self.device)
            with torch.no_grad():
                logits = network(**batch).logits
            rows.extend(torch.softmax(logits.float(), dim=-1).cpu().tolist())
        return rows

    def _premises(self, sources: Sources) -> list[_Premise]:
        return [
            _Premise(document.id, sentence)
            for document in sources.documents
            for sentence in sentences(document.text)
            if in_content(document, sentence.start, sentence.end)
        ]

    def score(self, summary: str, sources: Sources) -> SampleScore:
        hypotheses = sentences(summary)
        premises = self._premises(sources)
        if not hypotheses or not premises:
            return SampleScore(metrics={})
        _, _, labels = self._load()
        pairs = [(premise, hypothesis) for hypothesis in hypotheses for premise in premises]
        probabilities = self.probabilities([p.sentence.text for p, _ in pairs], [h.text for _, h in pairs])
        findings: list[Finding] = []
        best_scores: list[float] = []
        for index, hypothesis in enumerate(hypotheses):
            block = probabilities[index * len(premises) : (index + 1) * len(premises)]
            margins = [row[labels.entailment] - row[labels.contradiction] for row in block]
            best = max(range(len(premises)), key=margins.__getitem__)
            best_scores.append(margins[best])
            findings.append(self._finding(hypothesis, premises[best], block[best], labels))
        return SampleScore(metrics={"summac_zs": sum(best_scores) / len(best_scores)}, findings=tuple(findings))

    def _finding(self, hypothesis: TextSpan, premise: _Premise, row: list[float], labels: LabelIndex) -> Finding:
        verdicts = {labels.entailment: "entailed", labels.contradiction: "contradicted"}
        if labels.neutral is not None:
            verdicts[labels.neutral] = "neutral"
        label = max(verdicts, key=row.__getitem__)
        sentence = premise.sentence
        return Finding.at(
            "nli",
            hypothesis,
            verdicts[label],
            (Evidence(document=premise.document, start=sentence.start, end=sentence.end, text=sentence.text),),
            f"entailment {row[labels.entailment]:.3f}, contradiction {row[labels.contradiction]:.3f}",
        )
