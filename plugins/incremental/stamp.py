"""A cheap stamp of every input of a build, to skip one that has nothing to do.

Sizes and modification times, as ``make`` uses them: a file touched but not
changed costs one build, never a wrong site. Kept file by file, they also tell
the next build which files changed (:mod:`.body_edits`).
"""

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Inputs:
    files: dict[str, list[int]]
    """Every input file → [size, modification time in ns]."""
    setup: str
    """Digest of what else decides the build: settings file, options, Python."""

    @cached_property
    def stamp(self) -> str:
        digest = hashlib.sha256(self.setup.encode())
        for path, (size, mtime) in self.files.items():
            digest.update(f"{path}\0{size}\0{mtime}\n".encode())
        return digest.hexdigest()

    def changed_since(self, files: dict[str, list[int]]) -> list[str] | None:
        """The files changed since they were ``files``; None if any was added or removed."""
        if files.keys() != self.files.keys():
            return None
        return [path for path, stamp in self.files.items() if files[path] != stamp]


def read_inputs(roots: list[Path], setup: str) -> Inputs:
    """The :class:`Inputs` of every file under ``roots``."""
    files = {}
    for root in roots:
        for path in files_under(root):
            status = path.stat()
            files[str(path)] = [status.st_size, status.st_mtime_ns]
    return Inputs(files, hashlib.sha256(setup.encode()).hexdigest())


def files_stamp(paths: Iterable[Path], extra: str) -> str:
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        status = path.stat()
        digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def files_under(root: Path) -> list[Path]:
    """``root`` itself if it is a file, else every file below it, sorted."""
    if root.is_file():
        return [root]
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found.extend(Path(folder, name) for name in names)
    return sorted(found)
