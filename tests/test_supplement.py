import json

from shapely.geometry import shape

from gazetteer import supplement
from gazetteer.boundaries import OUTPUT


def test_every_supplement_row_lies_in_its_stated_country():
    rows = supplement.read_all()
    countries = {c: shape(g) for c, g in json.loads(OUTPUT.read_text(encoding="utf-8"))["countries"].items()}
    assert supplement.misplaced(rows, countries) == []


def test_supplement_is_large_for_the_main_theatres_and_has_no_repeats():
    rows = supplement.read_all()
    assert supplement.duplicates(rows) == []
    by_country = {}
    for r in rows:
        by_country[r.country] = by_country.get(r.country, 0) + 1
    for country in ("SY", "IQ", "UA", "LY", "YE", "SD"):
        assert by_country[country] >= 180, country
    assert {r.kind for r in rows} >= {"facility", "neighbourhood", "region", "water", "mountain", "village"}


def test_a_name_qualified_to_tell_namesakes_apart_answers_to_its_bare_name(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(",".join(supplement.COLUMNS) + "\nZara (Hama),al-Zarah,village,SY,Hama,34.96,36.65\n",
                    encoding="utf-8")
    (row,) = supplement.read(path)
    assert (row.name, row.alternates) == ("Zara (Hama)", ("Zara", "al-Zarah"))
