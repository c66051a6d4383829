"""The gazetteer on the shared list of war-reporting mentions (see its README for the scoring)."""

from geo.eval_toponyms import evaluate


def test_at_least_97_percent_of_mentions_resolve_with_the_theatre(gaz, shared):
    report = evaluate(shared / "eval" / "toponyms-dev.tsv", gaz, theatre_prior=True)
    assert len(report.rows) == 422
    assert report.share() >= 0.97
    for theatre in ("syria", "iraq", "ukraine"):
        assert report.by("theatre")[theatre][0] >= 0.9, theatre


def test_mention_alone_still_resolves_most(gaz, shared):
    report = evaluate(shared / "eval" / "toponyms-dev.tsv", gaz, theatre_prior=False)
    assert report.share() >= 0.93
