"""The `frontline` command line: a front to the `geo` library."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from geo.errors import FrontlineError


def _fail(error: Exception) -> None:
    click.echo(f"frontline: {error}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Frontline: map the places, armed sides and front lines of war reporting, offline."""


@main.command()
def build() -> None:
    """Build the gazetteer artefact from its sources (about half a minute)."""
    from gazetteer.build import main as build_main

    build_main([])


@main.command()
@click.argument("name")
@click.option("--country", help="ISO alpha-2 code(s), comma-separated, whose places rank first.")
@click.option("--kind", help="Prefer places of this kind (city, province, facility ...).")
@click.option("--limit", default=10, show_default=True, help="How many candidates to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def places(name: str, country: str | None, kind: str | None, limit: int, as_json: bool) -> None:
    """Look NAME up in the gazetteer, best candidate first."""
    from geo import gazetteer

    try:
        found = gazetteer.load().candidates(name, country=country.split(",") if country else None, kind=kind)
    except FrontlineError as e:
        _fail(e)
    found = found[:limit]
    if as_json:
        click.echo(json.dumps([asdict(p) for p in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(f"No place called {name!r}.")
    for p in found:
        click.echo(f"{p.name:30} {p.kind:13} {p.country:2} {p.admin1[:24]:24} {p.lat:9.4f} {p.lon:9.4f} "
                   f"pop {p.population:>9,}  [{p.source}]")


def _progress(items, label: str):
    return click.progressbar(items, label=label, file=sys.stderr, show_pos=True)


@main.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", help="The article's date, YYYY-MM-DD.")
@click.option("--theatre", help="Override the detected theatre (syria, iraq, ukraine, libya, yemen, sudan).")
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON.")
@click.option("--jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Batch: read JSON lines (id, text, optional date), write one analysis per line.")
def analyze(file: Path | None, date: str | None, theatre: str | None, as_json: bool, jsonl: Path | None) -> None:
    """Find and resolve the places of an article FILE (a leading block of `# ` lines is a header)."""
    from geo.analysis import analysis_json
    from geo.articles import clean_text
    from geo.parse import parse

    try:
        if jsonl is not None:
            with jsonl.open(encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()]
            with _progress(records, "analysing") as bar:
                for record in bar:
                    result = analysis_json(parse(record["text"], date=record.get("date") or date, theatre=theatre))
                    click.echo(json.dumps({"id": record.get("id"), **result}, ensure_ascii=False))
            return
        if file is None:
            raise click.UsageError("Give an article FILE or --jsonl FILE.")
        text = clean_text(file.read_bytes(), file.name)
        analysis = parse(text, date=date, theatre=theatre)
    except FrontlineError as e:
        _fail(e)
    if as_json:
        click.echo(json.dumps(analysis_json(analysis), ensure_ascii=False, indent=2))
        return
    click.echo(f"theatre: {analysis.theatre or 'unknown'}")
    for t in analysis.toponyms:
        where = f"{t.place.name} ({t.place.kind}, {t.place.country}) {t.place.lat:.4f},{t.place.lon:.4f}" \
            if t.place else "unresolved"
        click.echo(f"{t.start:6}-{t.end:<6} {t.text[:28]:28} {t.role:8} {t.sector or '':11} {where}  "
                   f"{t.confidence:.2f}")


@main.command()
@click.argument("control", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", help="Control as of this date (YYYY-MM-DD), by the control model's rules.")
@click.option("--country", default=None, help="Clip zones to this country (ISO alpha-2); default: the one "
              "holding most places.")
@click.option("--geojson", "as_geojson", is_flag=True, help="Print an RFC 7946 FeatureCollection.")
def zones(control: Path, date: str | None, country: str | None, as_geojson: bool) -> None:
    """Zones and front lines from a CONTROL list (CSV: name,lat,lon,side[,date], or GeoJSON points)."""
    from collections import Counter

    from geo import gazetteer
    from geo.control import ControlModel
    from geo.control_list import read_control_list
    from geo.zones import build_zones, to_geojson

    try:
        places = ControlModel(imports=read_control_list(control)).held_places(as_of=date)
        gaz = gazetteer.load()
        if country is None and places:
            found = Counter(gaz.country_at(p.lat, p.lon) for p in places)
            country = found.most_common(1)[0][0]
        boundary = gaz.boundary(country) if country else None
        zone_list, fronts = build_zones(places, boundary)
    except FrontlineError as e:
        _fail(e)
    if as_geojson:
        click.echo(json.dumps(to_geojson(zone_list, fronts)))
        return
    for z in zone_list:
        click.echo(f"zone  {z.side:12} {z.area_km2:12,.0f} km2")
    for f in fronts:
        click.echo(f"front {f.sides[0]} | {f.sides[1]}: {f.length_km:,.0f} km")


@main.command()
@click.argument("control", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", help="Control as of this date (YYYY-MM-DD): each place's latest row up to it.")
@click.option("--at", "points", multiple=True, metavar="LAT,LON",
              help="Also give the nearest place of each side from this point (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def distances(control: Path, date: str | None, points: tuple[str, ...], as_json: bool) -> None:
    """Nearest approach of every pair of hostile sides in a CONTROL list (CSV: name,lat,lon,side[,date])."""
    from geo.approach import nearest_approaches, nearest_sides
    from geo.errors import InputError
    from geo.eval_zones import read_places

    try:
        places = read_places(control, as_of=date)
        at = []
        for text in points:
            try:
                lat, lon = (float(v) for v in text.split(","))
            except ValueError:
                raise InputError(f"Expected --at LAT,LON (e.g. 48.59,38.00), instead got: {text!r}") from None
            at.append((lat, lon))
        approaches = nearest_approaches(places)
        nearest = nearest_sides(at, places)
    except FrontlineError as e:
        _fail(e)
    if as_json:
        click.echo(json.dumps({
            "approaches": [{"sides": list(a.sides), "km": round(a.km, 3), "place_a": asdict(a.place_a),
                            "place_b": asdict(a.place_b)} for a in approaches],
            "points": [{"lat": lat, "lon": lon, "nearest": [{"side": n.side, "km": round(n.km, 3),
                                                             "place": asdict(n.place)} for n in found]}
                       for (lat, lon), found in zip(at, nearest)],
        }, ensure_ascii=False, indent=2))
        return
    if not approaches:
        click.echo("No two hostile sides in the list.")
    for a in approaches:
        click.echo(f"{a.sides[0]} | {a.sides[1]}: {a.km:8.1f} km  {a.place_a.name} ({a.place_a.lat:.4f}, "
                   f"{a.place_a.lon:.4f}) to {a.place_b.name} ({a.place_b.lat:.4f}, {a.place_b.lon:.4f})")
    for (lat, lon), found in zip(at, nearest):
        click.echo(f"from {lat:.4f}, {lon:.4f}: " + "; ".join(f"{n.side} {n.km:.1f} km ({n.place.name})"
                                                           for n in found))


@main.group(name="eval")
def evaluate() -> None:
    """Score Frontline against evaluation data."""


@evaluate.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def geoparse(files: tuple[Path, ...]) -> None:
    """Score recognition, resolution and end to end on benchmark JSONL FILES (LGL, GeoVirus format)."""
    from geo.eval_geoparse import format_scores, read_jsonl, score
    from geo.parse import parse

    for path in files:
        records = read_jsonl(path)
        try:
            with _progress(records, path.name) as bar:
                pairs = [(r, parse(r["text"])) for r in bar]
        except FrontlineError as e:
            _fail(e)
        click.echo(format_scores(path.name, score(pairs)))


@evaluate.command(name="places")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list misses and false places.")
def places_eval(folder: Path, misses: bool) -> None:
    """Literal places of hand-annotated articles in FOLDER (NAME.txt + NAME.json): recall, precision, placement."""
    from geo.eval_places import PLACED_KM, evaluate_dir
    from geo.parse import parse

    try:
        s = evaluate_dir(folder, parse)
    except FrontlineError as e:
        _fail(e)
    click.echo(f"literal places: recall {s.recall:.3f} ({s.found}/{s.gold}), precision {s.precision:.3f} "
               f"({s.correct}/{s.predicted}), placed within {PLACED_KM:.0f} km {s.placed_share:.3f} "
               f"({s.placed}/{s.found})")
    if misses:
        for line in s.misses:
            click.echo(f"  miss  {line}")
        for line in s.false:
            click.echo(f"  false {line}")


@evaluate.command(name="zones")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def zones_eval(folder: Path) -> None:
    """Control zones from each month's town list in FOLDER, scored against its reference map."""
    from geo import gazetteer
    from geo.eval_zones import evaluate as run

    try:
        scores = run(folder, gazetteer.load().boundary("UA"))
    except FrontlineError as e:
        _fail(e)

    def km(value: float | None) -> str:
        return f"{value:6.1f}" if value is not None else "     -"

    click.echo("month    method          IoU    median km ref->ours  ours->ref")
    for s in scores:
        click.echo(f"{s.month}  {s.method:14} {s.iou:5.3f}   {km(s.ref_to_ours_km)}          {km(s.ours_to_ref_km)}")


def _echo_sides(precision: float, recall: float) -> None:
    click.echo(f"sides: precision {precision:.3f}, recall {recall:.3f}")


@evaluate.command(name="claims")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list missed and false claims.")
def claims_eval(folder: Path, misses: bool) -> None:
    """Sides and claims of hand-annotated articles in FOLDER: precision and recall, per kind and overall."""
    from functools import lru_cache

    from geo.eval_claims import evaluate_dir, format_report
    from geo.eval_places import side_scores
    from geo.parse import parse as parse_once

    parse = lru_cache(maxsize=None)(parse_once)  # three scorings, one parse of each article
    try:
        sides = side_scores(folder, parse)
        by_kind, any_kind = evaluate_dir(folder, parse), evaluate_dir(folder, parse, ignore_kind=True)
    except FrontlineError as e:
        _fail(e)
    _echo_sides(*sides[:2])
    click.echo(format_report(by_kind, any_kind))
    if misses:
        for line in by_kind.misses:
            click.echo(f"  miss  {line}")
        for line in by_kind.false:
            click.echo(f"  false {line}")


@evaluate.command(name="sides")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list the articles whose sides differ.")
def sides_eval(folder: Path, misses: bool) -> None:
    """Armed sides named by hand-annotated articles in FOLDER: precision and recall of (article, side)."""
    from geo.eval_places import side_scores
    from geo.parse import parse

    try:
        precision, recall, notes = side_scores(folder, parse)
    except FrontlineError as e:
        _fail(e)
    _echo_sides(precision, recall)
    if misses:
        for line in notes:
            click.echo(f"  {line}")


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list every mention not resolved.")
def toponyms(path: Path, misses: bool) -> None:
    """Resolve every mention of a toponyms TSV (with and without its theatre's countries)."""
    from geo import gazetteer
    from geo.eval_toponyms import evaluate as run
    from geo.eval_toponyms import format_report

    try:
        gaz = gazetteer.load()
    except FrontlineError as e:
        _fail(e)
    with_prior = run(path, gaz, theatre_prior=True)
    click.echo(format_report(with_prior, "with the theatre's countries ranked first"))
    click.echo(format_report(run(path, gaz, theatre_prior=False), "mention alone"))
    if misses:
        for r in with_prior.rows:
            if r["outcome"] != "resolved":
                km = f"{r['km']:.0f} km off" if r["km"] is not None else "no match"
                click.echo(f"  {r['outcome']:11} {r['mention']!r} ({r['kind']}, {r['theatre']}): "
                           f"{r['found'] or '-'} {km}")
