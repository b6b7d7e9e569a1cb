"""The gold reference summary as a model: the ceiling every scorer should rate as faithful."""

from __future__ import annotations

from harness.errors import ConfigError, ModelError
from harness.models.protocols import SourceCluster


class ReferenceSummarizer:
    """Returns reference number `index` (0-based) of each cluster."""

    def __init__(self, index: int = 0) -> None:
        if index < 0:
            raise ConfigError(f"references: index must be 0 or more, got {index}")
        self.index = index

    def summarize(self, cluster: SourceCluster) -> str:
        have = len(cluster.references)
        if have == 0:
            raise ModelError(f"cluster '{cluster.id}' has no reference summaries; add them to the goldset's references")
        if self.index >= have:
            raise ModelError(
                f"cluster '{cluster.id}' has {have} reference summaries (indices 0 to {have - 1}), "
                f"so there is no reference {self.index}; lower summarizer.index"
            )
        return cluster.references[self.index]
