"""Precompressed copies (``file.gz``) for nginx's ``gzip_static``.

Compressing once at publish time, at the highest level, beats compressing on
every request; nginx sends the ``.gz`` to clients that accept gzip.
"""

import gzip
import os
from pathlib import Path

COMPRESSED_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".xml", ".json", ".txt", ".svg", ".csv", ".map"}
)


def compress_tree(root: Path) -> int:
    """Write ``.gz`` beside each text file that gets smaller; returns how many."""
    written = 0
    for path in sorted(root.rglob("*")):
        if path.suffix not in COMPRESSED_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) >= len(data):
            continue
        target = path.with_name(path.name + ".gz")
        target.write_bytes(packed)
        stat = path.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        written += 1
    return written
