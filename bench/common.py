"""Helpers shared by the benchmarks: run code in a fresh process, read the shared corpora."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from geo.eval_geoparse import read_jsonl

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def fresh_process(code: str) -> dict:
    """Run Python `code` in a new interpreter; it prints one JSON object, which is returned."""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpus_texts() -> list[str]:
    """The benchmark corpus: the dev articles and the LGL texts (empty when ../shared is absent)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "dev").glob("*.txt"))]
    lgl = SHARED / "eval" / "geoparse" / "lgl.jsonl"
    if lgl.exists():
        texts += [r["text"] for r in read_jsonl(lgl)]
    return texts
