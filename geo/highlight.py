"""The article as HTML with its places marked by role and its sides underlined in their colour."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from geo.theatres import theatres

if TYPE_CHECKING:
    from geo.analysis import Analysis

ROLE_COLOURS = {"literal": "#ffe08a", "metonym": "#cfe3ff", "demonym": "#e2e2e2"}


def highlighted_html(analysis: Analysis) -> str:
    """The article body as escaped HTML: places marked by role, sides underlined in their colour."""
    profile = theatres().get(analysis.theatre) if analysis.theatre else None
    marks = []
    for t in analysis.toponyms:
        title = f"{t.place.name}, {t.place.country} ({t.role})" if t.place else t.role
        marks.append((t.start, t.end, f"<mark style='background:{ROLE_COLOURS[t.role]}' "
                                      f"title='{html.escape(title, quote=True)}'>", "</mark>"))
    for m in analysis.sides:
        side = profile.side(m.side) if profile else None
        colour, name = (side.colour, side.name) if side else ("#555", m.side)
        marks.append((m.start, m.end, f"<span style='border-bottom:3px solid {colour}' "
                                      f"title='{html.escape(name, quote=True)}'>", "</span>"))
    out, pos = [], analysis.body_start
    for start, end, opening, closing in sorted(marks):
        if start < pos:
            continue  # overlapping marks: the first one wins
        out += [html.escape(analysis.text[pos:start]), opening, html.escape(analysis.text[start:end]), closing]
        pos = end
    out.append(html.escape(analysis.text[pos:]))
    return "<div style='white-space:pre-wrap;line-height:1.6'>" + "".join(out) + "</div>"
