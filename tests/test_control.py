"""The control model: holders, contests, pressure, sectors, corrections and imports over time."""

import json

import pytest

from geo.claims import Claim
from geo.control import ControlModel, HolderCorrection, Site, ToponymCorrection, WrongClaim
from geo.control_list import ControlRow, parse_control_list, read_control_list
from geo.errors import InputError
from geo.place import Place
from geo.zones import CONTESTED

ALEPPO = Place(274, "Aleppo", ("Halab",), 36.20124, 37.16117, "city", "SY", "Aleppo", 1_602_264, "geonames")
MAREA = Place(163808, "Marea", (), 36.48, 37.2, "town", "SY", "Aleppo", 16_000, "geonames")
PALMYRA = Place(5774, "Palmyra", ("Tadmur",), 34.5624, 38.28402, "city", "SY", "Homs", 51_323, "geonames")
SYRIA = Place(68, "Syria", (), 35.0, 38.0, "country", "SY", "", 22_000_000, "geonames")
ALEPPO_PROVINCE = Place(241107, "Aleppo", (), 36.2329, 37.59787, "province", "SY", "Aleppo", 0, "naturalearth")


def claim(kind, actor, place, date, *, target=None, sector=None, hedged=False, historical=False, start=0,
          place_span=None, text=None):
    return Claim(kind, actor, target, place, sector, None, hedged, historical, date, start, start + 20,
                 text or f"{actor} {kind} {place.name if place else '?'} on {date}", place_span)


def model(*claims, **options):
    options.setdefault("allied", lambda a, b: {a, b} == {"syrian_government", "russia"})
    return ControlModel([(1, c) for c in claims], **options)


def only(holdings):
    [holding] = holdings
    return holding


def test_a_lone_capture_makes_its_actor_the_holder():
    h = only(model(claim("capture", "isis", PALMYRA, "2015-05-21", target="syrian_government")).holdings())
    assert (h.site.id, h.side, h.contested, h.confidence, h.since) == (5774, "isis", False, 1.0, "2015-05-21")
    assert h.evidence[0].target_actor == "syrian_government" and h.evidence[0].article_id == 1


def test_a_later_claim_supersedes_an_earlier_one():
    m = model(claim("capture", "isis", PALMYRA, "2015-05-21"),
              claim("capture", "syrian_government", PALMYRA, "2016-03-27"),
              claim("control", "isis", PALMYRA, "2016-12-11"))
    assert only(m.holdings("2015-06-01")).side == "isis"
    assert only(m.holdings("2016-04-01")).side == "syrian_government"
    assert only(m.holdings()).side == "isis"


def test_a_recapture_days_later_wins_rather_than_contests():
    m = model(claim("control", "rebels", MAREA, "2016-06-01"), claim("capture", "isis", MAREA, "2016-06-03"))
    h = only(m.holdings())
    assert (h.side, h.contested) == ("isis", False)


def test_conflicting_recent_claims_of_comparable_weight_make_a_place_contested():
    m = model(claim("control", "rebels", MAREA, "2016-06-01"), claim("control", "isis", MAREA, "2016-06-04"))
    h = only(m.holdings())
    assert h.contested and h.side == CONTESTED and set(h.claimants) == {"rebels", "isis"}
    assert h.since == "2016-06-01"
    # Eight days apart they are no longer a conflict: the later one stands.
    m = model(claim("control", "rebels", MAREA, "2016-06-01"), claim("control", "isis", MAREA, "2016-06-09"))
    assert only(m.holdings()).side == "isis"


def test_allied_sides_agree_rather_than_contest():
    h = only(model(claim("control", "syrian_government", PALMYRA, "2016-03-27"),
                   claim("control", "russia", PALMYRA, "2016-03-28")).holdings())
    assert not h.contested and h.side in ("syrian_government", "russia") and h.confidence == 1.0


def test_a_hedged_claim_weighs_less():
    alone = only(model(claim("capture", "isis", MAREA, "2016-06-03", hedged=True)).holdings())
    assert (alone.side, alone.confidence) == ("isis", 0.5)
    # A firm claim stands against a later hedged one (no contest), with less confidence than alone.
    h = only(model(claim("control", "rebels", MAREA, "2016-06-01"),
                   claim("capture", "isis", MAREA, "2016-06-03", hedged=True)).holdings())
    assert (h.side, h.contested) == ("rebels", False) and 0.5 < h.confidence < 1.0
    # The same later claim, firm, wins.
    assert only(model(claim("control", "rebels", MAREA, "2016-06-01"),
                      claim("capture", "isis", MAREA, "2016-06-03")).holdings()).side == "isis"


def test_a_historical_claim_weighs_less_than_a_current_one_of_the_same_date():
    h = only(model(claim("control", "rebels", MAREA, "2016-06-01", historical=True),
                   claim("control", "isis", MAREA, "2016-06-01")).holdings())
    assert (h.side, h.contested) == ("isis", False)


