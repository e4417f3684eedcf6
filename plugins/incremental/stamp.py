"""A cheap stamp of every input of a build, to skip one that has nothing to do.

Sizes and modification times, as ``make`` uses them: a file touched but not
changed costs one build, never a wrong site.
"""

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path


def input_stamp(roots: list[Path], extra: str) -> str:
    """Digest of every file under ``roots`` (path, size, mtime) and ``extra``."""
    return files_stamp((path for root in roots for path in files_under(root)), extra)


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
