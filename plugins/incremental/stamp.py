"""A cheap stamp of every input of a build, to skip one that has nothing to do.

Sizes and modification times, as ``make`` uses them: a file touched but not
changed costs one build, never a wrong site. Kept file by file, they also tell
the next build which files changed (:mod:`.body_edits`).
"""

import hashlib
import os
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
    files: dict[str, list[int]] = {}
    for root in roots:
        if root.is_file():
            status = root.stat()
            files[str(root)] = [status.st_size, status.st_mtime_ns]
        elif root.is_dir():
            _stat_files(str(root), files)
    return Inputs(files, hashlib.sha256(setup.encode()).hexdigest())


def _stat_files(folder: str, files: dict[str, list[int]]) -> None:
    """Every file below ``folder`` → [size, mtime], folder by folder in name
    order (``os.scandir``: three times faster than pathlib on 10,000 files)."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                _stat_files(entry.path, files)
        elif not entry.is_dir():  # a linked folder is not entered, as by os.walk
            status = entry.stat()
            files[entry.path] = [status.st_size, status.st_mtime_ns]
