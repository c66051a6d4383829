"""Draw a situation on a Folium map: places by kind and holder, zones, fronts, events, distances, a legend."""

from __future__ import annotations

import html
import re

import folium
import numpy as np
import shapely
import shapely.geometry

from geo.analysis import Analysis, Toponym
from geo.claims import Claim
from geo.gazetteer import Gazetteer
from geo.offline import use_local_assets
from geo.place import Place
from geo.situation import Distance, Situation
from geo.theatres import theatres

KIND_GLYPHS = {"country": "◎", "province": "▣", "district": "▢", "city": "●", "town": "●", "village": "•",
               "neighbourhood": "▪", "region": "◆", "facility": "■", "water": "≈", "mountain": "▲"}
EVENT_GLYPHS = {"capture": "⚑", "attack": "⚔", "strike": "✹", "siege": "⊗", "advance": "➤"}
FRONT_COLOUR = "#b30000"
LEGEND_CSS = "<style>.frontline-label{font-size:11px;padding:1px 4px;opacity:.9}</style>"
UNKNOWN_HOLDER = "#555555"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
DATA_ATTRIBUTION = "Places: GeoNames (CC BY 4.0), Natural Earth, Frontline supplement"
BASEMAP_PANE = "frontline_basemap"
BASEMAP_PAD = 3.0  # degrees of outline around the places
BASEMAP_DIGITS = 3  # about 100 m: finer than the outlines themselves
BASEMAP_WIDE = 20.0  # degrees of latitude beyond which only simplified country outlines are drawn
BASEMAP_SIMPLIFY = 0.05  # degrees, for the wide view
BASEMAP_STYLES = {"land": {"stroke": False, "fillColor": "#f3efe6", "fillOpacity": 1.0},
                  "country": {"color": "#4d4d4d", "weight": 1.4, "fill": False},
                  "admin1": {"color": "#8a8a8a", "weight": 0.6, "fill": False, "dashArray": "3"}}
MAX_SENTENCES = 4
MAP_SETUP_JS = "<script>if (window.L) { L.Icon.Default.imagePath = '/app/static/vendor/images/'; }</script>"


def _escape(text: str) -> str:
    """HTML-escape text that folium places inside a JavaScript template literal."""
    return html.escape(text).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def _table(rows: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><th style='text-align:left;padding-right:6px'>{_escape(k)}</th>"
                               f"<td>{_escape(v)}</td></tr>" for k, v in rows) + "</table>"


def _quote(text: str) -> str:
    return f"<blockquote style='margin:6px 0 0;font-style:italic'>{_escape(text)}</blockquote>"


def _popup_html(analysis: Analysis, mentions: list[Toponym], holder: str | None) -> str:
    first = mentions[0]
    p = first.place
    parts = sorted({t.sector for t in mentions if t.sector})
    rows = [
        ("Place", f"{p.name} ({p.kind}, {p.country}{', ' + p.admin1 if p.admin1 else ''})"),
        ("As written", ", ".join(dict.fromkeys(t.text for t in mentions))),
        ("Holder", holder or "unknown"),
        ("Confidence", f"{max(t.confidence for t in mentions):.0%}"),
    ]
    if parts:
        rows.append(("Parts named", ", ".join(parts)))
    if p.from_article:
        rows.append(("Position", f"not in the gazetteer; from {p.source}"))
    sentences = list(dict.fromkeys(analysis.sentence_of(t) for t in mentions))
    quotes = "".join(_quote(q) for q in sentences[:MAX_SENTENCES])
    more = f"<div>… and {len(sentences) - MAX_SENTENCES} more</div>" if len(sentences) > MAX_SENTENCES else ""
    return f"<div class='frontline-popup' style='max-width:320px'>{_table(rows)}{quotes}{more}</div>"


def _marker_html(kind: str, colour: str) -> str:
    return (f"<div class='frontline-marker frontline-{kind}' style='color:{colour};font-size:20px;"
            f"line-height:20px;text-align:center;text-shadow:0 0 3px #fff,0 0 3px #fff'>{KIND_GLYPHS.get(kind, '●')}</div>")


