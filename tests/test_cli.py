import json

from click.testing import CliRunner

from geo.cli import main


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_help_lists_the_subcommands():
    out = run("--help").output
    for command in ("analyze", "places", "eval", "build"):
        assert command in out


def test_places_json(gaz):
    rows = json.loads(run("places", "Deir al-Zour", "--json", "--limit", "2").output)
    assert rows[0]["country"] == "SY" and rows[0]["kind"] == "city"
    assert set(rows[0]) >= {"id", "name", "alternates", "lat", "lon", "kind", "country", "admin1", "population",
                            "source"}


def test_analyze_json_fields_and_offsets(tmp_path):
    text = "# title: test\n\nIslamic State fighters advanced on northern Aleppo, Syria."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    out = json.loads(run("analyze", str(path), "--date", "2015-10-16", "--json").output)
    assert "theatre" in out
    names = {t["text"]: t for t in out["toponyms"]}
    aleppo = names["Aleppo"]
    assert text[aleppo["start"]:aleppo["end"]] == "Aleppo"
    assert aleppo["sector"] == "north" and aleppo["country"] == "SY" and aleppo["role"] == "literal"
    for field in ("start", "end", "text", "name", "lat", "lon", "kind", "country", "role", "sector",
                  "confidence", "candidates"):
        assert field in aleppo


def test_analyze_jsonl_batch_keeps_ids(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                              [("a", "Rebels near Homs."), ("b", "Shelling in Kharkiv.")]), encoding="utf-8")
    lines = [json.loads(x) for x in run("analyze", "--jsonl", str(path)).output.splitlines() if x.startswith("{")]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert lines[1]["toponyms"][0]["country"] == "UA"


def test_bad_date_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Aleppo", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(path), "--date", "yesterday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_analyze_json_has_claims_and_eval_claims_scores_a_gold_folder(tmp_path):
    text = ("# title: test\n\nIslamic State fighters seized Manbij from Kurdish forces on Tuesday. "
            "Russian jets bombed Idlib.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    claims = json.loads(run("analyze", str(tmp_path / "a.txt"), "--date", "2016-08-12", "--json").output)["claims"]
    capture = next(c for c in claims if c["kind"] == "capture")
    assert {k: capture[k] for k in ("actor", "target_actor", "place", "date", "hedged", "historical")} == {
        "actor": "isis", "target_actor": "kurds", "place": "Manbij", "date": "2016-08-09", "hedged": False,
        "historical": False}
    assert text[capture["start"]:capture["end"]] == capture["evidence"]
    gold = {"date": "2016-08-12", "factions": ["isis", "kurds", "russia"],
            "places": [{"mention": "Manbij", "name": "Manbij", "lat": 36.5281, "lon": 37.9549},
                       {"mention": "Idlib", "name": "Idlib", "lat": 35.9306, "lon": 36.6339}],
            "claims": [{"kind": "capture", "actor": "isis", "place": "Manbij", "evidence": "seized Manbij"},
                       {"kind": "strike", "actor": "russia", "place": "Idlib", "evidence": "bombed Idlib"},
                       {"kind": "siege", "actor": "kurds", "place": "Manbij", "evidence": "Kurdish forces"}]}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    out = run("eval", "claims", str(tmp_path)).output
    assert "sides: precision 1.000, recall 1.000" in out
    assert "overall         1.000   0.667   2/2/3" in out
