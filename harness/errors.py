"""Exception types that carry a message a user can act on.

Every user mistake (a bad config, a malformed file, a goldset that fails validation) raises a subclass of
`HarnessError`; the CLI prints its message and exits with status 2 instead of showing a traceback.
"""

from __future__ import annotations

from pathlib import Path


class HarnessError(Exception):
    """Base class for errors caused by input or configuration rather than by a bug."""


class InputFileError(HarnessError):
    """A file the user gave is missing, unreadable or malformed; names the file, line and field."""

    def __init__(self, path: str | Path, message: str, *, line: int | None = None, field: str | None = None):
        self.path = str(path)
        self.line = line
        self.field = field
        where = self.path
        if line is not None:
            where += f", line {line}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")


class GoldsetError(HarnessError):
    """A goldset cannot be loaded or fails validation."""


class ConfigError(HarnessError):
    """An experiment or gate configuration is invalid."""


class ModelError(HarnessError):
    """A model (summarizer or extractor) failed on an input; recorded on that sample, the run goes on."""


class ScorerUnavailableError(HarnessError):
    """A scorer that was asked for cannot run (missing extra, missing model): the run stops loudly."""
