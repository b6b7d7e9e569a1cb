"""A tiny, randomly initialised BERT NLI classifier built from a config and saved to a folder, fully offline."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

LABELS = {0: "CONTRADICTION", 1: "neutral", 2: "ENTAILMENT"}


def build_tiny_nli(path: Path, texts: Iterable[str]) -> Path:
    """Save a word-level tokenizer over `texts` and a one-layer BERT classifier with NLI labels to `path`."""
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import AutoModelForSequenceClassification, BertConfig, PreTrainedTokenizerFast

    words = sorted({word.strip(".,").lower() for text in texts for word in text.split()})
    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3} | {word: index + 4 for index, word in enumerate(words)}
    tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]"
    ).save_pretrained(path)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=128,
        num_labels=3,
        id2label=LABELS,
        label2id={label: index for index, label in LABELS.items()},
    )
    torch.manual_seed(0)
    AutoModelForSequenceClassification.from_config(config).save_pretrained(path)
    return path
