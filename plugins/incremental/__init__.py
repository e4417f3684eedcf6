"""Incremental builds: a page is rendered again only when what it shows changed.

``tasks.build_site`` skips a build whose inputs are untouched (:mod:`.stamp`)
and hands the writer the previous output; the writer (:mod:`.writer`) renders
only the pages whose inputs changed, records which documents' bodies each
rendered page read (:mod:`.reads`), and the changed files are then brought
into the output (:mod:`.apply`). The result is byte-identical to a cold build.
"""

from .apply import StagedBuild, discard
from .stamp import input_stamp
from .state import BuildState, IncrementalOptions, load_state, state_path
from .writer import keep_unchanged, register

__all__ = [
    "BuildState",
    "IncrementalOptions",
    "StagedBuild",
    "discard",
    "input_stamp",
    "keep_unchanged",
    "load_state",
    "register",
    "state_path",
]
