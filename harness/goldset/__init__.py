"""Gold data: schema, loading, validation, statistics and export of hand-annotated goldsets."""
