import pytest

from geo import artefact, gazetteer
from geo.errors import DataError
from geo.gazetteer import split_kind
from geo.place import KINDS, Place

SPELLINGS = {
    "Deir ez-Zor": (35.34, 40.14), "Deir al-Zour": (35.34, 40.14), "Deir Ezzor": (35.34, 40.14),
    "Kobani": (36.89, 38.35), "Kobane": (36.89, 38.35), "Ayn al-Arab": (36.89, 38.35),
    "Raqqa": (35.95, 39.01), "Ar-Raqqah": (35.95, 39.01), "Kyiv": (50.45, 30.52), "Kiev": (50.45, 30.52),
    "Bakhmut": (48.59, 38.00), "Artemivsk": (48.59, 38.00), "Palmyra": (34.56, 38.27), "Tadmur": (34.56, 38.27),
}


@pytest.mark.parametrize("name", SPELLINGS)
def test_spellings_of_one_place_resolve_to_it(gaz, name):
    from geo.distance import haversine_km

    best = gaz.get(name)
    assert best is not None
    assert haversine_km(best.lat, best.lon, *SPELLINGS[name]) < 10


def test_candidates_best_first_and_country_ranks_first(gaz):
    tripoli = gaz.candidates("Tripoli")
    assert tripoli[0].country == "LY"
    assert gaz.candidates("Tripoli", country="LB")[0].country == "LB"
    assert len({p.id for p in tripoli}) == len(tripoli)


def test_kind_words_choose_the_province(gaz):
    assert gaz.get("Aleppo").kind == "city"
    assert gaz.get("Aleppo province").kind == "province"
    assert gaz.get("Daraa Governorate").kind == "province"
    assert split_kind("the city of Aleppo") == ("Aleppo", "city")


def test_unknown_names_give_no_candidates(gaz):
    assert gaz.candidates("Qwzxlmnop") == []
    assert gaz.get("") is None and gaz.candidates("   ") == []


def test_near_returns_places_within_the_radius_nearest_first(gaz):
    aleppo = gaz.get("Aleppo")
    near = gaz.near(aleppo.lat, aleppo.lon, 30)
    assert near[0].id == aleppo.id
    assert any(p.name in ("Nubl", "Zahraa", "Khan Tuman", "Azaz") for p in near) or len(near) > 5
    from geo.distance import geodesic_km

    assert all(geodesic_km(aleppo.point, p.point) <= 30 for p in near)


def test_boundary_of_country_and_admin1_contains_their_places(gaz):
    from shapely import Point

    syria = gaz.boundary("SY")
    aleppo = gaz.get("Aleppo")
    assert syria.contains(Point(aleppo.lon, aleppo.lat))  # shapely takes (lon, lat)
    assert not syria.contains(Point(aleppo.lat, aleppo.lon))
    assert gaz.boundary("UA-43").intersects(gaz.boundary("UA"))  # Crimea belongs to Ukraine (ISO 3166)
    assert gaz.boundary("XX") is None


def test_place_refuses_swapped_coordinates():
    with pytest.raises(ValueError, match="lon, lat"):
        Place(1, "x", (), 120.0, 36.0, "city", "SY", "", 0, "test")
    assert "country" in KINDS and "neighbourhood" in KINDS


def test_lookup_and_country(gaz):
    syria = gaz.country("SY")
    assert syria.kind == "country" and gaz.lookup(syria.id) == syria
    with pytest.raises(LookupError):
        gaz.lookup(-1)


@pytest.mark.parametrize("content, message", [
    (None, "missing"), (b"not a gazetteer", "not a Frontline gazetteer"),
    (artefact.MAGIC + b"\x00\x01truncated", "damaged"),
])
def test_a_missing_or_corrupt_artefact_names_the_rebuild_command(tmp_path, content, message):
    path = tmp_path / "places.marshal"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError, match=message) as error:
        gazetteer.load(path)
    assert "python -m gazetteer.build" in str(error.value)
    assert isinstance(error.value, RuntimeError)


def test_a_tiny_artefact_round_trips(tmp_path):
    records = [artefact.Record("Testville", ("Test Town",), 10.5, 20.25, "town", "SY", "A", 5, "test", 9.0),
               artefact.Record("Other", (), -10.0, -20.0, "village", "IQ", "", 0, "test", 1.0)]
    path = tmp_path / "tiny.marshal"
    artefact.write(path, records)
    g = gazetteer.load(path)
    assert len(g) == 2
    best = g.get("test town")
    assert (best.name, best.lat, best.lon, best.country) == ("Testville", 10.5, 20.25, "SY")
    assert g.get("Other").kind == "village"
    assert g.sounding("Testvile") == []  # no country was indexed by sound
    artefact.write(tmp_path / "sounding.marshal", records, sounding=frozenset({"SY"}))
    g = gazetteer.load(tmp_path / "sounding.marshal")
    assert [p.name for p in g.sounding("Tastvoll")] == ["Testville"] and g.sounding("Othar") == []


def test_places_of_war_theatres_are_found_by_their_skeleton(gaz):
    assert "Kuweires airbase" in [p.name for p in gaz.sounding("Kweyris")]
    assert all(p.country in ("SY", "IQ", "UA", "LY", "YE", "SD") for p in gaz.sounding("Parris"))


def test_us_counties_and_parishes_are_places_of_their_state(gaz):
    laurel = gaz.get("Laurel County")
    assert (laurel.kind, laurel.country, laurel.admin1) == ("district", "US", "Kentucky")
    assert gaz.get("Rapides Parish").admin1 == "Louisiana"
    assert {p.admin1 for p in gaz.candidates("Adams County")} >= {"Illinois", "Pennsylvania", "Colorado"}


def test_a_border_town_keeps_its_own_country_beside_its_namesake_across_the_line(gaz):
    # Ras al-Ain (Syria) faces Ceylanpinar (Turkey), which GeoNames also calls Ras al-Ain
    assert gaz.get("Serekaniye").country == "SY"
    assert gaz.get("Ras al-Ain", country="SY").country == "SY"
    assert gaz.get("Ceylanpinar").country == "TR"


def test_a_theatres_province_is_shown_with_its_unit_and_still_answers_to_its_bare_name(gaz):
    aleppo = {(p.name, p.kind) for p in gaz.candidates("Aleppo", country="SY")}
    assert {("Aleppo", "city"), ("Aleppo Governorate", "province")} <= aleppo
    assert gaz.get("Donetsk", country="UA", kind="province").name == "Donetsk Oblast"
    assert gaz.get("Ohio", country="US").name == "Ohio"  # elsewhere the bare name, as Natural Earth has it


def test_a_place_in_a_fragment_natural_earth_cut_out_of_its_province_belongs_to_that_province(gaz):
    assert gaz.get("Hadar", country="SY").admin1 == "Quneitra"  # not the untyped "Western al-Samadania"


def test_admin1_at_gives_the_outline_holding_a_point(gaz):
    aleppo = gaz.get("Aleppo", country="SY")
    assert gaz.admin1_at(aleppo.lat, aleppo.lon).equals(gaz.boundary("SY-HL"))
    assert gaz.admin1_at(0.0, -30.0) is None  # the open Atlantic


def test_a_place_belongs_to_the_province_it_lies_in_where_geonames_codes_name_another(gaz):
    assert gaz.get("Paris", country="FR").admin1 == "Paris"  # France's codes named departments ("Aude")
    assert gaz.get("Lyon", country="FR").admin1 == "Rhône"
    assert gaz.get("Manila", country="PH").admin1 == "Metro Manila"
