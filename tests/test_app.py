"""The page without a browser (Streamlit's AppTest): start-up errors, bad input, a mapped sample."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def run_app(monkeypatch, tmp_path, **env):
    st.cache_resource.clear()  # AppTest runs in this process: each test starts the page afresh
    st.cache_data.clear()
    monkeypatch.setenv("FRONTLINE_DB", str(env.pop("db", tmp_path / "app.db")))
    for key, value in env.items():
        monkeypatch.setenv(key, str(value))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def submit(at, text):
    at.text_area(key="article_text").set_value(text)
    at.button(key="FormSubmitter:article-Map article").click()
    return at.run()


def test_an_unreadable_database_gives_a_clear_message(monkeypatch, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database " * 100)
    at = run_app(monkeypatch, tmp_path, db=bad)
    assert "Frontline cannot start" in at.error[0].value and "left untouched" in at.error[0].value
    assert not at.exception
    assert bad.read_bytes() == b"not a database " * 100


def test_missing_gazetteer_data_gives_a_clear_message(monkeypatch, tmp_path):
    at = run_app(monkeypatch, tmp_path, FRONTLINE_GAZETTEER=tmp_path / "nowhere.marshal")
    assert "python -m gazetteer.build" in at.error[0].value
    assert not at.exception


def test_a_sample_is_mapped_and_stored(monkeypatch, tmp_path):
    at = run_app(monkeypatch, tmp_path)
    at.selectbox(key="sample").set_value("syria-aleppo-2015").run()
    at = submit(at, at.text_area(key="article_text").value)
    assert not at.exception and not at.error
    assert "places mapped" in at.subheader[0].value and "syria" in at.subheader[0].value
    at.run()
    assert any("Islamic State pushes" in c.value for c in at.sidebar.caption)


@pytest.mark.parametrize("text, message", [("   ", "empty"), ("Aleppo " * 200_000, "bytes")])
def test_bad_input_gets_a_message_not_a_traceback(monkeypatch, tmp_path, text, message):
    at = submit(run_app(monkeypatch, tmp_path), text)
    assert not at.exception
    assert message in at.error[0].value


OLD = "Islamic State fighters hold the Syrian towns of Palmyra and Raqqa, the Syrian Observatory said."
NEW = "Syrian government forces captured Palmyra from Islamic State on Sunday, state media said."


def choose(at, key, label):
    """Select the option whose label starts with `label`."""
    box = at.selectbox(key=key)
    box.select_index(next(n for n, o in enumerate(box.options) if o.startswith(label)))


def map_dated(at, text, day):
    at.date_input(key="article_date").set_value(day)
    return submit(at, text)


def map_json(at) -> str:
    return next(e.proto.json_args for e in at.main if getattr(e, "type", "") == "custom_component"
                or "json_args" in dir(getattr(e, "proto", None)))


def test_the_date_slider_shows_the_map_as_of_each_date(monkeypatch, tmp_path):
    from datetime import date

    at = run_app(monkeypatch, tmp_path)
    at = map_dated(at, OLD, date(2016, 3, 1))
    at = map_dated(at, NEW, date(2016, 3, 28))
    assert not at.exception and not at.error
    slider = at.select_slider(key="as_of")
    assert list(slider.options) == ["2016-03-01", "2016-03-27"] and slider.value == "2016-03-27"
    places = at.dataframe[0].value
    assert places.set_index("place").loc["Palmyra", "holder"] == "Syrian government"
    later = map_json(at)
    at = slider.set_value("2016-03-01").run()
    assert at.dataframe[0].value.set_index("place").loc["Palmyra", "holder"] == "Islamic State"
    earlier = map_json(at)
    assert "as of 2016-03-01" in earlier and "as of 2016-03-27" in later
    assert "#d62728" in later and "#d62728" not in earlier.split("frontline-legend")[0]  # Palmyra's red marker


def test_a_correction_persists_across_a_restart(monkeypatch, tmp_path):
    at = run_app(monkeypatch, tmp_path)
    at = submit(at, OLD)
    choose(at, "fix-place", "Palmyra")
    choose(at, "fix-side", "Syrian rebels")
    at = at.button(key="fix-holder-go").click().run()
    assert not at.exception
    assert at.dataframe[0].value.set_index("place").loc["Palmyra", "holder"] == "Syrian rebels"
    # A new page process on the same database file: open the stored article again.
    at = run_app(monkeypatch, tmp_path)
    [open_button] = [b for b in at.sidebar.button if b.key and b.key.startswith("open-")]
    at = open_button.click().run()
    assert at.dataframe[0].value.set_index("place").loc["Palmyra", "holder"] == "Syrian rebels"
