"""What the map shows as of a date: holders, zones, fronts, events, corrections and distances."""

import pytest
import shapely

from geo.control import ControlModel, HolderCorrection, Site, ToponymCorrection, WrongClaim
from geo.distance import geodesic_km
from geo.place import Place
from geo.situation import Distance, situation
from geo.theatres import theatres
from tests.conftest import war_place

SYRIA = theatres()["syria"]


def holders(s):
    return {s.analysis.toponyms[0].place.name: None} | {h.site.name: h.side for h in s.holdings.values()}


def test_the_articles_claims_decide_holders_zones_and_fronts(war, gaz):
    s = situation(war, SYRIA, boundary=gaz.boundary("SY"))
    assert holders(s) == {"Raqqa": "isis", "Deir ez-Zor": "isis", "Palmyra": "syrian_government"}
    assert {z.side for z in s.zones} == {"isis", "syrian_government"}
    assert [f.sides for f in s.fronts] == [("isis", "syrian_government")]
    assert [(c.kind, c.place.name) for c in s.events] == [("capture", "Palmyra"), ("strike", "Raqqa")]
    assert s.holder_text(war_place("Palmyra")).startswith("Syrian government, confidence 100%, since 2016-03-27")


def test_as_of_an_earlier_date_the_later_claims_are_not_yet_made(war):
    s = situation(war, SYRIA, as_of="2016-03-01")
    assert holders(s) == {"Raqqa": "isis", "Deir ez-Zor": "isis"}
    assert {c.kind for c in s.claims} == {"control"} and s.events == ()
    assert s.as_of == "2016-03-01"


def test_a_stated_distance_is_compared_with_the_sides_ground(war, gaz):
    s = situation(war, SYRIA, boundary=gaz.boundary("SY"))
    [stated] = [d for d in s.distances if not d.approach]
    assert (stated.side, stated.place, stated.point, stated.stated_km) == ("isis", "Palmyra", (34.56, 38.27), 20.0)
    [zone] = [z for z in s.zones if z.side == "isis"]
    lat, lon = stated.towards  # (lat, lon) of the nearest IS ground, which lies on IS's zone
    assert zone.geometry.distance(shapely.Point(lon, lat)) < 1e-6
    assert stated.computed_km == pytest.approx(geodesic_km(war_place("Palmyra").point, (lat, lon)), rel=1e-3)


@pytest.mark.parametrize("stated, computed, disagrees", [
    (20.0, 21.0, False), (20.0, 27.0, False), (20.0, 31.0, True), (2.0, 6.0, False), (100.0, 140.0, False),
    (100.0, 160.0, True), (20.0, None, False), (None, 5.0, False)],
    ids=["close", "within 5 km and half", "11 km off", "4 km off", "40 km of 100", "60 km of 100", "no map",
         "approach"])
def test_a_stated_and_a_computed_distance_disagree_beyond_5_km_and_half(stated, computed, disagrees):
    d = Distance("isis", "Palmyra", (34.56, 38.27), stated, computed, None, "")
    assert d.disagrees is disagrees


def test_nearest_approach_of_hostile_sides(war):
    s = situation(war, SYRIA)
    [approach] = [d for d in s.distances if d.approach]
    assert approach.evidence == "Raqqa (isis) – Palmyra (syrian_government)"
    assert (approach.place, approach.point, approach.side, approach.towards) == (
        "Raqqa", (35.95, 39.01), "syrian_government", (34.56, 38.27))
    assert approach.computed_km == pytest.approx(168.3, abs=0.5)  # Palmyra to Raqqa, geodesic


def test_corrections_move_a_toponym_drop_a_claim_and_set_a_holder(war):
    elsewhere = Place(1, "Tadmur Junction", (), 34.7, 38.9, "village", "SY", "", 0, "test")
    palmyra_span = (war.claims[2].place_span)
    corrections = [ToponymCorrection(7, *palmyra_span, elsewhere), WrongClaim.of(7, war.claims[4]),
                   HolderCorrection(Site.of(war_place("Raqqa")), "rebels", None)]
    model = ControlModel([(7, c) for c in war.claims], corrections, article_dates={7: war.date})
    s = situation(war, SYRIA, model=model, corrections=corrections, article_id=7)
    moved = next(t for t in s.analysis.toponyms if (t.start, t.end) == palmyra_span)
    assert moved.place == elsewhere and war_place("Palmyra") in moved.candidates
    assert holders(s) == {"Raqqa": "rebels", "Deir ez-Zor": "isis", "Tadmur Junction": "syrian_government"}
    assert "strike" not in {c.kind for c in s.claims}
    # Another article's corrections leave this one alone.
    other = situation(war, SYRIA, model=model, corrections=corrections, article_id=8)
    assert "strike" in {c.kind for c in other.claims}


def test_an_article_without_claims_has_no_holders_or_zones(war):
    from dataclasses import replace

    s = situation(replace(war, claims=()), SYRIA)
    assert dict(s.holdings) == {} and s.zones == () and s.distances == ()


def test_a_zone_failure_leaves_the_places_and_says_so(war, monkeypatch, caplog):
    import shapely.errors

    from geo import situation as module

    def broken(*args, **kwargs):
        raise shapely.errors.EmptyPartError("Can't create MultiLineString with empty component")

    monkeypatch.setattr(module, "build_zones", broken)
    s = situation(war, SYRIA)
    assert s.zones == () and s.fronts == () and len(s.holdings) == 3
    assert s.problems and "could not be drawn" in s.problems[0]
    assert "Zones failed" in caplog.text


def test_each_place_knows_how_far_the_front_and_hostile_ground_are(war, gaz):
    from geo.tables import place_rows

    s = situation(war, SYRIA, boundary=gaz.boundary("SY"))
    palmyra, raqqa = war_place("Palmyra"), war_place("Raqqa")
    # Palmyra is government-held: Islamic State's zone and the front lie between it and Raqqa.
    assert 0 < s.front_km(palmyra) < geodesic_km(palmyra.point, raqqa.point)
    assert 0 < s.hostile_km(palmyra) <= s.front_km(palmyra) + 1
    assert s.hostile_km(raqqa) > 0
    row = next(r for r in place_rows(s) if r["place"] == "Palmyra")
    assert row["front km"] == round(s.front_km(palmyra), 1) and row["hostile ground km"] is not None
