"""Frontline's web page: paste a war report, see its places on a map. A thin page over `geo`."""

from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from geo.articles import clean_text
from geo.errors import FrontlineError
from geo.theatres import Theatre, theatres

if TYPE_CHECKING:
    import shapely

    from geo.analysis import Analysis
    from geo.gazetteer import Gazetteer
    from geo.situation import Situation
    from geo.store import Store

ROOT = Path(__file__).parent
SAMPLES = ROOT / "assets" / "samples"
VENDOR = ROOT / "static" / "vendor"
NO_SAMPLE = "(none)"
NOBODY = "(nobody known)"
FIRST_DATE = datetime.date(1900, 1, 1)
log = logging.getLogger("frontline")


# The heavy modules (spaCy, Folium, SciPy) are imported once the input form is on the page, so a
# visitor sees the page while they load; each import runs once per process.


@st.cache_resource(show_spinner="Loading the gazetteer…")
def load_gazetteer() -> Gazetteer:
    from geo import gazetteer
    from geo.offline import install_vendor

    install_vendor(VENDOR)
    path = os.environ.get("FRONTLINE_GAZETTEER")
    return gazetteer.load(Path(path) if path else None)


@st.cache_resource
def open_store() -> Store:
    from geo.store import Store

    return Store(Path(os.environ.get("FRONTLINE_DB", ROOT / "frontline.db")))


@st.cache_data(show_spinner=False, max_entries=64)
def analyse(text: str, date: str | None, theatre: str | None) -> Analysis:
    from geo.parse import parse

    return parse(text, date=date, theatre=theatre)


@st.cache_resource(max_entries=16)
def theatre_outline(theatre: str | None) -> shapely.Geometry | None:
    """The union of a theatre's country outlines, which clips its zones."""
    import shapely

    profile = theatres().get(theatre) if theatre else None
    if profile is None:
        return None
    outlines = [o for o in map(load_gazetteer().boundary, profile.countries) if o is not None]
    return shapely.union_all(outlines) if outlines else None


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
        st.session_state["article_id"] = article.id
        st.session_state.pop("as_of", None)


def _delete(store: Store, article_id: int) -> None:
    store.delete(article_id)
    if st.session_state.get("article_id") == article_id:
        for key in ("mapped", "article_id", "as_of"):
            st.session_state.pop(key, None)


def stored_articles(store: Store) -> None:
    articles = store.articles()
    st.markdown(f"**Stored articles** ({len(articles)})")
    for article in articles[:20]:
        st.caption(f"{article.title} · {article.date or 'undated'}")
        reopen, delete = st.columns(2)
        reopen.button("Open", key=f"open-{article.id}", on_click=_reopen, args=(store, article.id), width="stretch")
        delete.button("Delete", key=f"delete-{article.id}", help="Forget this article and its claims",
                      on_click=_delete, args=(store, article.id), width="stretch")


def article_input() -> tuple[str, str | None, str | None, bool]:
    samples = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    with st.sidebar:
        st.selectbox("Sample article", [NO_SAMPLE, *samples], key="sample", on_change=_load_sample)
        st.file_uploader("Or upload an article", type=["txt", "md", "html", "htm"], key="upload",
                         on_change=_load_upload)
        if "upload_error" in st.session_state:
            st.error(st.session_state.pop("upload_error"))
        # Streamlit's default range ends ten years back; war reporting goes further.
        date = st.date_input("Article date", value=None, min_value=FIRST_DATE, key="article_date")
        theatre = st.selectbox("Theatre", ["detect", *sorted(theatres())])
        st.caption("Places: GeoNames (CC BY 4.0), Natural Earth (public domain) and Frontline's own supplement.")
    with st.form("article"):
        text = st.text_area("Article", key="article_text", height=220,
                            placeholder="Paste a news article about an armed conflict…")
        pressed = st.form_submit_button("Map article", type="primary")
    return text, date.isoformat() if date else None, None if theatre == "detect" else theatre, pressed


