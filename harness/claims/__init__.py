"""Find and normalize claims in any text: numbers, entity mentions, quotes and event mentions."""
