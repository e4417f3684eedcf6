"""Each document's HTML and summary for the reader: from the cache, else converted.

When the build starts, :meth:`DocumentRenderer.prepare` looks every body up in
the cache (:mod:`.render_cache`); if many are missing, they are converted in
the background (:class:`plugins.common.processes.Background`), on the cores
the build's own process leaves idle while Pelican reads and arranges the
site, one after the other. :meth:`DocumentRenderer.ready` gives what is done
without waiting, :meth:`DocumentRenderer.render` waits for a body (or converts
it there and then, if nobody is converting it), :meth:`DocumentRenderer.finish`
waits for them all. When the build ends, :meth:`DocumentRenderer.save` writes
the cache back.
"""

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from plugins.common.processes import Background, can_fork, cores

from .conversion import Converter, Rendered
from .render_cache import RenderCache

log = logging.getLogger(__name__)

PARALLEL_MIN = "MARKDOWN_PARALLEL_MIN"
"""Setting: convert in the background when more bodies than this are not cached."""
DEFAULT_PARALLEL_MIN = 200


class DocumentRenderer:
    def __init__(self, settings: Mapping[str, Any]) -> None:
        self._cache = RenderCache.for_settings(settings)
        self._converter = Converter(settings["MARKDOWN"])
        self._parallel_min: int = settings.get(PARALLEL_MIN, DEFAULT_PARALLEL_MIN)
        self._background: Background[str, tuple[str, Rendered]] | None = None
        self._pending: dict[str, int] = {}
        """A body being converted in the background → its place there."""
        self._keys: dict[str, str] = {}

    def prepare(self, bodies: Iterable[str]) -> None:
        """Start converting the uncached bodies, if there are many, in the
        order given: the bodies wanted first should come first. With nothing
        cached (a cold build), the conversion starts at once, and the workers
        work out the bodies' keys (a SHA-256 each, 0.1 s at 10,000 bodies)."""
        if self._cache.empty:
            missing = list(dict.fromkeys(bodies))
        else:
            uncached: dict[str, str] = {}
            for body in bodies:
                key = self._key(body)
                if key not in self._cache:
                    uncached.setdefault(key, body)
            missing = list(uncached.values())
        if len(missing) <= self._parallel_min or not can_fork():
            return  # converted one by one as they are read
        workers = cores()
        log.info("Converting %d Markdown bodies in the background", len(missing))
        self._background = Background(self._keyed, missing, workers)
        self._pending = {body: index for index, body in enumerate(missing)}

    def converting(self, body: str) -> bool:
        """Whether the body is still with the background."""
        return body in self._pending

    def ready(self, body: str) -> Rendered | None:
        """The body's HTML and summary if known now, without waiting; None while
        the background is still converting it."""
        index = self._pending.get(body)
        if index is not None and self._background is not None:
            return self.render(body) if self._background.done(index) else None
        return self.render(body)

    def render(self, body: str) -> Rendered:
        """The body's HTML and summary, waiting for the background if need be."""
        index = self._pending.pop(body, None)
        if index is not None and self._background is not None:
            key, rendered = self._background.result(index)
            self._keys[body] = key
        else:
            key = self._key(body)
            cached = self._cache.get(key)
            if cached is not None:
                return cached
            rendered = self._converter(body)
        self._cache.put(key, rendered)
        return rendered

    def finish(self) -> None:
        """Wait for every body converting in the background."""
        background, self._background = self._background, None
        if background is None:
            return
        results = background.results()
        for index in self._pending.values():
            self._cache.put(*results[index])
        self._pending = {}

    def save(self) -> None:
        self.finish()
        self._cache.save()

    def _keyed(self, body: str) -> tuple[str, Rendered]:
        """A body's key and conversion: what a background worker sends back."""
        return self._cache.key(body), self._converter(body)

    def _key(self, body: str) -> str:
        """The body's cache key, worked out once: a body is looked up when it is
        listed, read, made into a document and settled (a SHA-256 each, 8 µs)."""
        key = self._keys.get(body)
        if key is None:
            key = self._keys[body] = self._cache.key(body)
        return key
