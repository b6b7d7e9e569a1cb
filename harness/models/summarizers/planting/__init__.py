"""Planting known errors into a summary: candidate edit sites per error type, and applying chosen ones."""
