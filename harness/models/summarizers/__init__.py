"""Summarizers: offline baselines and adapters for real models."""