def _point(place: Place, icon: str, anchor: tuple[int, int], tooltip: str, popup: str) -> dict:
    """A GeoJSON point drawn by `_point_layer`: the icon's HTML, its anchor, tooltip and popup (all escaped).

    The place's name also goes, unescaped, to the marker's `title`, which Leaflet sets as a DOM property.
    """
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": {"icon": icon, "anchor": list(anchor), "tooltip": tooltip, "popup": popup,
                           "title": place.name}}


def _point_layer(name: str, features: list[dict]) -> folium.GeoJson:
    # One layer of many markers renders far faster than as many folium Markers (each a template).
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name=name,
        point_to_layer=folium.JsCode(
            "function (f, latlng) { return L.marker(latlng, {title: f.properties.title, icon: L.divIcon({"
            "html: f.properties.icon, className: 'frontline-icon', iconSize: [20, 20], "
            "iconAnchor: f.properties.anchor})}); }"),
        on_each_feature=folium.JsCode(
            "function (f, layer) { layer.bindTooltip(f.properties.tooltip); "
            "layer.bindPopup(f.properties.popup, {maxWidth: 340}); }"))


def _rounded(geom: shapely.Geometry) -> dict:
    return shapely.transform(geom, lambda xy: np.round(xy, BASEMAP_DIGITS)).__geo_interface__


def _basemap(m: folium.Map, gazetteer: Gazetteer, bounds: list[list[float]]) -> None:
    (south, west), (north, east) = bounds
    pad = max(BASEMAP_PAD, (north - south) / 2, (east - west) / 2)
    box = shapely.box(west - pad, south - pad, east + pad, north + pad)
    # Outlines cut to the box around the places keep the page small (a whole Turkey is 100 KB);
    # land is filled without a stroke so the cut edges do not draw as borders. A wide view (no places
    # yet) gets simplified country outlines only.
    wide = north - south + 2 * pad > BASEMAP_WIDE
    features = []
    for code, geom in gazetteer.boundaries_within(south - pad, west - pad, north + pad, east + pad):
        level = "admin1" if "-" in code else "country"
        if wide and level == "admin1":
            continue
        geom = geom.simplify(BASEMAP_SIMPLIFY) if wide else geom
        if level == "country":
            features.append({"type": "Feature", "properties": {"code": code, "level": "land"},
                             "geometry": _rounded(geom.intersection(box))})
        border = geom.boundary.intersection(box)
        if not border.is_empty:
            features.append({"type": "Feature", "properties": {"code": code, "level": level},
                             "geometry": _rounded(border)})
    features.sort(key=lambda f: f["properties"]["level"] != "land")  # land under every border
    folium.map.CustomPane(BASEMAP_PANE, z_index=150, pointer_events=False).add_to(m)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name="Outlines (offline basemap)",
        pane=BASEMAP_PANE, control=False,
        style_function=lambda f: BASEMAP_STYLES[f["properties"]["level"]],
    ).add_to(m)


def _colour(value: str) -> str:
    """A colour fit for a style attribute: profile colours are '#rrggbb'; anything else is grey."""
    return value if re.fullmatch(r"#[0-9a-fA-F]{3,8}", value) else UNKNOWN_HOLDER


def _event_html(kind: str, colour: str) -> str:
    return (f"<div class='frontline-event frontline-event-{kind}' style='color:{colour};background:#fff;"
            f"border:2px solid {colour};border-radius:9px;width:16px;height:16px;font-size:11px;"
            f"line-height:16px;text-align:center'>{EVENT_GLYPHS[kind]}</div>")


def _event_popup(s: Situation, c: Claim) -> str:
    rows = [("Event", c.kind), ("By", s.side_name(c.actor) or "unknown")]
    if c.target_actor:
        rows.append(("Against", s.side_name(c.target_actor)))
    rows += [("Place", c.place.name + (f" ({c.sector})" if c.sector else "")),
             ("Holder", s.holder_text(c.place) or "unknown"),
             ("Confidence", "hedged (reported, not confirmed)" if c.hedged else "stated as fact"),
             ("Date", c.date or s.analysis.date or "undated")]
    return f"<div class='frontline-popup' style='max-width:320px'>{_table(rows)}{_quote(c.evidence)}</div>"


