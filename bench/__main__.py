"""Run every benchmark module (or those named on the command line) and print its figures."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["gazetteer", "geoparse", "zones", "distances", "browser"]


def main(argv: list[str]) -> None:
    for name in [a for a in argv if not a.startswith("-")] or BENCHMARKS:
        print(f"== {name}")
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
