"""The experiment pipeline behind `harness run`: config, samples, cached model outputs, scoring, results."""
