"""Statistics shared by the metrics and the goldset tools: P/R/F1 counts, span alignment, B-cubed, kappa."""
