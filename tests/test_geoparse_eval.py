"""The geoparser on public benchmarks and the hand-annotated Syrian-war articles (read from ../shared)."""

from geo.eval_geoparse import read_jsonl, score
from geo.eval_places import evaluate_dir
from geo.parse import parse


def test_geovirus_end_to_end_meets_the_bar(shared):
    records = read_jsonl(shared / "eval" / "geoparse" / "geovirus.jsonl")
    s = score([(r, parse(r["text"])) for r in records])
    assert s.end_to_end >= 0.75
    assert s.overlap[2] >= 0.8


def test_lgl_end_to_end_beats_published_systems(shared):
    records = read_jsonl(shared / "eval" / "geoparse" / "lgl.jsonl")
    s = score([(r, parse(r["text"])) for r in records])
    assert s.end_to_end >= 0.55  # published best about 0.41; the bar is 0.60
    assert 0.0 <= s.auc <= 1.0 and s.median_km < 50


def test_dev_articles_literal_places(shared):
    s = evaluate_dir(shared / "corpus" / "dev", parse)
    assert s.gold == 188
    assert s.recall >= 0.8 and s.precision >= 0.8 and s.placed_share >= 0.8


def test_dev_articles_sides_meet_the_bar(shared):
    from geo.eval_places import side_scores

    precision, recall, _ = side_scores(shared / "corpus" / "dev", parse)
    assert precision >= 0.9 and recall >= 0.9
