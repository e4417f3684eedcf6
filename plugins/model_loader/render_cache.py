"""What the reader made of each body, kept between builds.

One JSON file per content folder, ``{CACHE_PATH}/markdown/rendered-{tree}.json``,
maps a key to a body's HTML and first paragraph. The key is the SHA-256 of the body together with
everything else the result depends on (:func:`conversion_salt`): the
``MARKDOWN`` settings, the versions of Markdown, BeautifulSoup and Python, and
the source of this package. A key therefore never names a stale result. Each
content folder has its own file (:mod:`plugins.common.cache_files`), so the
many small trees the tests build do not evict the site's entries.

The file is read once when the build starts and written once when it ends,
whole (a temporary file renamed over it), holding only the entries this build
used. A file that cannot be read or makes no sense is ignored; settings that
cannot be keyed reliably turn the cache off.
"""

import hashlib
import json
import logging
import platform
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import bs4
import markdown
import orjson
from markdown.extensions import Extension

from plugins.common.cache_files import keep_recent_trees, tree_name, write_atomically
from plugins.common.digests import source_digest

from .conversion import Rendered

log = logging.getLogger(__name__)

FOLDER = "markdown"
FORMAT = 1


def cache_file(settings: Mapping[str, Any]) -> Path:
    name = f"rendered-{tree_name(Path(settings['PATH']).resolve())}.json"
    return Path(settings["CACHE_PATH"]) / FOLDER / name


class UnkeyableError(TypeError):
    """A setting whose identity cannot be written down (a lambda, an object…)."""


def conversion_salt(markdown_settings: Mapping[str, Any]) -> str:
    """Everything but the body that a rendered entry depends on, as one digest."""
    parts = {
        "markdown_settings": _stable(markdown_settings),
        "markdown": markdown.__version__,
        "beautifulsoup": bs4.__version__,
        "python": platform.python_version(),
        "code": source_digest(Path(__file__).parent),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _stable(value: Any) -> Any:
    """``value`` as plain JSON data that reads the same in every process."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Mapping):
        return {str(key): _stable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_stable(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(json.dumps(_stable(item), sort_keys=True) for item in value)
    if isinstance(value, Extension):
        return {"extension": _qualified(type(value)), "config": _stable(value.getConfigs())}
    if isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
        return _qualified(value)
    raise UnkeyableError(f"cannot key a setting of type {type(value).__name__}")


def _qualified(thing: Any) -> str:
    name = f"{thing.__module__}.{thing.__qualname__}"
    if "<" in name:  # a lambda or a local function: its name says nothing
        raise UnkeyableError(f"cannot key {name}")
    return name


class RenderCache:
    """Rendered bodies by key; remembers which entries this build used."""

    def __init__(self, file: Path | None, salt: str | None) -> None:
        """``file`` None: kept in memory for this build only; ``salt`` None: off."""
        self._file = file if salt is not None else None
        self._salt = (salt or "").encode()
        self._entries = _read(self._file) if self._file else {}
        self._used: set[str] = set()
        self._added = False

    @classmethod
    def for_settings(cls, settings: Mapping[str, Any]) -> "RenderCache":
        try:
            salt = conversion_salt(settings["MARKDOWN"])
        except UnkeyableError as exc:
            log.warning("Markdown cache off: %s", exc)
            return cls(None, None)
        return cls(cache_file(settings), salt)

    def key(self, body: str) -> str:
        return hashlib.sha256(self._salt + body.encode()).hexdigest()

    @property
    def empty(self) -> bool:
        return not self._entries

    def __contains__(self, key: str) -> bool:
        return _valid(self._entries.get(key))

    def get(self, key: str) -> Rendered | None:
        entry = self._entries.get(key)
        if not _valid(entry):
            return None
        self._used.add(key)
        return entry[0], entry[1]

    def put(self, key: str, rendered: Rendered) -> None:
        self._entries[key] = list(rendered)
        self._used.add(key)
        self._added = True

    def save(self) -> None:
        """Write the entries this build used, if they differ from the file's."""
        if self._file is None or not (self._added or self._used != self._entries.keys()):
            return
        kept = {key: self._entries[key] for key in sorted(self._used)}
        try:
            _write(self._file, {"format": FORMAT, "entries": kept})
        except OSError as exc:
            log.warning("Markdown cache not saved to %s: %s", self._file, exc)
            return
        self._entries, self._added = kept, False


def _valid(entry: object) -> bool:
    return isinstance(entry, list) and len(entry) == 2 and all(isinstance(e, str) for e in entry)


def _read(file: Path) -> dict[str, Any]:
    try:
        data = orjson.loads(file.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _write(file: Path, data: dict[str, Any]) -> None:
    """All or nothing, even with other builds writing the same file."""
    write_atomically(file, orjson.dumps(data))
    keep_recent_trees(file.parent, "rendered-*.json")
