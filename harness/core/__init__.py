"""The foundation every layer may use: spans and vocabulary types, claim types, text primitives."""
