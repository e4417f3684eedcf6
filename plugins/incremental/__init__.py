"""Incremental builds: a page is rendered again only when what it shows changed.

``plugins.workflow.build.build_site`` skips a build whose inputs are untouched (:mod:`.stamp`)
and hands the writer the previous output; the writer (:mod:`.writer`) renders
only the pages whose inputs changed, records which documents' bodies each
rendered page read (:mod:`.reads`), and the changed files are then brought
into the output (:mod:`.apply`). Edits to bodies alone do without Pelican:
their new views replace the old ones where pages show them (:mod:`.views`,
:mod:`.spans`, :mod:`.body_edits`). The result is byte-identical to a cold build.
"""

from .apply import StagedBuild, discard
from .body_edits import BodyEdits, edit_bodies
from .stamp import Inputs, read_inputs
from .state import BuildState, IncrementalOptions, load_state, state_path
from .writer import keep_unchanged, register, renders_at_end, write_later

__all__ = [
    "BodyEdits",
    "BuildState",
    "IncrementalOptions",
    "Inputs",
    "StagedBuild",
    "discard",
    "edit_bodies",
    "keep_unchanged",
    "load_state",
    "read_inputs",
    "register",
    "renders_at_end",
    "state_path",
    "write_later",
]
