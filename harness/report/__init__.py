"""Results tables, model comparisons with confidence intervals, and HTML reports, read from results files."""
