"""Each document's HTML and summary for the reader: from the cache, else converted.

When the build starts, :meth:`DocumentRenderer.prepare` looks every body up in
the cache (:mod:`.render_cache`); if many are missing, they are converted on
every core at once (:func:`.conversion.convert_all`), so that the reader finds
them ready. A body still missing when read is converted there and then. When
the build ends, :meth:`DocumentRenderer.save` writes the cache back.
"""

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from plugins.common.processes import cores

from .conversion import Converter, Rendered, convert_all
from .render_cache import RenderCache

log = logging.getLogger(__name__)

PARALLEL_MIN = "MARKDOWN_PARALLEL_MIN"
"""Setting: convert in parallel when more bodies than this are not cached."""
DEFAULT_PARALLEL_MIN = 200


class DocumentRenderer:
    def __init__(self, settings: Mapping[str, Any]) -> None:
        self._cache = RenderCache.for_settings(settings)
        self._converter = Converter(settings["MARKDOWN"])
        self._parallel_min: int = settings.get(PARALLEL_MIN, DEFAULT_PARALLEL_MIN)

    def prepare(self, bodies: Iterable[str]) -> None:
        """Convert the uncached bodies now, on every core, if there are many."""
        missing: dict[str, str] = {}
        for body in bodies:
            key = self._cache.key(body)
            if key not in self._cache:
                missing.setdefault(key, body)
        if len(missing) <= self._parallel_min:
            return  # converted one by one as they are read
        workers = cores()
        log.info("Converting %d Markdown bodies on %d cores", len(missing), workers)
        rendered = convert_all(list(missing.values()), self._converter, workers)
        for key, result in zip(missing, rendered, strict=True):
            self._cache.put(key, result)

    def render(self, body: str) -> Rendered:
        key = self._cache.key(body)
        rendered = self._cache.get(key)
        if rendered is None:
            rendered = self._converter(body)
            self._cache.put(key, rendered)
        return rendered

    def save(self) -> None:
        self._cache.save()