def as_of_slider(model) -> str | None:
    """The date the map shows: a slider over the control model's timeline (None: everything known)."""
    days = model.timeline()
    if len(days) < 2:
        return days[0] if days else None
    if st.session_state.get("as_of") not in days:
        st.session_state["as_of"] = days[-1]
    return st.select_slider("Map as of", options=days, key="as_of",
                            help="Holdings, zones and events as every stored article says they stood on that day.")


def _correct(store: Store, kind: str, article_id: int, as_of: str | None) -> None:
    """Store the correction the form describes, read when the button is pressed."""
    from geo.control import HolderCorrection, Site, ToponymCorrection, WrongClaim

    state = st.session_state
    if kind == "toponym":
        t = state["fix-toponym"]
        store.add_correction(ToponymCorrection(article_id, t.start, t.end, state["fix-candidate"]))
    elif kind == "holder":
        side = state["fix-side"]
        store.add_correction(HolderCorrection(Site.of(state["fix-place"]), None if side == NOBODY else side, as_of))
    else:
        store.add_correction(WrongClaim.of(article_id, state["fix-claim"]))


def corrections(s: Situation, store: Store, article_id: int, profile: Theatre | None) -> None:
    """Forms to re-resolve a toponym, set a holder and mark a claim wrong; each is stored at once."""
    from geo.control import CONTESTED

    toponyms = [t for t in s.analysis.toponyms if t.candidates or t.place]
    if toponyms:
        st.markdown("**Another place for a name**")
        t = st.selectbox("Name in the article", toponyms, key="fix-toponym",
                         format_func=lambda t: f"{t.text} (at {t.start}) → {t.place.name if t.place else 'no place'}")
        # The current place first, so that pressing the button by mistake changes nothing.
        options = list(dict.fromkeys([*([t.place] if t.place else []), *t.candidates, None]))
        st.selectbox("Place for this name", options, key="fix-candidate",
                     format_func=lambda p: "no place (not a toponym)" if p is None else
                     f"{p.name} · {p.kind} · {p.country} {p.admin1} ({p.lat:.3f}, {p.lon:.3f})")
        st.button("Use this place", key="fix-toponym-go", on_click=_correct, args=(store, "toponym", article_id, None))
    places = list({t.place.id: t.place for t in s.analysis.toponyms if t.pinned and not t.historical}.values())
    if places:
        st.markdown("**Who holds a place**")
        st.selectbox("Place held", places, key="fix-place", format_func=lambda p: f"{p.name} ({p.kind})")
        sides = [NOBODY, CONTESTED, *(x.id for x in profile.sides)] if profile else [NOBODY, CONTESTED]
        st.selectbox("Holder", sides, key="fix-side",
                     format_func=lambda x: x if x in (NOBODY, CONTESTED) else s.side_name(x))
        st.button("Set holder" + (f" from {s.as_of} on" if s.as_of else ""), key="fix-holder-go",
                  on_click=_correct, args=(store, "holder", article_id, s.as_of))
    if s.claims:
        st.markdown("**A claim that is wrong**")
        st.selectbox("Claim", s.claims, key="fix-claim", format_func=lambda c: (
            f"{c.kind}: {s.side_name(c.actor) or '?'} at {c.place.name if c.place else '?'} · {c.evidence[:60]}"))
        st.button("Mark wrong", key="fix-claim-go", on_click=_correct, args=(store, "claim", article_id, None))


def exports(s: Situation, gaz: Gazetteer) -> None:
    """Download buttons; each file is made only when its button is pressed."""
    from geo import export
    from geo.mapview import build_map
    from geo.tables import claim_rows, distance_rows, place_rows

    st.download_button("GeoJSON (places, claims, zones, fronts)", lambda: export.geojson_text(s),
                       file_name="frontline.geojson", mime="application/geo+json", on_click="ignore",
                       key="export-geojson")
    for name, rows in (("places", place_rows), ("claims", claim_rows), ("distances", distance_rows)):
        st.download_button(f"CSV of {name}", lambda rows=rows: export.csv_text(rows(s)), file_name=f"{name}.csv",
                           mime="text/csv", on_click="ignore", key=f"export-{name}")
    st.download_button("Map as a standalone HTML file", lambda: export.standalone_html(build_map(s, gaz),
                                                                                       vendor=VENDOR),
                       file_name="frontline-map.html", mime="text/html", on_click="ignore", key="export-html",
                       help="Leaflet is inlined: the file opens offline (tiles need a network; outlines do not).")


