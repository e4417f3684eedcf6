"""Incremental builds: a page is rendered again only when what it shows changed.

``tasks.build_site`` skips a build whose inputs are untouched (:mod:`.stamp`)
and hands the writer the previous output; the writer (:mod:`.writer`) renders
only the pages whose inputs changed, records which documents' bodies each
rendered page read (:mod:`.reads`), and the changed files are then brought
into the output (:mod:`.apply`). Edits to bodies alone do without Pelican:
their new views replace the old ones where pages show them (:mod:`.views`,
:mod:`.spans`, :mod:`.body_edits`). The result is byte-identical to a cold build.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "BodyEdits": ".body_edits",
    "BuildState": ".state",
    "IncrementalOptions": ".state",
    "Inputs": ".stamp",
    "StagedBuild": ".apply",
    "discard": ".apply",
    "edit_bodies": ".body_edits",
    "keep_unchanged": ".writer",
    "load_state": ".state",
    "read_inputs": ".stamp",
    "register": ".writer",
    "state_path": ".state",
}
"""Each name's module, imported when the name is first used: a build that
finds nothing to do, or only body edits, never loads Pelican's writer."""

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name], __name__), name)
