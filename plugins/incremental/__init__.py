"""Incremental builds: a page is rendered again only when what it shows changed.

``tasks.build_site`` skips a build whose inputs are untouched (:mod:`.stamp`)
and hands the writer the previous output; the writer (:mod:`.writer`) links
each page whose inputs are unchanged from there instead of rendering it, and
records which documents' bodies each rendered page read (:mod:`.reads`). The
result is byte-identical to a cold build.
"""

from .stamp import input_stamp
from .state import BuildState, IncrementalOptions, keep_recent, load_state, state_path
from .writer import register

__all__ = [
    "BuildState",
    "IncrementalOptions",
    "input_stamp",
    "keep_recent",
    "load_state",
    "register",
    "state_path",
]
