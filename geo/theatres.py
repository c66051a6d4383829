"""Theatre profiles (`assets/theatres/*.json`): the countries and armed sides of each conflict."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from geo.errors import DataError

FOLDER = Path(__file__).resolve().parent.parent / "assets" / "theatres"
_lock = threading.Lock()
_profiles: dict[str, Theatre] | None = None


@dataclass(frozen=True, slots=True)
class Side:
    """An armed side of a theatre and the names reporting uses for it."""

    id: str
    name: str
    colour: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    references: tuple[str, ...]
    renamings: tuple[tuple[str, str], ...]
    allies: tuple[str, ...]
    enemies: tuple[str, ...]
    country: str | None = None  # the state a side is, so "Moscow says" or "Russian" name it
    fights_from_the_air: bool = False  # in this theatre its attacks are air or missile strikes


@dataclass(frozen=True, slots=True)
class Theatre:
    """A conflict: where it is fought and by whom."""

    id: str
    name: str
    start: str
    end: str | None
    countries: tuple[str, ...]
    neighbours: tuple[str, ...]
    sides: tuple[Side, ...]

    def side(self, side_id: str) -> Side | None:
        return next((s for s in self.sides if s.id == side_id), None)

    def side_of_country(self, country: str | None) -> str | None:
        """The side that is the state `country` (ISO alpha-2), if the theatre has one."""
        return next((s.id for s in self.sides if country and s.country == country), None)

    def hostile(self, a: str, b: str) -> bool:
        """True when the profile names a and b enemies."""
        side = self.side(a)
        return side is not None and b in side.enemies


def _side(d: dict) -> Side:
    return Side(d["id"], d["name"], d["colour"], tuple(d.get("names", ())), tuple(d.get("adjectives", ())),
                tuple(d.get("references", ())),
                tuple((r["name"], r["from"]) for r in d.get("renamings", ())),
                tuple(d.get("allies", ())), tuple(d.get("enemies", ())), d.get("country"),
                bool(d.get("fights_from_the_air")))


def _read(path: Path) -> Theatre:
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        return Theatre(d["id"], d["name"], d["start"], d.get("end"), tuple(d["countries"]),
                       tuple(d.get("neighbours", ())), tuple(_side(s) for s in d["sides"]))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise DataError(f"Theatre profile {path.name} is unreadable: {e}") from None


def theatres(folder: Path = FOLDER) -> dict[str, Theatre]:
    """Every theatre profile by id, read once."""
    global _profiles
    with _lock:
        if _profiles is None or folder != FOLDER:
            found = {t.id: t for t in map(_read, sorted(folder.glob("*.json")))}
            if folder != FOLDER:
                return found
            _profiles = found
        return _profiles


def detect(country_counts: dict[str, float], folder: Path = FOLDER) -> str | None:
    """The theatre whose countries the article names most, or None."""
    best, best_score = None, 0.0
    for theatre in theatres(folder).values():
        score = sum(country_counts.get(c, 0.0) * (1.0 if n == 0 else 0.5) for n, c in enumerate(theatre.countries))
        if score > best_score:
            best, best_score = theatre.id, score
    return best
