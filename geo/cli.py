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

    build_main()


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


@main.group(name="eval")
def evaluate() -> None:
    """Score Frontline against evaluation data."""


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list every mention not resolved.")
def toponyms(path: Path, misses: bool) -> None:
    """Resolve every mention of a toponyms TSV (with and without its theatre's countries)."""
    from geo import gazetteer
    from geo.eval_toponyms import evaluate as run, format_report

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