def _shape(geometry: dict, style: dict, tooltip: str, permanent: bool = False) -> dict:
    """A GeoJSON feature drawn by `_shape_layer`: its Leaflet style and its (escaped) tooltip."""
    return {"type": "Feature", "geometry": geometry,
            "properties": {"style": style, "tooltip": tooltip, "permanent": permanent}}


def _shape_layer(name: str, features: list[dict]) -> folium.GeoJson:
    # Each feature carries its own style; a point with a `radius` in its style is drawn as a circle (metres).
    # Permanent labels sit to the right of their anchor: a centred one is placed by its width, which is
    # still 0 while Streamlit's iframe grows, and would stay off to the left.
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name=name,
        point_to_layer=folium.JsCode("function (f, latlng) { return L.circle(latlng, f.properties.style); }"),
        on_each_feature=folium.JsCode(
            "function (f, layer) { layer.bindTooltip(f.properties.tooltip, {permanent: f.properties.permanent, "
            "direction: f.properties.permanent ? 'right' : 'auto', className: 'frontline-label'}); }"))


def _zones(m: folium.Map, s: Situation) -> None:
    if s.zones:
        _shape_layer("Control zones", [
            _shape(shapely.geometry.mapping(z.geometry),
                   {"color": _colour(s.colour(z.side)), "weight": 1, "fillColor": _colour(s.colour(z.side)),
                    "fillOpacity": 0.22},
                   _escape(f"Held by {s.side_name(z.side)} · {z.area_km2:,.0f} km²")) for z in s.zones]).add_to(m)
    if s.fronts:
        _shape_layer("Front lines", [
            _shape(shapely.geometry.mapping(f.geometry), {"color": FRONT_COLOUR, "weight": 3, "dashArray": "8 5"},
                   _escape(f"Front: {s.side_name(f.sides[0])} – {s.side_name(f.sides[1])} · {f.length_km:,.0f} km"))
            for f in s.fronts]).add_to(m)


def _distance_label(s: Situation, d: Distance) -> str:
    if d.approach:
        return f"{d.computed_km:.0f} km: nearest approach of {s.side_name(d.holder)} and {s.side_name(d.side)}"
    label = f"{s.side_name(d.side)} {d.stated_km:g} km (stated)"
    if d.computed_km is not None:
        label += f" · {d.computed_km:.0f} km on the map" + (" ⚠" if d.disagrees else "")
    return label


def _distances(m: folium.Map, s: Situation) -> None:
    features = []
    for d in s.distances:
        colour = _colour(s.colour(d.side))
        label = _escape(_distance_label(s, d))
        lat, lon = d.point
        line = d.towards is not None and d.towards != d.point
        if d.stated_km is not None:
            features.append(_shape({"type": "Point", "coordinates": [lon, lat]},
                                   {"radius": d.stated_km * 1000, "color": colour, "weight": 2, "dashArray": "4 4",
                                    "fill": False}, label, permanent=not line))
        if line:
            # Stated distances are labelled on the map; nearest approaches only on hover, or they crowd it.
            features.append(_shape({"type": "LineString", "coordinates": [[lon, lat],
                                                                          [d.towards[1], d.towards[0]]]},
                                   {"color": colour, "weight": 2, "dashArray": "2 6"}, label,
                                   permanent=not d.approach))
    if features:
        _shape_layer("Distances", features).add_to(m)


