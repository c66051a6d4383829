"""Side mentions, tested with a blank pipeline and a small inline profile."""

import json

from geo.parse import parse
from geo.pipeline import build_pipeline
from geo.sides import SideFinder
from geo.theatres import Side, Theatre, theatres

PROFILE = Theatre("test", "Test war", "2011-01-01", None, ("SY",), (), (
    Side("isis", "Islamic State", "#222222", ("Islamic State", "IS", "Daesh"), ("IS-held",),
         ("the militants",), (), (), ("gov",)),
    Side("gov", "Government", "#d62728", ("government forces",), ("government-held",), ("the army",), (), (),
         ("isis",), country="SY"),
    Side("rebels", "Rebels", "#2ca02c", ("rebel forces",), (), (), (), (), ("gov",)),
))


def find(text):
    nlp = build_pipeline()
    doc = nlp.make_doc(text)
    return [(m.text, m.side, m.how) for m in SideFinder(nlp, PROFILE)(doc, lambda i: 0 if i < 1000 else 5)]


def test_names_adjectives_and_acronyms_keep_their_case():
    found = find("IS fighters took the IS-held town; government forces said it is lost. Daesh denied it.")
    assert ("IS", "isis", "name") in found and ("IS-held", "isis", "adjective") in found
    assert ("government forces", "gov", "name") in found and ("Daesh", "isis", "name") in found
    assert all(text != "is" for text, _, _ in found)


def test_references_need_their_side_named_shortly_before():
    assert ("The militants", "isis", "reference") in find("Islamic State attacked. The militants fled.")
    assert find("The militants fled.") == []


def test_the_army_of_the_theatres_own_country_needs_no_earlier_name():
    assert find("The army recaptured the town on Sunday.") == [("The army", "gov", "reference")]


def test_a_word_sharing_a_sides_noun_names_that_side():
    found = find("Homs is split between rebel and government forces.")
    assert found == [("rebel", "rebels", "name"), ("government forces", "gov", "name")]
    assert find("Homs is split between Arab and government forces.") == [("government forces", "gov", "name")]


def test_shipped_profiles_hold_the_gold_ids_and_distinct_colours():
    profiles = theatres()
    assert set(profiles) == {"syria", "iraq", "ukraine", "libya", "yemen", "sudan"}
    gold_ids = {"syrian_government", "rebels", "nusra", "isis", "kurds", "peshmerga", "iraq_government", "pmf",
                "hezbollah", "iran", "russia", "usa", "coalition", "turkey", "france", "uk", "israel", "jordan"}
    assert gold_ids <= {s.id for s in profiles["syria"].sides}
    assert {"ukraine", "russia", "dpr", "lpr", "wagner"} <= {s.id for s in profiles["ukraine"].sides}
    assert {"gna", "lna", "isis", "misrata"} <= {s.id for s in profiles["libya"].sides}
    for profile in profiles.values():
        colours = [s.colour for s in profile.sides]
        assert len(set(colours)) == len(colours)
        for side in profile.sides:
            assert all(profile.hostile(enemy, side.id) for enemy in side.enemies)
        phrases = [p.lower() for s in profile.sides for p in s.names + s.adjectives + s.references]
        assert len(set(phrases)) == len(phrases), profile.id


def test_parse_reports_sides_with_offsets_into_the_file(tmp_path):
    from click.testing import CliRunner

    from geo.cli import main

    text = "# header\n\nIslamic State fighters seized a village near Aleppo from rebel-held areas."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["analyze", str(path), "--json"]).output)
    sides = {s["text"]: s for s in out["sides"]}
    assert sides["Islamic State fighters"]["id"] == "isis" and sides["rebel-held"]["id"] == "rebels"
    s = sides["rebel-held"]
    assert text[s["start"]:s["end"]] == "rebel-held"


def test_an_offshoot_of_a_side_is_not_that_side():
    assert find("Fighting raged between the Daesh offshoot and government forces.") == \
        [("government forces", "gov", "name")]


def test_a_state_named_with_its_armed_forces_or_as_a_backer_is_a_side():
    from geo.parse import parse

    def ids(text):
        return {m.side for m in parse(text, date="2016-06-20", theatre="syria").sides}
    assert "russia" in ids("With Russia air power overhead, loyalist militias pushed on Tabqa.")
    assert "iran" in ids("Government troops, supported by Hezbollah, Iran and Russia, pushed on Aleppo.")
    assert "turkey" not in ids("Turkey's official news agency put the toll at 85 in Manbij.")


def test_pro_russian_separatists_name_a_side_of_their_own_without_an_earlier_name():
    a = parse("Pro-Russian separatists took the railway hub of Debaltseve after a month of fighting.",
              date="2015-02-18", theatre="ukraine")
    assert {s.side for s in a.sides} == {"dpr"}
    assert [(c.kind, c.actor) for c in a.claims if c.kind == "capture"] == [("capture", "dpr")]


def test_rebels_backed_like_a_named_side_are_that_side():
    def sides(text):
        return [(m.text, m.side) for m in parse(text, theatre="syria").sides]

    found = sides("The SDF pushed into Manbij. US-backed Syrian rebels took part of the town on Monday. "
                  "The rebels were fighting IS near the silos.")
    assert ("Syrian rebels", "kurds") in found and ("rebels", "kurds") in found
    # rebels backed by another patron are the rebels again, and so are the rebels after them
    found = sides("The SDF held Manbij. US-backed Syrian rebels took part of it. Turkish-backed rebels took "
                  "Jarablus. The rebels then moved south.")
    assert found[-1] == ("rebels", "rebels")
    # without the side the profile calls U.S.-backed, they stay rebels
    assert ("rebels", "rebels") in sides("U.S.-backed rebels attacked IS near al-Tanf on Sunday.")
