"""The compiled gazetteer file: written by `gazetteer.build`, read by `geo.gazetteer`.

It is a marshal dump (fast to load, tied to the Python version that wrote it) of columns of place
data and two name indexes, each mapping a name key to the places that carry it, best first, and a
third that maps name skeletons to the places of the war theatres' countries.
"""

from __future__ import annotations

import marshal
import sys
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.errors import DataError
from geo.names import fold, normalize, unvowelled
from geo.place import KINDS

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "places.marshal"
REBUILD = "python -m gazetteer.build"
MAGIC = b"FRONTLINE-GAZETTEER\n"
FORMAT = 3
SEPARATOR = "\x1f"
# A place found by a former or foreign name that it carries weighs this share of its prominence.
OTHER_NAME_WEIGHT = 0.3


@dataclass(frozen=True, slots=True)
class Record:
    """A place as the build hands it over, before it has an id."""

    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    kind: str
    country: str
    admin1: str
    population: int
    source: str
    weight: float  # prominence used to rank namesakes


class Strings:
    """Many strings kept as one text and its offsets: one object to load instead of thousands."""

    __slots__ = ("_text", "_ends")

    def __init__(self, text: str, ends: bytes):
        self._text = text
        self._ends = array("q", ends)

    @staticmethod
    def pack(strings: Sequence[str]) -> tuple[str, bytes]:
        ends, total = array("q"), 0
        for s in strings:
            total += len(s)
            ends.append(total)
        return "".join(strings), ends.tobytes()

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> str:
        return self._text[self._ends[i - 1] if i else 0:self._ends[i]]


def _codes(values: Sequence[str]) -> tuple[list[str], bytes]:
    """Few distinct values (countries, sources, admin-1 names) as a table and 16-bit codes."""
    table = sorted(set(values))
    position = {v: i for i, v in enumerate(table)}
    return table, array("H", (position[v] for v in values)).tobytes()


def name_keys(name: str) -> tuple[str, str]:
    """The two index keys of a name: normalised and folded."""
    return normalize(name), fold(name)


def _index(records: Sequence[Record], keys: Mapping[str, tuple[str, str]], level: int) -> dict:
    """Key -> place indexes, best first; a place reached by another of its names is stored as ~index.

    Best first means by prominence, a name that is not the place's own counting OTHER_NAME_WEIGHT
    of it: the same order `Gazetteer` ranks in, so an unqualified look-up can take the first.
    """
    hits: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        own = keys[r.name][level]
        # dict.fromkeys, not a set: keys come out in the names' order, so the index needs no sorting
        # to be written the same way by every build (a set's order changes with the hash seed)
        for k in dict.fromkeys(keys[n][level] for n in (r.name, *r.alternates)):
            if k:
                hits[k].append(i if k == own else ~i)
    weights = [r.weight for r in records]

    def rank(stored: int) -> tuple[float, int]:
        i = stored if stored >= 0 else ~stored
        return -weights[i] * (1.0 if stored >= 0 else OTHER_NAME_WEIGHT), i

    # A lone hit is stored as a bare int: most keys have one place, and it halves their memory.
    # Each key is a fresh string: marshal writes a back-reference for a string something else (a name
    # cache) happens to share, so shared keys would make two builds of the same inputs differ in bytes.
    return {k.encode().decode(): v[0] if len(v) == 1 else tuple(sorted(v, key=rank)) for k, v in hits.items()}


def _sounding_index(records: Sequence[Record], keys: Mapping[str, tuple[str, str]],
                    countries: frozenset[str]) -> dict:
    """Skeleton -> indexes of the places in `countries` that carry a name with that skeleton."""
    hits: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(records):
        if r.country in countries:
            for n in (r.name, *r.alternates):
                hits[unvowelled(keys[n][1]).encode().decode()].add(i)
    hits.pop("", None)
    return {k: tuple(sorted(v)) for k, v in sorted(hits.items())}


def write(path: Path, records: Sequence[Record], keys: Mapping[str, tuple[str, str]] | None = None,
          common: Mapping[str, float] | None = None, sounding: frozenset[str] = frozenset()) -> None:
    """Write records (in rank order) and their name indexes to `path`.

    `keys` may hold each name's `name_keys`, computed beforehand (the build does it in parallel);
    `common` maps one-word name keys that are also common English words to their Zipf frequency;
    `sounding` lists the countries whose places are also indexed by name skeleton.
    """
    if keys is None:
        keys = {n: name_keys(n) for r in records for n in (r.name, *r.alternates)}
    columns = {
        "format": FORMAT,
        "python": list(sys.version_info[:2]),
        "names": Strings.pack([r.name for r in records]),
        "alternates": Strings.pack([SEPARATOR.join(r.alternates) for r in records]),
        "lat": array("d", (r.lat for r in records)).tobytes(),
        "lon": array("d", (r.lon for r in records)).tobytes(),
        "kind": bytes(KINDS.index(r.kind) for r in records),
        "country": _codes([r.country for r in records]),
        "admin1": _codes([r.admin1 for r in records]),
        "population": array("q", (r.population for r in records)).tobytes(),
        "weight": array("d", (r.weight for r in records)).tobytes(),
        "source": _codes([r.source for r in records]),
        "exact": _index(records, keys, 0),
        "folded": _index(records, keys, 1),
        "common": dict(sorted((common or {}).items())),
        "sounding": _sounding_index(records, keys, sounding),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(MAGIC + marshal.dumps(columns))
    tmp.replace(path)


def read(path: Path) -> dict:
    """Read the columns back, raising DataError that names the rebuild command when unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"The gazetteer file {path} is missing; build it with `{REBUILD}`.") from None
    except OSError as e:
        raise DataError(f"The gazetteer file {path} cannot be read ({e}); rebuild it with `{REBUILD}`.") from None
    if not data.startswith(MAGIC):
        raise DataError(f"{path} is not a Frontline gazetteer file; rebuild it with `{REBUILD}`.")
    try:
        columns = marshal.loads(memoryview(data)[len(MAGIC):])
    except (EOFError, ValueError, TypeError) as e:
        raise DataError(f"The gazetteer file {path} is damaged ({e}); rebuild it with `{REBUILD}`.") from None
    if not isinstance(columns, dict) or columns.get("format") != FORMAT \
            or columns.get("python") != list(sys.version_info[:2]):
        raise DataError(f"The gazetteer file {path} was built by another version; rebuild it with `{REBUILD}`.")
    return columns
