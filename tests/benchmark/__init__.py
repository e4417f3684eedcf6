"""Benchmarks: plain scripts, run by hand (see each module), not collected by pytest."""
