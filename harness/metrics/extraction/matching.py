"""Pairing predicted spans with gold spans: exactly, or by the largest overlap, one to one."""

from __future__ import annotations

from harness.scoring.alignment import match_exact, match_overlap, overlap

__all__ = ["match_exact", "match_overlap", "overlap"]
