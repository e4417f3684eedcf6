"""Which documents' bodies a template read while it rendered one page.

Pelican hands templates the whole site (``articles``, ``dates`` …), so which
bodies a page shows is only known by watching: every read of a document's
content or summary goes through ``Content.get_content``/``get_summary``,
and while a page renders those reads are noted.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pelican.contents import Content

WATCHED = ("get_content", "get_summary")


class BodyReads:
    def __init__(self) -> None:
        self._noted: set[str] | None = None

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        """Note reads until the block ends; the set holds the source paths read."""
        outer, self._noted = self._noted, set()
        try:
            yield self._noted
        finally:
            self._noted = outer

    def note(self, source_path: str | None) -> None:
        if self._noted is not None and source_path:
            self._noted.add(source_path)


READS = BodyReads()


def _watched(name: str, method: Any) -> Callable[..., str]:
    bound = method.__get__  # plain function or Pelican's ``memoized`` descriptor

    def read(self: Content, siteurl: str) -> str:
        READS.note(self.source_path)
        return bound(self, type(self))(siteurl)

    read.__name__ = name
    read.watches_bodies = True  # type: ignore[attr-defined]
    return read


def watch_bodies() -> None:
    """Route Pelican's body reads through :data:`READS` (once per process)."""
    for name in WATCHED:
        method = Content.__dict__[name]
        if not getattr(method, "watches_bodies", False):
            setattr(Content, name, _watched(name, method))
