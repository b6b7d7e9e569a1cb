"""The results contract: the records a run writes and every reader reads, and their statistics."""
