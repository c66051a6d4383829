import folium

from geo.mapview import build_map
from geo.parse import parse


def test_map_has_a_marker_per_place_with_escaped_popups(gaz):
    a = parse("Rebels <b>held</b> Aleppo and Homs; <script>x()</script> Moscow says so.")
    m = build_map(a, gaz)
    markers = [c for c in m._children.values() if isinstance(c, folium.FeatureGroup)][0]._children.values()
    locations = sorted(tuple(round(v, 2) for v in mk.location) for mk in markers)
    assert locations == sorted([(36.2, 37.16), (34.72, 36.73)])  # (lat, lon): Moscow is a metonym
    page = m.get_root().render()
    assert "<script>x()</script>" not in page and "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "/app/static/vendor/leaflet.js" in page and "cdn.jsdelivr" not in page
    assert "OpenStreetMap" in page and "GeoNames" in page
