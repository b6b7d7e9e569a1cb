"""fact-harness: check that summaries and extractions stay true to their sources."""

__version__ = "0.1.0"
