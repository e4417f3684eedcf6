"""An on-disk cache of loaded documents: a build validates again only what changed.

Validating the front matter of 10,000 articles takes seconds, and most builds
change a few files. What loading one file gave (its record and line map, or its
problems) is kept under a key that covers everything it depends on:

- the file's bytes, its path as shown and on disk, the model it is read into;
- the registries' bytes, this package's source code, the libraries' versions
  and Pillow's pixel limit (:func:`_shared_digest`);
- every file validation looked for on disk (photos), found or not: their
  resolved path and ``stat``, taken before reading them, must still be the same
  for the entry to be used.

One pickle per content tree, replaced atomically so that builds running at the
same time never read half a file. A missing, unreadable or foreign cache is
ignored and rebuilt. Registry records are written as references (table, id) and
read back from the registries just loaded, so a cached record shares them as a
freshly validated one does. A pickle runs code when it is read: the cache folder
must be as private as the code itself.
"""

import copyreg
import functools
import hashlib
import importlib.metadata
import io
import logging
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from plugins.common.cache_files import keep_recent_trees, tree_name, write_atomically
from plugins.common.digests import source_digest

from .articles import Document
from .problems import Problem
from .references import FileStamp, file_stamp
from .registries import AwardType, Bloc, Category, EventType, Registries, Unit
from .source import LineMap

log = logging.getLogger(__name__)

FORMAT = 1
"""Raise when the layout of the cache file changes."""
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "pillow", "Unidecode", "Babel")
_TABLES: dict[type, str] = {
    Unit: "units",
    Bloc: "blocs",
    AwardType: "awards",
    Category: "categories",
    EventType: "event_types",
}


@dataclass(frozen=True)
class Outcome:
    """What loading one document gave: its problems in order, and its record unless
    it failed."""

    problems: tuple[Problem, ...]
    record: tuple[Document, LineMap] | None


@dataclass(frozen=True)
class _Entry:
    key: str
    stamps: tuple[FileStamp, ...]
    payload: bytes


CODE_DIGEST = source_digest(Path(__file__).parent)
"""Of the code that is running: taken when the package is imported."""


@functools.cache
def _library_versions() -> str:
    versions = [f"{name}={importlib.metadata.version(name)}" for name in _LIBRARIES]
    return ";".join([sys.version, *versions])


