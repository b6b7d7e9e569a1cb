"""Cluster-level scores of entity linking across documents: B-cubed and CEAF-e.

Clusters are sets of mention keys (document id, start, end). The formulas are those of the CoNLL-2012
reference scorer (Pradhan et al., 2014): mentions found on one side only simply share nothing with the other.
"""

from __future__ import annotations

import numpy as np

from harness.scoring.clusters import Clusters, ClusterScore, Mention, b_cubed, clusters_from_links

__all__ = ["ClusterScore", "Clusters", "Mention", "b_cubed", "ceaf_e", "clusters_from_links"]


def ceaf_e(key: Clusters, response: Clusters) -> ClusterScore:
    """CEAF-e: the best one-to-one alignment of clusters under phi4 = 2|K∩R| / (|K|+|R|)."""
    if not key or not response:
        return ClusterScore(0.0, 0.0)
    from scipy.optimize import linear_sum_assignment

    similarity = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    aligned = float(similarity[rows, columns].sum())
    return ClusterScore(precision=aligned / len(response), recall=aligned / len(key))
