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
