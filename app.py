"""Frontline's web page: paste a war report, see its places on a map. A thin page over `geo`."""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from geo import gazetteer as gazetteer_module
from geo.analysis import Analysis
from geo.articles import clean_text
from geo.errors import FrontlineError
from geo.mapview import build_map
from geo.offline import install_vendor
from geo.parse import parse
from geo.store import Store
from geo.theatres import theatres

ROOT = Path(__file__).parent
SAMPLES = ROOT / "assets" / "samples"
NO_SAMPLE = "(none)"
ROLE_COLOURS = {"literal": "#ffe08a", "metonym": "#cfe3ff", "demonym": "#e2e2e2"}
log = logging.getLogger("frontline")


@st.cache_resource(show_spinner="Loading the gazetteer…")
def load_gazetteer() -> gazetteer_module.Gazetteer:
    install_vendor(ROOT / "static" / "vendor")
    path = os.environ.get("FRONTLINE_GAZETTEER")
    return gazetteer_module.load(Path(path) if path else None)


@st.cache_resource
def open_store() -> Store:
    return Store(Path(os.environ.get("FRONTLINE_DB", ROOT / "frontline.db")))


@st.cache_data(show_spinner=False, max_entries=64)
def analyse(text: str, date: str | None, theatre: str | None) -> Analysis:
    return parse(text, date=date, theatre=theatre)


def highlighted(analysis: Analysis) -> str:
    """The article as escaped HTML: places marked by role, sides underlined in their colour."""
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


def places_table(analysis: Analysis) -> list[dict]:
    return [{"as written": t.text, "place": t.place.name, "kind": t.place.kind, "country": t.place.country,
             "lat": round(t.place.lat, 4), "lon": round(t.place.lon, 4), "role": t.role,
             "part": t.sector or "", "confidence": round(t.confidence, 2)}
            for t in analysis.toponyms if t.place]


def _load_sample() -> None:
    sample = st.session_state["sample"]
    if sample != NO_SAMPLE:
        st.session_state["article_text"] = (SAMPLES / f"{sample}.txt").read_text(encoding="utf-8")


def _load_upload() -> None:
    upload = st.session_state["upload"]
    if upload is not None:
        try:
            st.session_state["article_text"] = clean_text(upload.getvalue(), upload.name)
        except FrontlineError as e:
            st.session_state["upload_error"] = str(e)


def _reopen(store: Store, article_id: int) -> None:
    article = store.get(article_id)
    if article is not None:
        st.session_state["article_text"] = article.body
        st.session_state["mapped"] = (article.body, article.date, article.theatre)


def stored_articles(store: Store) -> None:
    articles = store.articles()
    st.markdown(f"**Stored articles** ({len(articles)})")
    for article in articles[:20]:
        cols = st.columns([5, 1, 1])
        cols[0].caption(f"{article.title} · {article.date or 'undated'}")
        cols[1].button("Open", key=f"open-{article.id}", on_click=_reopen, args=(store, article.id))
        cols[2].button("✕", key=f"delete-{article.id}", help="Delete this article",
                       on_click=store.delete, args=(article.id,))


def article_input() -> tuple[str, str | None, str | None, bool]:
    samples = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    with st.sidebar:
        st.selectbox("Sample article", [NO_SAMPLE, *samples], key="sample", on_change=_load_sample)
        st.file_uploader("Or upload an article", type=["txt", "md", "html", "htm"], key="upload",
                         on_change=_load_upload)
        if "upload_error" in st.session_state:
            st.error(st.session_state.pop("upload_error"))
        date = st.date_input("Article date", value=None)
        theatre = st.selectbox("Theatre", ["detect", *sorted(theatres())])
        st.caption("Places: GeoNames (CC BY 4.0), Natural Earth (public domain) and Frontline's own supplement.")
    with st.form("article"):
        text = st.text_area("Article", key="article_text", height=220,
                            placeholder="Paste a news article about an armed conflict…")
        pressed = st.form_submit_button("Map article", type="primary")
    return text, date.isoformat() if date else None, None if theatre == "detect" else theatre, pressed


def show(analysis: Analysis, gaz: gazetteer_module.Gazetteer) -> None:
    pinned = [t for t in analysis.toponyms if t.pinned]
    st.subheader(f"{len(pinned)} places mapped" + (f" · theatre: {analysis.theatre}" if analysis.theatre else ""))
    if not pinned:
        st.info("No place in this text matched the gazetteer.")
    st_folium(build_map(analysis, gaz), key="map", height=520, use_container_width=True, returned_objects=[])
    st.markdown("**The article**")
    st.html(highlighted(analysis))
    rows = places_table(analysis)
    if rows:
        st.markdown("**Places**")
        st.dataframe(rows, hide_index=True, width="stretch")


def main() -> None:
    st.set_page_config(page_title="Frontline", page_icon="🗺️", layout="wide")
    st.title("Frontline")
    st.caption("Paste war reporting; see where it happens.")
    try:
        gaz = load_gazetteer()
        store = open_store()
    except FrontlineError as e:
        st.error(f"Frontline cannot start: {e}")
        st.stop()
    try:
        text, date, theatre, pressed = article_input()
        if pressed:
            st.session_state["mapped"] = (clean_text(text), date, theatre)
            store.save(*st.session_state["mapped"])
        with st.sidebar:
            stored_articles(store)
        if "mapped" not in st.session_state:
            st.info("Paste an article (or pick a sample in the sidebar) and press **Map article** (Ctrl+Enter).")
            return
        with st.spinner("Mapping…"):
            analysis = analyse(*st.session_state["mapped"])
        show(analysis, gaz)
    except FrontlineError as e:
        st.error(str(e))
    except Exception:
        log.exception("Unexpected error while mapping an article")
        st.error("Something went wrong while mapping this article. The error was logged; please try again.")


main()
