"""The built-in goldset's document ids, named for the layer tests that check hand-counted facts per document."""

from __future__ import annotations

DOC_000, DOC_001, DOC_002, DOC_003, DOC_004 = (
    "000_a96abc202f7dac2d",
    "001_3f86ba4f504d5ffb",
    "002_62a9a2bbdc61f683",
    "003_1daa2546301c4f28",
    "004_47ac3ea7e2d4b14b",
)
DOCUMENTS = (DOC_000, DOC_001, DOC_002, DOC_003, DOC_004)
