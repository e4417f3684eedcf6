"""The pages Pelican's writer wrote in this build, by their output names.

Plugins that list the site's pages at ``finalized`` ask here rather than read
the output folder: pages are rendered at the very end of a build, and an
incremental build's folder holds only the pages that changed
(``plugins.incremental``).
"""

from typing import Any

from pelican import signals

_written: set[str] = set()


def track_pages() -> None:
    """Start noting written pages (a plugin's ``register``; once is enough)."""
    signals.initialized.connect(_forget)
    signals.content_written.connect(_note)


def written_pages() -> frozenset[str]:
    return frozenset(_written)


def _forget(_pelican: Any) -> None:
    _written.clear()


def _note(_path: str, context: dict[str, Any]) -> None:
    _written.add(context["output_file"])
