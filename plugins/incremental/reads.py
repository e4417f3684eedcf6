"""Which documents' bodies a template read while it rendered one page, and
which views of them (:mod:`.views`) it read, with their text.

Pelican hands templates the whole site (``articles``, ``dates`` …), so which
bodies a page shows is only known by watching: every read of a document's
content or summary goes through ``Content.get_content``/``get_summary``,
and while a page renders those reads are noted.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pelican.contents import Content

WATCHED = {"get_content": "content", "get_summary": "summary"}
"""Pelican's methods that read a body → the view each gives."""


@dataclass
class Reads:
    documents: set[str] = field(default_factory=set)
    """Source paths of the documents whose body was read."""
    views: list[tuple[str, str, str]] = field(default_factory=list)
    """(source path, view, text) of each view read, in order."""


class BodyReads:
    def __init__(self) -> None:
        self._reads: Reads | None = None
        self._inner = 0

    @contextmanager
    def recording(self) -> Iterator[Reads]:
        """Note reads until the block ends."""
        outer, self._reads = self._reads, Reads()
        try:
            yield self._reads
        finally:
            self._reads = outer

    def repeat(self, reads: Reads) -> None:
        """Note again what ``reads`` noted: a fragment made once and shown again
        (:mod:`.fragments`)."""
        current = self._reads
        if current is None:
            return
        current.documents |= reads.documents
        if not self._inner:
            current.views += reads.views

    def inside_view(self) -> "_InsideView":
        """Reads that make a view: their documents are noted, not their text,
        which the page does not show as it is (``with READS.inside_view():``)."""
        return _InsideView(self)

    def note(self, source_path: str | None, view: str, text: str) -> None:
        reads = self._reads
        if reads is None or not source_path:
            return
        reads.documents.add(source_path)
        if not self._inner:
            reads.views.append((source_path, view, text))


class _InsideView:
    """A plain context manager: entered for every summary a page shows, where
    a generator-based one costs more than the read itself."""

    __slots__ = ("_reads",)

    def __init__(self, reads: BodyReads) -> None:
        self._reads = reads

    def __enter__(self) -> None:
        self._reads._inner += 1

    def __exit__(self, *exc: object) -> None:
        self._reads._inner -= 1


READS = BodyReads()


def _watched(name: str, method: Any) -> Callable[..., str]:
    bound = method.__get__  # plain function or Pelican's ``memoized`` descriptor
    view = WATCHED[name]

    def read(self: Content, siteurl: str) -> str:
        with READS.inside_view():  # get_summary may read the content
            text = bound(self, type(self))(siteurl)
        READS.note(self.source_path, view, text)
        return text

    read.__name__ = name
    read.watches_bodies = True  # type: ignore[attr-defined]
    return read


def watch_bodies() -> None:
    """Route Pelican's body reads through :data:`READS` (once per process)."""
    for name in WATCHED:
        method = Content.__dict__[name]
        if not getattr(method, "watches_bodies", False):
            setattr(Content, name, _watched(name, method))
