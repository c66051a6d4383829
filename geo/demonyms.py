"""Words for a country's people or adjective ("Syrian", "Iraqis"), read once from the bundled table."""

from __future__ import annotations

import csv
import threading
from importlib import resources

_lock = threading.Lock()
_table: dict[str, str] | None = None


def demonyms() -> dict[str, str]:
    """Map of demonym (as written, capitalised) to ISO alpha-2 country code."""
    global _table
    with _lock:
        if _table is None:
            text = resources.files("gazetteer").joinpath("demonyms.csv").read_text(encoding="utf-8")
            _table = {row["word"]: row["country"] for row in csv.DictReader(text.splitlines())}
        return _table
