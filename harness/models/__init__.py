"""Plug-in models: summarizers and extractors behind two small protocols, chosen through Hydra `_target_`."""
