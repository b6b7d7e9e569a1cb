"""Numeric claims: find every numeric expression and normalize it to value or interval, unit and qualifier."""
