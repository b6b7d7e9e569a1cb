"""Numeric claims: find every numeric expression and normalize it to value or interval, unit and qualifier."""

from harness.claims.numbers.find import find_numbers

__all__ = ["find_numbers"]
