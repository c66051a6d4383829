import pytest

from geo.articles import MAX_BYTES, clean_text, html_to_text
from geo.errors import InputError


def test_html_is_reduced_to_its_text_without_scripts():
    text = html_to_text("<html><head><title>t</title><style>p{}</style></head><body><p>Shelling in "
                        "<b>Homs</b>.</p><script>alert(1)</script><p>Next</p></body></html>")
    assert "Shelling in Homs." in text and "alert" not in text and "Next" in text


def test_uploaded_files_are_decoded_and_checked():
    assert clean_text("Aleppo".encode(), "a.txt") == "Aleppo"
    assert "Homs" in clean_text(b"<p>Homs</p>", "a.html")
    with pytest.raises(InputError, match="binary"):
        clean_text(b"\x00\x01\x02\x03", "a.txt")
    with pytest.raises(InputError, match="bytes"):
        clean_text(b"a" * (MAX_BYTES + 1), "a.txt")
    with pytest.raises(InputError, match="empty"):
        clean_text("   ")
