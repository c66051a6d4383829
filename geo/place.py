"""The place record shared by the gazetteer, the geoparser and the map."""

from __future__ import annotations

from dataclasses import dataclass, fields

from geo.errors import CoordinateError

KINDS = (
    "country", "province", "district", "city", "town", "village",
    "neighbourhood", "region", "facility", "water", "mountain",
)
SETTLEMENTS = frozenset({"city", "town", "village"})


def check_latlon(lat: float, lon: float) -> tuple[float, float]:
    """Return (lat, lon) as floats, refusing values outside WGS84 ranges."""
    lat, lon = float(lat), float(lon)
    if not -90.0 <= lat <= 90.0:
        hint = " (is the pair in (lon, lat) order?)" if -90.0 <= lon <= 90.0 else ""
        raise CoordinateError(f"Expected a latitude within [-90, 90], instead got: {lat}{hint}")
    if not -180.0 <= lon <= 180.0:
        raise CoordinateError(f"Expected a longitude within [-180, 180], instead got: {lon}")
    return lat, lon


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry; coordinates are WGS84 (lat, lon)."""

    id: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    kind: str
    country: str
    admin1: str
    population: int
    source: str

    def __post_init__(self) -> None:
        check_latlon(self.lat, self.lon)
        if self.kind not in KINDS:
            raise ValueError(f"Expected a place kind among {KINDS}, instead got: {self.kind!r}")

    @classmethod
    def trusted(cls, id: int, name: str, alternates: tuple[str, ...], lat: float, lon: float, kind: str,
                country: str, admin1: str, population: int, source: str) -> Place:
        """Build a place from checked data (the compiled gazetteer) without checking it again."""
        # The slot descriptors' own setters, called directly: the fastest way past frozen __setattr__.
        place = object.__new__(cls)
        _set_id(place, id)
        _set_name(place, name)
        _set_alternates(place, alternates)
        _set_lat(place, lat)
        _set_lon(place, lon)
        _set_kind(place, kind)
        _set_country(place, country)
        _set_admin1(place, admin1)
        _set_population(place, population)
        _set_source(place, source)
        return place

    @property
    def point(self) -> tuple[float, float]:
        return self.lat, self.lon

    @property
    def from_article(self) -> bool:
        """True for a place the gazetteer lacks, pinned where its article puts it (see `geo.unlisted`)."""
        return self.id < 0


(_set_id, _set_name, _set_alternates, _set_lat, _set_lon, _set_kind, _set_country, _set_admin1,
 _set_population, _set_source) = (Place.__dict__[f.name].__set__ for f in fields(Place))