def _legend(s: Situation, kinds: set[str], events: set[str]) -> str:
    sides = sorted({*(h.side for h in s.holdings.values()), *(z.side for z in s.zones), *(c.actor for c in s.events if c.actor)})
    rows = [f"<div><span style='display:inline-block;width:12px;height:12px;background:{_colour(s.colour(x))};"
            f"margin-right:5px;opacity:.8'></span>{_escape(s.side_name(x))}</div>" for x in sides]
    rows += [f"<div><span style='display:inline-block;width:14px;text-align:center'>{KIND_GLYPHS.get(k, '●')}"
             f"</span> {_escape(k)}</div>" for k in sorted(kinds)]
    rows += [f"<div><span style='display:inline-block;width:14px;text-align:center'>{EVENT_GLYPHS[k]}</span> "
             f"{_escape(k)}</div>" for k in sorted(events)]
    if s.fronts:
        rows.append(f"<div><span style='display:inline-block;width:14px;border-top:3px dashed {FRONT_COLOUR};"
                    "vertical-align:middle'></span> front line</div>")
    if any(not d.approach for d in s.distances):
        rows.append("<div>◌ stated distance</div>")
    if not sides:
        rows.append(f"<div style='color:{UNKNOWN_HOLDER}'>holder unknown</div>")
    title = "Legend" + (f" · as of {_escape(s.as_of)}" if s.as_of else "")
    return (LEGEND_CSS + "<div class='frontline-legend' style='position:fixed;bottom:28px;right:10px;z-index:1000;"
            "background:rgba(255,255,255,.9);padding:6px 8px;border-radius:4px;font:12px sans-serif;"
            f"box-shadow:0 1px 4px rgba(0,0,0,.3);max-height:45%;overflow:auto'><b>{title}</b>{''.join(rows)}</div>")


def build_map(s: Situation, gazetteer: Gazetteer, local_assets: bool = True) -> folium.Map:
    """A map of a situation: the article's pinned places, zones, fronts, events and distances."""
    analysis = s.analysis
    pinned = [t for t in analysis.toponyms if t.pinned and not t.historical]
    framed = pinned
    profile = theatres().get(analysis.theatre or "")
    if profile is not None:
        # "a Britain-based monitor" stays a place on the map, but the map opens on the war
        region = set(profile.countries + profile.neighbours)
        framed = [t for t in pinned if t.place.country in region] or pinned
    if framed:
        lats = [t.place.lat for t in framed]
        lons = [t.place.lon for t in framed]
        bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]
    else:
        bounds = [[25.0, 20.0], [45.0, 50.0]]
    m = folium.Map(location=None, tiles=None, control_scale=True, prefer_canvas=False)
    if local_assets:
        use_local_assets(m)
    # Nothing on this map needs jQuery (popups are bound by Leaflet itself): one script less to block on.
    m.default_js = [(name, url) for name, url in m.default_js if name != "jquery"]
    m.get_root().html.add_child(folium.Element(MAP_SETUP_JS))
    # The outline basemap lies under the tiles: it shows wherever tiles cannot load or are switched off.
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles", attr=OSM_ATTRIBUTION + " · " + DATA_ATTRIBUTION,
                     overlay=True, control=True).add_to(m)
    _basemap(m, gazetteer, bounds)
    _zones(m, s)
    _distances(m, s)
    by_place: dict[int, list[Toponym]] = {}
    for t in pinned:
        by_place.setdefault(t.place.id, []).append(t)
    places = []
    for mentions in by_place.values():
        place = mentions[0].place
        holder = s.holder(place)
        places.append(_point(
            place, _marker_html(place.kind, _colour(s.colour(holder)) if holder else UNKNOWN_HOLDER), (10, 10),
            _escape(f"{place.name} ({place.kind})" + (f" · {s.side_name(holder)}" if holder else "")),
            _popup_html(analysis, mentions, s.holder_text(place) or None)))
    _point_layer("Places", places).add_to(m)
    events, seen = [], {}
    for c in s.events:
        # Events sit up and to the right of their place's marker, side by side when there are several.
        nth = seen[c.place.id] = seen.get(c.place.id, -1) + 1
        events.append(_point(
            c.place, _event_html(c.kind, _colour(s.colour(c.actor))), (-6 - 20 * nth, 24),
            _escape(f"{c.kind}: {s.side_name(c.actor) or 'unknown'} at {c.place.name}"), _event_popup(s, c)))
    if events:
        _point_layer("Events", events).add_to(m)
    m.get_root().html.add_child(folium.Element(
        _legend(s, {t.place.kind for t in pinned}, {c.kind for c in s.events})))
    folium.LayerControl(collapsed=True).add_to(m)
    if pinned:
        m.fit_bounds(bounds, padding=(30, 30), max_zoom=10)
    else:
        m.fit_bounds(bounds)
    return m
