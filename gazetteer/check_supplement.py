"""Check supplement files: `python -m gazetteer.check_supplement [FILE ...]` (all files by default)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import shape

from gazetteer import supplement
from gazetteer.boundaries import OUTPUT as BOUNDARIES


def main(argv: list[str]) -> int:
    if any(a.startswith("-") for a in argv):
        print(__doc__)
        return 0 if set(argv) <= {"-h", "--help"} else 2
    paths = [Path(a) for a in argv] or sorted(supplement.FOLDER.glob("*.csv"))
    countries = {code: shape(g) for code, g in
                 json.loads(BOUNDARIES.read_text(encoding="utf-8"))["countries"].items()}
    problems: list[str] = []
    rows = []
    for path in paths:
        try:
            rows.extend(supplement.read(path))
        except ValueError as e:
            problems.append(str(e))
    problems += supplement.duplicates(rows) + supplement.misplaced(rows, countries)
    for problem in problems:
        print(problem)
    print(f"{len(rows)} rows in {len(paths)} file(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
