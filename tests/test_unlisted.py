"""Places the gazetteer lacks, found by the words around them and pinned where the article puts them."""

import json

import pytest
from click.testing import CliRunner

from geo.cli import main
from geo.distance import geodesic_km
from geo.parse import parse


def found(text):
    return {t.text: t for t in parse(text).toponyms}


def test_a_name_called_a_village_is_pinned_at_the_place_it_is_near():
    t = found("Government troops entered the village of Zahrat Abdo near Salamiyah on Monday.")
    village, town = t["Zahrat Abdo"], t["Salamiyah"]
    assert village.pinned and village.place.from_article and not town.place.from_article
    assert village.place.point == town.place.point and village.place.kind == "village"
    assert village.confidence < 0.5 <= town.confidence
    # the person can move it to the place it was pinned by
    assert village.candidates[-1] == town.place
    assert "Salamiyah" in village.place.source


def test_cue_words_after_a_name_give_its_kind():
    t = found("Syrian rebels shelled Zahrat Abdo village and the Umm Hijra neighbourhood in Hama.")
    assert t["Zahrat Abdo"].place.kind == "village"
    assert t["Umm Hijra"].place.kind == "neighbourhood"


def test_arabic_names_in_a_list_take_the_place_of_the_list():
    t = found("Warplanes struck Kafr Zita and Tal Ghazlan in the Hama countryside.")
    assert t["Tal Ghazlan"].place.point == t["Kafr Zita"].place.point
    # a list that lost its commas splits before each head of a name
    t = found('The Syrian army said it "restored security" to Marj Ghazlan Tal Zuwair and Ain Qasab west of Homs.')
    assert {"Marj Ghazlan", "Tal Zuwair", "Ain Qasab"} <= set(t)
    points = {t[n].place.point for n in ("Marj Ghazlan", "Tal Zuwair", "Ain Qasab")}
    assert len(points) == 1
    # placed west of Homs, as far as a city's bearing reaches, not on the city itself
    (lat, lon), homs = points.pop(), t["Homs"].place
    assert abs(lat - homs.lat) < 0.01 and geodesic_km((lat, lon), homs.point) == pytest.approx(20, abs=0.1)
    assert lon < homs.lon and "west of Homs" in t["Marj Ghazlan"].place.source


def test_a_place_located_by_a_bearing_is_not_an_item_of_the_next_list():
    t = found("Rebels took Tal Zuwair west of Hama and al-Mahrouqa and Tal Ghazlan near Salamiyah.")
    assert t["al-Mahrouqa"].place.point == t["Salamiyah"].place.point
    assert t["Tal Zuwair"].place.lon < t["Hama"].place.lon


def test_people_papers_and_groups_are_not_places():
    text = ("Troops loyal to President Bashar al-Assad attacked Douma. In al-Baghdadi's last speech the group "
            "urged fighters to hold Raqqa. In Al-Akhbar, a Beirut daily, Ibrahim al-Amin wrote about Homs. "
            "Fighters of Jaish al-Fateh and Al-Qaedas affiliate took positions near Idlib. Fighters from "
            "Faylaq al-Sham and Jund al-Aqsa attacked Morek.")
    a = parse(text)
    assert not [t.text for t in a.toponyms if t.place and t.place.from_article]
    # nor a community before a cue word
    assert "Christian" not in found("Gunmen shelled a largely Christian area near Homs on Monday.")


def test_the_rest_of_a_known_name_is_not_a_place_of_its_own():
    assert "al-Saghir" not in found("Government forces shelled Tal Ghazlan and al-Qusayr al-Saghir near Hama.")


def test_a_name_with_nothing_to_place_it_by_is_not_pinned():
    assert "Zahrat Abdo" not in found("The village of Zahrat Abdo was quiet, rebels said.")
    # outside the theatres, an unknown name after "the town of" stays unknown
    assert "Smallville" not in found("The mayor of the town of Smallville, near Topeka, Kansas, spoke on Monday.")


def test_an_unlisted_place_keeps_one_identity_and_reaches_the_json(tmp_path):
    text = "Warplanes struck Kafr Zita and Tal Ghazlan in the Hama countryside."
    first, again = found(text)["Tal Ghazlan"].place, found(text)["Tal Ghazlan"].place
    assert first.id == again.id < 0
    assert found("Warplanes struck Kafr Zita and Tal Zuwair.")["Tal Zuwair"].place.id != first.id
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["analyze", str(path), "--json"]).output)
    tal = next(t for t in out["toponyms"] if t["text"] == "Tal Ghazlan")
    assert (tal["lat"], tal["lon"]) == (round(first.lat, 5), round(first.lon, 5)) and tal["confidence"] < 0.5


def test_the_map_says_where_an_unlisted_place_comes_from(gaz):
    from geo.mapview import build_map
    from geo.situation import situation
    from geo.theatres import theatres

    a = parse("Syrian warplanes struck Kafr Zita and Tal Ghazlan in the Hama countryside.")
    drawn = build_map(situation(a, theatres()["syria"], boundary=gaz.boundary("SY")), gaz)
    layer = next(c for c in drawn._children.values() if getattr(c, "layer_name", None) == "Places")
    popups = {f["properties"]["tooltip"].split(" (")[0]: f["properties"]["popup"] for f in layer.data["features"]}
    assert "not in the gazetteer" in popups["Tal Ghazlan"] and "near Kafr Zita" in popups["Tal Ghazlan"]
    assert "not in the gazetteer" not in popups["Kafr Zita"]


def test_names_inside_an_armed_units_name_are_neither_known_nor_unlisted_places():
    t = found("Troops shelled Douma and Harasta. Fighters from Liwa Suqour al-Jabal and Katibat al-Tawhid attacked "
              "Morek, and men of Saraya al-Khorasani moved to positions near Hama.")
    assert set(t) == {"Douma", "Harasta", "Morek", "Hama"}
