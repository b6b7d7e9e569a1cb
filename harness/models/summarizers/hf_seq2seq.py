"""Summaries from a Hugging Face sequence-to-sequence model (BART, PEGASUS, T5) through `transformers`.

The cluster's documents are joined with `separator` (Multi-News style) and truncated to `max_input_tokens`;
`generation` holds `generate()` keyword arguments (num_beams, max_new_tokens, ...). `transformers` and `torch`
are imported only when the model is built; install them with `pip install 'fact-harness[hf]'`. The runner
hands it `batch_size` clusters per `summarize_many` call, generated as one padded batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from harness.errors import ConfigError, ModelError
from harness.models.batching import batch_size_setting
from harness.models.config_values import plain
from harness.models.local_paths import local_folder, offline
from harness.models.protocols import SourceCluster, Summary

INSTALL_HINT = "pip install 'fact-harness[hf]'"


class HFSeq2SeqSummarizer:
    """A seq2seq model and its tokenizer, loaded by hub name or local path, run on `device`."""

    def __init__(
        self,
        model: str,
        tokenizer: str | None = None,
        max_input_tokens: int = 1024,
        separator: str = " ||||| ",
        device: str = "cpu",
        generation: dict[str, Any] | None = None,
        local_files_only: bool = False,
        prefix: str = "",
        batch_size: int = 8,
    ) -> None:
        self.folders = [
            f for f in (local_folder(model, "hf_seq2seq.model"), local_folder(tokenizer, "hf_seq2seq.tokenizer")) if f
        ]
        try:
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError:
            raise ConfigError(f"hf_seq2seq needs transformers and torch: {INSTALL_HINT}") from None
        local_files_only = local_files_only or offline()
        if max_input_tokens < 1:
            raise ConfigError(f"hf_seq2seq: max_input_tokens must be at least 1, got {max_input_tokens}")
        self.batch_size = batch_size_setting("hf_seq2seq", batch_size, 8)
        self.name = model
        self.max_input_tokens = max_input_tokens
        self.separator = separator
        self.prefix = prefix
        self.device = device
        self.generation: dict[str, Any] = plain(generation or {})
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(tokenizer or model, local_files_only=local_files_only)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(model, local_files_only=local_files_only)
        except (OSError, ValueError) as error:
            raise ConfigError(f"hf_seq2seq: cannot load model {model!r}: {error}") from None
        try:
            self.model.to(device)
        except (RuntimeError, AssertionError) as error:
            raise ConfigError(f"hf_seq2seq: cannot use device {device!r}: {error}") from None
        self.model.eval()

    def reads(self) -> list[Path]:
        """Local model and tokenizer folders: their content keys the output cache."""
        return self.folders

    def __repr__(self) -> str:
        return f"HFSeq2SeqSummarizer(model={self.name!r}, device={self.device!r})"

    def source(self, cluster: SourceCluster) -> str:
        """The model input for `cluster`: the prefix, then the documents joined by the separator."""
        return self.prefix + self.separator.join(" ".join(document.text.split()) for document in cluster.documents)

    def summarize_many(self, clusters: Sequence[SourceCluster]) -> list[Summary]:
        """Summaries of several clusters in one padded batch."""
        import torch

        inputs = self.tokenizer(
            [self.source(cluster) for cluster in clusters],
            max_length=self.max_input_tokens,
            truncation=True,
            padding=True,
            return_tensors="pt",
        ).to(self.device)
        inputs.pop("token_type_ids", None)
        try:
            with torch.inference_mode():
                generated = self.model.generate(**inputs, **self.generation)
        except (RuntimeError, ValueError, TypeError) as error:
            raise ModelError(f"{self.name}: generation failed: {error}") from error
        texts = self.tokenizer.batch_decode(generated, skip_special_tokens=True)
        truncated = bool((inputs["attention_mask"].sum(dim=1) >= self.max_input_tokens).any())
        return [Summary(text.strip(), metadata={"input_truncated": truncated}) for text in texts]

    def summarize(self, cluster: SourceCluster) -> Summary:
        return self.summarize_many([cluster])[0]
