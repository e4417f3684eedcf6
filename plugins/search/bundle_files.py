"""Reading and writing the files of a Pagefind bundle as Pagefind does.

Index files (``pf_meta``, ``pf_index``, ``pf_filter``) are gzip-compressed
CBOR after a signature, and named by a hash of their content;
``pagefind-entry.json`` names each language's ``pf_meta``.
"""

import gzip
import hashlib
import json
from pathlib import Path

from . import cbor

SIGNATURE = b"pagefind_dcd"  # starts every decompressed index file
HASH_LENGTH = 12
ENTRY = "pagefind-entry.json"


def read_index_file(path: Path) -> list:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind index file")
    return cbor.decode(data[len(SIGNATURE) :])


def write_index_file(folder: Path, language: str, name: str, value: list) -> str:
    """Write ``value`` as Pagefind does; the hash that names the file."""
    data = cbor.encode(value)
    file_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}"
    compressed = gzip.compress(SIGNATURE + data, compresslevel=6, mtime=0)  # Pagefind's level
    (folder / name.format(file_hash)).write_bytes(compressed)
    return file_hash


def read_entry(bundle: Path) -> dict:
    return json.loads((bundle / ENTRY).read_text(encoding="utf-8"))


def write_entry(bundle: Path, entry: dict) -> None:
    (bundle / ENTRY).write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