def test_pressure_does_not_change_the_holder():
    m = model(claim("control", "rebels", MAREA, "2016-06-01"),
              claim("attack", "isis", MAREA, "2016-06-05", text="IS fighters attacked Marea"),
              claim("siege", "isis", MAREA, "2016-06-06"),
              claim("advance", "rebels", MAREA, "2016-06-06"))
    h = only(m.holdings())
    assert (h.side, h.contested, h.pressure) == ("rebels", False, ("isis",))
    assert {e.kind for e in h.pressure_evidence} == {"attack", "siege"}
    assert "IS fighters attacked Marea" in {e.text for e in h.pressure_evidence}
    # Pressure fades after a month, the holding stays.
    assert only(m.holdings("2016-08-01")).pressure == ()


def test_a_strike_alone_makes_pressure_but_no_holder():
    m = model(claim("strike", "russia", MAREA, "2016-06-05"))
    assert m.holdings() == [] and m.held_places() == []
    [pressure] = m.pressures()
    assert (pressure.site.id, pressure.sides) == (MAREA.id, ("russia",))


def test_countries_provinces_and_placeless_claims_make_no_holdings():
    m = model(claim("strike", "russia", SYRIA, "2015-10-01"), claim("control", "isis", ALEPPO_PROVINCE, "2015-10-01"),
              claim("control", "isis", None, "2015-10-01"))
    assert m.holdings() == [] and m.pressures() == []


def test_sectors_of_a_divided_place_are_kept_apart():
    m = model(claim("control", "syrian_government", ALEPPO, "2016-08-01", sector="west"),
              claim("control", "rebels", ALEPPO, "2016-08-02", sector="east"))
    by_sector = {h.sector: h.side for h in m.holdings()}
    assert by_sector == {"west": "syrian_government", "east": "rebels"}
    points = {p.side: p for p in m.held_places()}
    assert points["rebels"].lon > ALEPPO.lon > points["syrian_government"].lon  # east of the centre, west of it
    assert abs(points["rebels"].lat - ALEPPO.lat) < 1e-9
    # A later claim about the whole city reunites it.
    m = model(claim("control", "syrian_government", ALEPPO, "2016-08-01", sector="west"),
              claim("control", "rebels", ALEPPO, "2016-08-02", sector="east"),
              claim("capture", "syrian_government", ALEPPO, "2016-12-22"))
    assert [(h.sector, h.side) for h in m.holdings()] == [(None, "syrian_government")]
    assert {(h.sector, h.side) for h in m.holdings("2016-09-01")} == {("west", "syrian_government"),
                                                                      ("east", "rebels")}


def test_a_holder_correction_wins_over_claims_from_its_date():
    fix = HolderCorrection(Site.of(MAREA), "rebels", date="2016-06-10", note="checked with local sources")
    m = model(claim("capture", "isis", MAREA, "2016-06-03"), claim("control", "isis", MAREA, "2016-06-20"),
              corrections=[fix])
    assert only(m.holdings("2016-06-05")).side == "isis"
    h = only(m.holdings())
    assert (h.side, h.confidence, h.since) == ("rebels", 1.0, "2016-06-10")
    assert [(e.source, e.text) for e in h.evidence] == [("correction", "checked with local sources")]
    assert "2016-06-10" in m.timeline()


def test_a_holder_correction_of_the_whole_place_replaces_its_sectors():
    m = model(claim("control", "rebels", ALEPPO, "2016-08-02", sector="east"),
              corrections=[HolderCorrection(Site.of(ALEPPO), "syrian_government")])
    assert [(h.sector, h.side) for h in m.holdings()] == [(None, "syrian_government")]


def test_a_claim_marked_wrong_is_ignored():
    wrong = claim("capture", "isis", MAREA, "2016-06-03", start=40)
    right = claim("control", "rebels", MAREA, "2016-06-01", start=0)
    assert only(model(right, wrong).holdings()).side == "isis"
    assert only(model(right, wrong, corrections=[WrongClaim.of(1, wrong)]).holdings()).side == "rebels"
    # Marking a claim of another article wrong changes nothing here.
    assert only(model(right, wrong, corrections=[WrongClaim.of(2, wrong)]).holdings()).side == "isis"


def test_a_toponym_correction_moves_the_claims_that_cite_it():
    moved = claim("capture", "isis", ALEPPO, "2016-06-03", place_span=(30, 36))
    other = claim("control", "syrian_government", ALEPPO, "2016-06-03", place_span=(80, 86))
    m = model(moved, other, corrections=[ToponymCorrection(1, 30, 36, MAREA)])
    sides = {h.site.id: h.side for h in m.holdings()}
    assert sides == {MAREA.id: "isis", ALEPPO.id: "syrian_government"}
    m = model(moved, other, corrections=[ToponymCorrection(1, 30, 36, None)])
    assert {h.site.id: h.side for h in m.holdings()} == {ALEPPO.id: "syrian_government"}


