"""Documents that Pelican makes before their bodies are converted.

While the bodies convert in the background (:mod:`.rendering`), Pelican goes on
reading the documents: one whose HTML is not ready yet is made with an empty
body and, without a summary of its own, no summary. It gets both the first time
anything asks for them, through Pelican's own ``_get_content`` hook and an
instance's ``get_summary``, and at the latest when every page is about to be
rendered (:meth:`LateBodies.settle_all`). It then holds exactly what it would
have held had it been read with its HTML, as Pelican's reader and generator
would have made it (summary links brought up to date, empty ``alt`` noted).

A body that links static files (``{static}``, ``{attach}``) is converted when
it is read, for Pelican lists those files as it reads each document.
"""

import re
from collections.abc import Mapping
from functools import partial
from typing import Any

from pelican.contents import Content
from pelican.readers import find_empty_alt

from .rendering import DocumentRenderer

_STATIC_KINDS = frozenset({"static", "attach"})


def links_static_files(body: str, settings: Mapping[str, Any]) -> bool:
    """Whether the body may link a static file, which Pelican must know when it reads it."""
    if not any(kind in body for kind in _STATIC_KINDS):  # no link can name one: 2 µs, not 8
        return False
    markers = re.compile(settings["INTRASITE_LINK_REGEX"])
    return any(match.group("what") in _STATIC_KINDS for match in markers.finditer(body))


class LateBodies:
    """The build's documents still waiting for their bodies, by identity."""

    def __init__(self, renderer: DocumentRenderer) -> None:
        self._renderer = renderer
        self._waiting: dict[int, Content] = {}

    def converting(self, body: str) -> bool:
        return self._renderer.converting(body)

    def hold(self, content: Content) -> None:
        """Have ``content`` (just made, its body still converting) get its body when asked."""
        self._waiting[id(content)] = content
        content._get_content = partial(self._settled_content, content)
        if "summary" not in content.metadata:
            content.get_summary = partial(self._settled_summary, content)

    def settle(self, content: Content) -> None:
        """Put the body's HTML, and summary if it has none of its own, in place."""
        if self._waiting.pop(id(content), None) is None:
            return
        html, first_paragraph = self._renderer.render(content.record.body)
        del content._get_content
        content._content = html
        if "get_summary" in vars(content):
            del content.get_summary
            content.metadata["summary"] = content._summary = first_paragraph
            content.refresh_metadata_intersite_links()
        if html:
            find_empty_alt(html, content.source_path)

    def settle_all(self) -> None:
        for content in list(self._waiting.values()):
            self.settle(content)

    def _settled_content(self, content: Content) -> str:
        self.settle(content)
        return content._content

    def _settled_summary(self, content: Content, siteurl: str) -> str:
        self.settle(content)
        return content.get_summary(siteurl)
