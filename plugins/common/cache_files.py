"""Files of the caches kept between builds: one per content tree, written whole.

Each cache keeps one file per content folder it has seen, so that builds of
other trees (the tests build many temporary ones) do not evict the site's
entries; only the files of the trees built most recently are kept.
"""

import hashlib
import os
import tempfile
import time
from pathlib import Path

KEEP_TREES = 10
STALE_TEMPORARY = 3600
"""Seconds after which a temporary file is taken as left by a build that was killed."""


def tree_name(content_root: Path | str) -> str:
    """A short name for a content folder, for its cache files."""
    return hashlib.sha256(str(content_root).encode()).hexdigest()[:16]


def write_atomically(file: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never a part of it."""
    file.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        temp.replace(file)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def keep_recent_trees(folder: Path, pattern: str) -> None:
    """Remove all but the :data:`KEEP_TREES` newest files matching ``pattern``
    in ``folder``, and temporary files left by killed builds."""
    now = time.time()
    files = [(path.stat().st_mtime, path) for path in folder.glob(pattern)]
    old = [path for _, path in sorted(files, reverse=True)[KEEP_TREES:]]
    old += [p for p in folder.glob(".*.tmp") if now - p.stat().st_mtime > STALE_TEMPORARY]
    for path in old:
        path.unlink(missing_ok=True)