def _shared_digest(registries: Registries, content_root: Path) -> str:
    """What every document of ``content_root`` depends on besides its own file."""
    parts = (
        str(FORMAT),
        CODE_DIGEST,
        _library_versions(),
        str(Image.MAX_IMAGE_PIXELS),
        registries.digest,
        str(content_root),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class DocumentCache:
    """The cached outcomes of one content tree, by path as shown.

    :meth:`save` keeps only the entries used since :meth:`open`, so files that
    were removed or renamed leave the cache with them.
    """

    def __init__(self, file: Path, shared_digest: str, registries: Registries) -> None:
        self.file = file
        self._shared = shared_digest.encode()
        self._registries = registries
        self._entries = _read_entries(file)
        self._used: dict[str, _Entry] = {}
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, cache_dir: Path, content_root: Path, registries: Registries) -> "DocumentCache":
        file = cache_dir / f"documents-{tree_name(content_root)}.pickle"
        return cls(file, _shared_digest(registries, content_root), registries)

    def key(self, raw: bytes, *parts: str) -> str:
        """The key of a file's bytes read as ``parts`` describe (path, model…)."""
        digest = hashlib.sha256(self._shared)
        digest.update("".join(f"\0{part}" for part in parts).encode() + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def __contains__(self, name: str) -> bool:
        """Whether the cache holds an entry for the file shown as ``name``
        (whose key must still match for :meth:`get` to give it)."""
        return name in self._entries

    def get(self, name: str, key: str) -> Outcome | None:
        entry = self._entries.get(name)
        if entry is None or entry.key != key or not _still(entry.stamps):
            return None
        try:
            outcome = decode_outcome(entry.payload, self._registries)
        except Exception:  # anything wrong with an entry makes it a miss
            return None
        self._used[name] = entry
        self.hits += 1
        return outcome

    def put(self, name: str, key: str, looked_at: Iterable[FileStamp], payload: bytes) -> None:
        """``payload``: the outcome as :func:`encode_outcome` wrote it."""
        self._used[name] = _Entry(key, tuple(looked_at), payload)
        self.misses += 1

    def save(self) -> None:
        """Write the entries used (or only mark the file used, if nothing changed),
        then drop the files of trees not loaded for long; a failure only costs time."""
        log.debug("documents: %d from the cache, %d validated", self.hits, self.misses)
        try:
            if self.misses == 0 and self._used.keys() == self._entries.keys():
                self.file.touch()
            else:
                entries = {"format": FORMAT, "entries": self._used}
                write_atomically(self.file, pickle.dumps(entries, pickle.HIGHEST_PROTOCOL))
            keep_recent_trees(self.file.parent, "documents-*.pickle")
        except OSError as exc:
            log.info("document cache: %s", exc)


def encode_outcome(outcome: Outcome, registries: Registries) -> bytes:
    """``outcome`` as bytes, its references to ``registries`` as (table, id)."""
    buffer = io.BytesIO()
    _Pickler(buffer, registries).dump(outcome)
    return buffer.getvalue()


def decode_outcome(payload: bytes, registries: Registries) -> Outcome:
    """What :func:`encode_outcome` wrote, its references resolved in ``registries``."""
    outcome = _Unpickler(io.BytesIO(payload), registries).load()
    if not isinstance(outcome, Outcome):
        raise pickle.UnpicklingError(f"not an outcome: {type(outcome).__name__}")
    return outcome


def _still(stamps: tuple[FileStamp, ...]) -> bool:
    """Whether every file validation looked at is as it was."""
    return all(file_stamp(Path(stamp.path)) == stamp for stamp in stamps)


def _read_entries(file: Path) -> dict[str, _Entry]:
    """The entries of ``file``; none if it is missing, unreadable or of another format."""
    try:
        with file.open("rb") as stream:
            data: Any = pickle.load(stream)
    except FileNotFoundError:
        return {}
    except Exception as exc:  # a corrupt cache is rebuilt, never an error
        log.info("document cache %s ignored: %r", file, exc)
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, _Entry)}


def _registry_entry(table: str, entry_id: str) -> Any:
    """Stands for a registry record in a pickle; only :class:`_Unpickler` can read it."""
    raise pickle.UnpicklingError(f"{table}[{entry_id!r}] needs the registries")


class _Pickler(pickle.Pickler):
    """Writes the registries' own records as (table, id).

    A ``dispatch_table`` is consulted only for these types, where
    ``persistent_id`` would be called for each of the 270 objects of an article.
    Its reducer does not refer back to the pickler: no reference cycle to collect.
    """

    def __init__(self, file: io.BytesIO, registries: Registries) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        reduce = functools.partial(_reduce_entry, registries)
        self.dispatch_table = copyreg.dispatch_table | dict.fromkeys(_TABLES, reduce)


def _reduce_entry(registries: Registries, record: Any) -> tuple:
    table = _TABLES[type(record)]
    if getattr(registries, table).get(record.id) is record:
        return (_registry_entry, (table, record.id))
    return record.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


class _Unpickler(pickle.Unpickler):
    """Reads (table, id) back as the record of the registries just loaded."""

    def __init__(self, file: io.BytesIO, registries: Registries) -> None:
        super().__init__(file)
        self._entry = functools.partial(_find_entry, registries)

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, _registry_entry.__name__):
            return self._entry
        return super().find_class(module, name)


def _find_entry(registries: Registries, table: str, entry_id: str) -> Any:
    return getattr(registries, table)[entry_id]
