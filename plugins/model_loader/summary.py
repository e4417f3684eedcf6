"""A document's default summary: its first paragraph that has any text.

:func:`first_paragraph_soup` is the definition: BeautifulSoup (``html.parser``)
over the whole HTML, the first ``<p>`` whose stripped text is not empty, as
BeautifulSoup writes it. :func:`first_paragraph` gives the same string, byte for
byte, without building the tree of the whole document:

1. Markdown's usual first block, ``<p>`` + plain text + ``</p>`` at offset 0,
   is written by BeautifulSoup exactly as it stands: it is returned as is.
2. Otherwise the same tokenizer BeautifulSoup uses (``html.parser``) walks the
   HTML, mirroring BeautifulSoup's stack of open elements, to the end tag of
   the first paragraph; only that paragraph goes through BeautifulSoup. When
   the paragraph's parse could depend on what surrounds it (an end tag that
   closes an outer element, a ``<pre>`` around it, a stray end tag of a void
   element…), or the walk finds nothing certain, the whole HTML goes through
   :func:`first_paragraph_soup`.
"""

import re
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from bs4.builder import HTMLParserTreeBuilder

_PLAIN_FIRST = re.compile(r"<p>([^<>&]*)</p>")
_END_TAG = re.compile(r"</p\s*>", re.IGNORECASE)
_VOID = frozenset(HTMLParserTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS or ())
# Ancestors that change how BeautifulSoup stores the strings inside them.
_CONTEXTUAL = frozenset(HTMLParserTreeBuilder.DEFAULT_PRESERVE_WHITESPACE_TAGS) | frozenset(
    HTMLParserTreeBuilder.DEFAULT_STRING_CONTAINERS
)


def first_paragraph_soup(html: str) -> str:
    """The reference: BeautifulSoup over the whole document."""
    for paragraph in BeautifulSoup(html, "html.parser").find_all("p"):
        if paragraph.get_text(strip=True):
            return str(paragraph)
    return ""


def first_paragraph(html: str) -> str:
    """The same string as :func:`first_paragraph_soup`, found cheaply."""
    plain = _PLAIN_FIRST.match(html)
    if plain and plain.group(1).strip():
        return plain.group(0)
    scan = _ParagraphScan(html)
    try:
        scan.feed(html)
        scan.close()
    except _ScanOverError as over:
        paragraph = over.paragraph
    except Exception:  # markup that html.parser rejects: BeautifulSoup will say
        paragraph = None
    else:
        paragraph = "" if scan.candidate is None else None  # None: left open at the end
    return first_paragraph_soup(html) if paragraph is None else paragraph


class _ScanOverError(Exception):
    """Ends the walk with the paragraph, or with None: only BeautifulSoup can tell."""

    def __init__(self, paragraph: str | None = None) -> None:
        super().__init__()
        self.paragraph = paragraph


class _ParagraphScan(HTMLParser):
    """Tracks BeautifulSoup's open elements up to the first non-empty paragraph.

    BeautifulSoup pushes every start tag except void ones, and an end tag pops
    up to the latest open element of its name (or does nothing). The candidate
    is the first paragraph not yet known to be empty; it is settled when its
    own ``</p>`` closes it.
    """

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)  # as BeautifulSoup's parser
        self._html = html
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._open: list[str] = []
        self.candidate: tuple[int, int] | None = None  # (stack index, offset)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if tag == "p" and self.candidate is None:
            if _CONTEXTUAL.intersection(self._open):
                raise _ScanOverError
            self.candidate = (len(self._open), self._offset())
        self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """``<x/>``: BeautifulSoup opens and closes it at once, void or not; an
        empty ``<p/>`` is never the summary. Nothing changes."""

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            if self.candidate is not None:
                raise _ScanOverError  # may or may not split the strings around it
            return
        if tag not in self._open:
            return
        depth = len(self._open) - 1 - self._open[::-1].index(tag)
        del self._open[depth:]
        if self.candidate is not None and depth <= self.candidate[0]:
            if depth < self.candidate[0]:
                raise _ScanOverError  # an outer element's end tag closed the paragraph
            self._settle(self.candidate[1], self._offset())

    def _settle(self, start: int, end_tag: int) -> None:
        end = _END_TAG.match(self._html, end_tag)
        if end is None:
            raise _ScanOverError
        self.candidate = None
        paragraph = BeautifulSoup(self._html[start : end.end()], "html.parser").p
        if paragraph is None:
            raise _ScanOverError
        if paragraph.get_text(strip=True):
            raise _ScanOverError(str(paragraph))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column