def test_imported_rows_count_as_control_claims_of_weight_one():
    rows = [ControlRow("Marea", 36.4801, 37.2001, "rebels", "2016-06-05"),
            ControlRow("Azaz", 36.5866, 37.0463, "rebels", "2016-06-05")]
    m = model(claim("control", "isis", MAREA, "2016-06-01"), imports=rows)
    sides = {h.site.name: (h.side, h.site.id) for h in m.holdings()}
    # The imported Marea is the article's Marea (same name, a few metres off): one place, now contested.
    assert sides == {"Marea": (CONTESTED, MAREA.id), "Azaz": ("rebels", None)}
    azaz = next(h for h in m.holdings() if h.site.name == "Azaz")
    assert azaz.evidence[0].source == "import" and azaz.confidence == 1.0


def test_as_of_sees_only_what_was_known_by_then():
    m = model(claim("control", "rebels", MAREA, "2016-06-01"), claim("capture", "isis", PALMYRA, "2015-05-21"),
              imports=[ControlRow("Azaz", 36.5866, 37.0463, "rebels", "2016-07-01")])
    assert {h.site.name for h in m.holdings("2015-05-20")} == set()
    assert {h.site.name for h in m.holdings("2015-05-21")} == {"Palmyra"}
    assert {h.site.name for h in m.holdings("2016-06-30")} == {"Palmyra", "Marea"}
    assert {h.site.name for h in m.holdings()} == {"Palmyra", "Marea", "Azaz"}
    assert m.timeline() == ["2015-05-21", "2016-06-01", "2016-07-01"]
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        m.holdings("June 2016")


def test_undated_claims_take_their_articles_date():
    undated = claim("control", "rebels", MAREA, None)
    m = ControlModel([(7, undated)], article_dates={7: "2016-06-01"})
    assert only(m.holdings()).since == "2016-06-01"
    assert m.holdings("2016-05-31") == []


def test_held_places_mark_contested_places_for_the_zones():
    m = model(claim("control", "rebels", MAREA, "2016-06-01"), claim("control", "isis", MAREA, "2016-06-01"),
              claim("capture", "isis", PALMYRA, "2015-05-21"))
    assert {(p.name, p.side) for p in m.held_places()} == {("Marea", CONTESTED), ("Palmyra", "isis")}
    palmyra = next(p for p in m.held_places() if p.name == "Palmyra")
    assert (palmyra.lat, palmyra.lon) == (PALMYRA.lat, PALMYRA.lon)


def test_control_lists_read_from_csv_and_geojson(tmp_path):
    csv_path = tmp_path / "control.csv"
    csv_path.write_text("name,lat,lon,side,date\nIzium,49.2128,37.2569,Russia,2022-06-30\n"
                        "Kupiansk,49.7106,37.6156,ukraine,\n", encoding="utf-8")
    assert read_control_list(csv_path) == [ControlRow("Izium", 49.2128, 37.2569, "russia", "2022-06-30"),
                                           ControlRow("Kupiansk", 49.7106, 37.6156, "ukraine", None)]
    geojson = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.2569, 49.2128]},
         "properties": {"name": "Izium", "side": "russia", "date": "2022-06-30"}}]}
    path = tmp_path / "control.geojson"
    path.write_text(json.dumps(geojson), encoding="utf-8")
    assert read_control_list(path) == [ControlRow("Izium", 49.2128, 37.2569, "russia", "2022-06-30")]


@pytest.mark.parametrize("text, message", [
    ("name,lat,lon\nIzium,49.2,37.2\n", "missing \\['side'\\]"),
    ("name,lat,lon,side\nIzium,149.2,37.2,russia\n", ":2: .*latitude"),
    ("name,lat,lon,side,date\nIzium,49.2,37.2,russia,30/06/2022\n", "YYYY-MM-DD"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString", '
     '"coordinates": [[37, 49], [38, 49]]}, "properties": {"name": "x", "side": "y"}}]}', "feature 0: .*Point"),
], ids=["no side column", "latitude out of range", "bad date", "not a point"])
def test_a_bad_control_list_is_a_clear_error(text, message):
    with pytest.raises(InputError, match=message):
        parse_control_list(text, "list.csv" if not text.startswith("{") else "list.geojson")


def test_the_zones_command_reads_a_geojson_control_list(tmp_path):
    from click.testing import CliRunner

    from geo.cli import main

    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon + j * 0.2, 47.0 + i * 0.2]},
                 "properties": {"name": f"{side}{i}{j}", "side": side, "date": "2022-10-01"}}
                for side, lon in (("russia", 36.0), ("ukraine", 34.8)) for i in range(4) for j in range(4)]
    path = tmp_path / "control.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    result = CliRunner().invoke(main, ["zones", str(path), "--geojson"])
    assert result.exit_code == 0, result.output
    sides = {f["properties"].get("side") for f in json.loads(result.output)["features"]}
    assert {"russia", "ukraine"} <= sides
    # Before the rows' date nothing is held, so nothing is drawn.
    result = CliRunner().invoke(main, ["zones", str(path), "--date", "2022-09-30", "--geojson"])
    assert json.loads(result.output)["features"] == []
