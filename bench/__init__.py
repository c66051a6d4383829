"""Benchmarks: `python -m bench [NAME ...]` runs them all (or the named ones) and prints their figures."""
