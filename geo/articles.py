"""Turn what a person pastes or uploads into article text, or say clearly why not."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from geo.errors import InputError

MAX_BYTES = 1_000_000
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                     "header", "footer", "blockquote"})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page: scripts and styles dropped, blocks on their own lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def clean_text(data: bytes | str, filename: str = "") -> str:
    """Article text from pasted text or an uploaded file (.txt, .md, .html)."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise InputError(f"The file is {len(data):,} bytes; Frontline reads articles up to {MAX_BYTES:,} bytes.")
        if b"\x00" in data[:4096]:
            raise InputError("This file looks binary (it holds NUL bytes); upload the article as .txt, .md or .html.")
        text = data.decode("utf-8", errors="replace")
    else:
        text = data
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise InputError(f"The article is over {MAX_BYTES:,} bytes; paste a shorter text.")
    if filename.lower().endswith((".html", ".htm")) or re.match(r"\s*<(!doctype|html)", text[:200], re.I):
        text = html_to_text(text)
    if not text.strip():
        raise InputError("The article is empty: paste or upload some text to map.")
    return text
