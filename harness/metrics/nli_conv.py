"""SummaC-Conv style aggregation of an NLI matrix (Laban et al. 2022), fitted on labelled development data only.

Per summary sentence, its entailment probabilities against every source premise are binned into a histogram
(`bins` equal bins over [0, 1], as shares of the premises). SummaC-Conv turns each histogram into a sentence
score with a learned filter spanning all bins and averages over sentences; the mean of a linear map is the map
of the mean histogram, so fitting is an L2-regularised logistic regression of the label on each summary's mean
histogram. `summac_conv` = sigmoid(weights · mean histogram + bias), in [0, 1]. The filter is a small JSON file.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from harness.errors import ConfigError, InputFileError

Histogram = NDArray[np.float64]


def histogram(probabilities: list[float], bins: int) -> Histogram:
    """Shares of `probabilities` (each in [0, 1]) falling in each of `bins` equal bins."""
    counts, _ = np.histogram(np.clip(probabilities, 0.0, 1.0), bins=bins, range=(0.0, 1.0))
    return counts.astype(np.float64) / max(len(probabilities), 1)


@dataclass(frozen=True)
class ConvFilter:
    """A fitted filter over histogram bins, and what it was fitted with (the NLI model, premise window, data)."""

    bins: int
    weights: tuple[float, ...]
    bias: float
    model: str
    window: int
    fitted_on: str

    def score(self, mean_histogram: Histogram) -> float:
        logit = float(np.dot(self.weights, mean_histogram)) + self.bias
        return 1.0 / (1.0 + math.exp(-logit))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> ConvFilter:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            weights = tuple(float(value) for value in data["weights"])
            loaded = cls(
                int(data["bins"]),
                weights,
                float(data["bias"]),
                str(data["model"]),
                int(data["window"]),
                str(data["fitted_on"]),
            )
        except OSError as error:
            raise InputFileError(path, f"cannot read the SummaC-Conv filter: {error.strerror or error}") from None
        except (ValueError, KeyError, TypeError) as error:
            raise InputFileError(path, f"not a SummaC-Conv filter file ({type(error).__name__}: {error})") from None
        if loaded.bins != len(loaded.weights) or loaded.bins < 1:
            raise InputFileError(path, f"`bins` is {loaded.bins} but there are {len(loaded.weights)} weights")
        return loaded


def fit_filter(histograms: list[Histogram], labels: list[int], l2: float = 1.0) -> tuple[tuple[float, ...], float]:
    """Weights and bias of the logistic regression of `labels` (1 consistent) on mean histograms."""
    from scipy.optimize import minimize

    if len(set(labels)) < 2:
        raise ConfigError("SummaC-Conv: fitting needs both consistent and inconsistent development items")
    features = np.vstack(histograms)
    targets = np.asarray(labels, dtype=np.float64)

    def loss(parameters: Histogram) -> tuple[float, Histogram]:
        weights, bias = parameters[:-1], parameters[-1]
        logits = features @ weights + bias
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        value = float(np.sum(np.logaddexp(0.0, logits) - targets * logits) + 0.5 * l2 * weights @ weights)
        gradient = np.append(features.T @ (probabilities - targets) + l2 * weights, np.sum(probabilities - targets))
        return value, gradient

    start = np.zeros(features.shape[1] + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B")
    return tuple(float(value) for value in result.x[:-1]), float(result.x[-1])
