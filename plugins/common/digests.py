"""Digests of the code that is running, for caches that must not outlive it."""

import hashlib
from pathlib import Path


def source_digest(package: Path) -> str:
    """sha256 of the ``*.py`` files of ``package`` (one folder, not its subfolders)."""
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        digest.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()
