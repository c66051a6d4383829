"""The highlighted article: every place and side marked, every character of the article escaped."""

from geo.highlight import highlighted_html
from geo.parse import parse


def test_places_and_sides_are_marked_and_markup_is_shown_as_text():
    a = parse("# title: x\n\n<img src=x onerror=alert(1)> Islamic State fighters seized Manbij.", date="2016-08-12")
    out = highlighted_html(a)
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<mark style='background:#ffe08a' title='Manbij, SY (literal)'>Manbij</mark>" in out
    assert "border-bottom:3px solid #222222' title='Islamic State'>Islamic State fighters</span>" in out
    assert "title: x" not in out  # the header is not part of the article shown