def draw_map(s: Situation, gaz: Gazetteer) -> None:
    from streamlit_folium import st_folium

    from geo.mapview import build_map

    st_folium(build_map(s, gaz), key="map", height=560, use_container_width=True, returned_objects=[])


def heading(s: Situation) -> None:
    pinned = {t.place.id for t in s.analysis.toponyms if t.pinned}
    st.subheader(f"{len(pinned)} place{'' if len(pinned) == 1 else 's'} mapped"
                 + (f" · theatre: {s.analysis.theatre}" if s.analysis.theatre else ""))
    if not pinned:
        st.info("No place in this text matched the gazetteer.")
    for problem in s.problems:
        st.warning(problem)


def side_panel(s: Situation, gaz: Gazetteer, store: Store, article_id: int) -> None:
    from geo.highlight import highlighted_html
    from geo.tables import claim_rows, distance_rows, place_rows

    tabs = st.tabs(["Article", "Places", "Claims", "Distances", "Correct", "Export"])
    with tabs[0]:
        st.html(highlighted_html(s.analysis))
    for tab, rows, empty in ((tabs[1], place_rows(s), "No place found."),
                             (tabs[2], claim_rows(s), "No claim found (as of this date)."),
                             (tabs[3], distance_rows(s), "No stated distance and no hostile sides held.")):
        with tab:
            if rows:
                st.dataframe(rows, hide_index=True, width="stretch")
            else:
                st.caption(empty)
    with tabs[4]:
        corrections(s, store, article_id, theatres().get(s.analysis.theatre or ""))
    with tabs[5]:
        exports(s, gaz)


def main() -> None:
    st.set_page_config(page_title="Frontline", page_icon="🗺️", layout="wide")
    st.title("Frontline")
    st.caption("Paste war reporting; see where it happens.")
    try:
        text, date, theatre, pressed = article_input()
        gaz = load_gazetteer()
        store = open_store()
    except FrontlineError as e:
        st.error(f"Frontline cannot start: {e}")
        st.stop()
    # The same layout in every state, so the map stays one element that redraws rather than a new one.
    top = st.container()  # messages, the date slider and the heading
    left, right = st.columns([3, 2])
    try:
        from geo.analysis import Analysis
        from geo.situation import situation, theatre_model

        if pressed:
            st.session_state["mapped"] = (clean_text(text), date, theatre)
            st.session_state["article_id"] = store.save(*st.session_state["mapped"])
            st.session_state.pop("as_of", None)
        with st.sidebar:
            stored_articles(store)
        if "mapped" not in st.session_state:
            top.info("Paste an article (or pick a sample in the sidebar) and press **Map article** (Ctrl+Enter).")
            with left:
                draw_map(situation(Analysis("", None, None, ()), None), gaz)  # the region, before any article
            return
        with top:
            with st.spinner("Mapping…"):
                analysis = analyse(*st.session_state["mapped"])
            article_id = st.session_state["article_id"]
            if pressed:
                store.save_claims(article_id, analysis.claims, date=analysis.date, theatre=analysis.theatre)
            model = theatre_model(store, analysis.theatre)
            as_of = as_of_slider(model)
            s = situation(analysis, theatres().get(analysis.theatre or ""), as_of=as_of, model=model,
                          corrections=[c.correction for c in store.corrections()], article_id=article_id,
                          boundary=theatre_outline(analysis.theatre))
            heading(s)
        with left:
            draw_map(s, gaz)
        with right:
            side_panel(s, gaz, store, article_id)
    except FrontlineError as e:
        top.error(str(e))
    except Exception:
        log.exception("Unexpected error while mapping an article")
        top.error("Something went wrong while mapping this article. The error was logged; please try again.")


main()
