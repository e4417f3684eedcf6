"""What the previous build of an output folder left, kept in the cache folder
(never in the output, which is published, nor beside it, where releases are)."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .spans import Placement
from .stamp import Inputs

OPTIONS = "INCREMENTAL"
"""Settings key of :class:`IncrementalOptions`, set by ``plugins.workflow.build.build_site``."""


@dataclass
class BuildState:
    """One build of one output folder."""

    stamp: str
    """:attr:`.stamp.Inputs.stamp` of the inputs as they were when the build began."""
    frame: str
    """Digest of everything but the article bodies that pages are made from."""
    output_id: int
    """Inode of the output folder: a state describes that folder and no other."""
    next_due: str | None = None
    """The earliest scheduled article not yet out (ISO): a build after it has work."""
    bodies: dict[str, str] = field(default_factory=dict)
    """Source path → digest of its body."""
    pages: dict[str, list[str]] = field(default_factory=dict)
    """Output file (relative) → source paths whose body the page read."""
    kept: list[str] = field(default_factory=list)
    """Files other than pages that this build left as the last build made them
    (:meth:`.writer.IncrementalWriter.keep`)."""
    in_place: bool = False
    """The staging folder holds only what this build wrote, to bring into the
    output (:mod:`.apply`); otherwise it holds the whole site."""
    files: list[str] = field(default_factory=list)
    """Every file of the finished output (relative, sorted)."""
    inputs: dict[str, list[int]] = field(default_factory=dict)
    """:attr:`.stamp.Inputs.files` as they were when the build began."""
    setup: str = ""
    """:attr:`.stamp.Inputs.setup` of the build."""
    editable: dict[str, list[Any]] = field(default_factory=dict)
    """Documents whose body edits :mod:`.body_edits` may bring into the pages
    (those without photos) → [digest of their front matter, whether their
    summary is their first paragraph]."""
    views: dict[str, Placement] = field(default_factory=dict)
    """Output file → where it shows views of bodies (:mod:`.spans`)."""

    def is_due(self, now: dt.datetime) -> bool:
        return self.next_due is not None and now >= dt.datetime.fromisoformat(self.next_due)


@dataclass(frozen=True)
class IncrementalOptions:
    output: Path
    """The live output folder, which an incremental build updates."""
    last: BuildState | None
    """The state of the output's last build, if one fits (:func:`load_state`)."""
    inputs: Inputs

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> "IncrementalOptions | None":
        options = settings.get(OPTIONS)
        return options if isinstance(options, cls) else None


KEPT = 20
"""States kept: those of the output folders built most recently."""


def state_path(cache: Path, output: Path) -> Path:
    name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:24]
    return cache / "builds" / f"{name}.json"


_last_read: tuple[Path, tuple[int, int, int], BuildState] | None = None
"""The state this process read last, and its file's inode, size and time then:
the live preview's build process reads the state while it waits to be told
to build (:mod:`plugins.workflow.preview.rebuild`), not after."""


def read_state(path: Path) -> BuildState | None:
    global _last_read  # one state per process, read once
    try:
        status = path.stat()
        identity = (status.st_ino, status.st_size, status.st_mtime_ns)
        if _last_read is not None and _last_read[:2] == (path, identity):
            return _last_read[2]
        state = BuildState(**orjson.loads(path.read_bytes()))
    except (OSError, ValueError, TypeError):
        return None
    _last_read = (path, identity, state)
    return state


def load_state(cache: Path, output: Path) -> BuildState | None:
    """The state of ``output``'s last build, or None if there is none that fits."""
    state = read_state(state_path(cache, output))
    try:
        return state if state is not None and state.output_id == output.stat().st_ino else None
    except OSError:
        return None


def save_state(state: BuildState, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.partial")
    # vars(), not asdict(): asdict copies every list of a state of 10,000 pages, slowly.
    # orjson writes the 20 MB of a state of 10,000 pages in a tenth of json's time.
    partial.write_bytes(orjson.dumps(vars(state)))
    partial.replace(path)


def keep_recent(cache: Path) -> None:
    """Forget all but the :data:`KEPT` most recent states (tests build many folders)."""
    states = []
    for path in (cache / "builds").glob("*.json"):
        try:
            states.append((path.stat().st_mtime_ns, path))
        except FileNotFoundError:
            continue  # forgotten meanwhile by a build of another folder
    for _time, stale in sorted(states, reverse=True)[KEPT:]:
        stale.unlink(missing_ok=True)
