"""The sentence around an offset, found by bisection, is the one a scan of every sentence finds."""

from __future__ import annotations

import random

from harness.core.text import sentence_at, sentences


def test_bisection_finds_the_sentence_a_scan_of_every_sentence_finds() -> None:
    generator = random.Random(5)
    texts = [
        'Dr. Smith met Mr. Jones.  He said: "No." U.S. officials... left!  \n\nA new paragraph',
        "",
        "   ",
        "No end here",
        *("".join(generator.choice('ab .?!\n"Mr.U.S') for _ in range(300)) for _ in range(40)),
    ]
    for text in texts:
        spans = list(sentences(text))
        for offset in range(-1, len(text) + 2):
            expected = next((span for span in spans if span.start <= offset < span.end), None)
            assert sentence_at(text, offset) == expected
