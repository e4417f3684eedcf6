"""The photo cache: encoded variants filed by the content hash of their source.

``{root}/{hash[:2]}/{hash}/{variant.key}.{ext}``: the same bytes always give the
same entry, wherever the photo lives or however often it is used, and a
variant's key names the settings it was encoded with. Entries are never
rewritten, so a build links them into its output instead of copying.

Hashing every photo on every build would read gigabytes; ``sources.json``
remembers each file's hash with its size, times and inode (as git's index
does) and a file is hashed again only when one of them changed.
"""

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .variants import Variant

_INDEX = "sources.json"
_CHUNK = 1 << 20


class PhotoCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._index = self._read_index()
        self._changed = False

    def digest(self, path: Path) -> str:
        """The SHA-256 of the file's bytes, hashed again only if the file changed."""
        stat = path.stat()
        signature = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        known = self._index.get(str(path))
        if known is not None and known[:4] == signature:
            return known[4]
        sha = hashlib.sha256()
        with path.open("rb") as file:
            while chunk := file.read(_CHUNK):
                sha.update(chunk)
        self._index[str(path)] = [*signature, sha.hexdigest()]
        self._changed = True
        return sha.hexdigest()

    def folder(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def file(self, digest: str, variant: Variant) -> Path:
        return self.folder(digest) / variant.filename

    def missing(self, digest: str, variants: Iterable[Variant]) -> list[Variant]:
        return [v for v in variants if not self.file(digest, v).is_file()]

    def save_index(self) -> None:
        """Write the hashes learnt by this build (whole, or not at all)."""
        if not self._changed:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        partial = self.root / f".{_INDEX}.{os.getpid()}.tmp"
        partial.write_text(json.dumps(self._index), encoding="utf-8")
        partial.replace(self.root / _INDEX)
        self._changed = False

    def _read_index(self) -> dict[str, list]:
        try:
            index = json.loads((self.root / _INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return index if isinstance(index, dict) else {}


def link_or_copy(source: Path, target: Path) -> None:
    """Publish a cache file: a hard link costs nothing; across disks, copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
