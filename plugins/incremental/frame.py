"""Everything a page may show apart from article bodies, as one digest.

If the frame of two builds differs, every page is rendered again; if it is the
same, a page changes only when the body of a document it read changed.
Conservative on purpose: settings, templates, plugin code, registries, photos
and every front matter are in it.
"""

import datetime as dt
import hashlib
import json
import os
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

from plugins.domain.articles import Article
from plugins.domain.site import Site

from .stamp import read_inputs

PLUGINS = Path(__file__).resolve().parents[1]
PROJECT = PLUGINS.parent
LIBRARIES = ("pelican", "jinja2", "markdown", "babel", "pillow", "beautifulsoup4")
VOLATILE = frozenset(
    {"OUTPUT_PATH", "INCREMENTAL", "INCREMENTAL_WRITER", "SITE_MODEL", "BUILD_TIME"}
)
"""Settings that name this build's folders or objects, not what pages show."""


def frame_digest(settings: dict[str, Any], site: Site, now: dt.datetime) -> str:
    digest = hashlib.sha256()
    digest.update(_settings_json(settings).encode())
    digest.update(" ".join(f"{name}={version(name)}" for name in LIBRARIES).encode())
    for path in _code_files(Path(settings["THEME"])):
        digest.update(f"{path}\0".encode() + path.read_bytes())
    for path, document in sorted(site.by_file.items()):
        out = not isinstance(document, Article) or document.date <= now
        digest.update(f"{path}\0{document.front_digest}\0{out}\n".encode())
    # Registries, photos and any other file beside the Markdown: by size and time.
    content = read_inputs([site.content_root], "")
    others = {path: stamp for path, stamp in content.files.items() if not path.endswith(".md")}
    digest.update(replace(content, files=others).stamp.encode())
    return digest.hexdigest()


class DocumentNames:
    """A document's source path, as Pelican gives it → its name in the build
    state: relative to the content folder, links resolved."""

    def __init__(self, site: Site) -> None:
        self._root = site.content_root
        self.of_file = {path: _name(path, self._root) for path in site.by_file}
        """Each document's resolved path → its name."""
        self._names = {str(path): name for path, name in self.of_file.items()}

    def __call__(self, source_path: str) -> str:
        name = self._names.get(source_path)
        if name is None:  # a path through a link: resolved once
            name = self._names[source_path] = _name(Path(os.path.realpath(source_path)), self._root)
        return name


def _name(path: Path, root: Path) -> str:
    text, prefix = str(path), f"{root}{os.sep}"
    if not text.startswith(prefix):  # never for a document: raises the ValueError
        return path.relative_to(root).as_posix()
    return text[len(prefix) :].replace(os.sep, "/")  # pathlib's way: 40 µs a document


def body_digests(site: Site, names: DocumentNames) -> dict[str, str]:
    """Document name → digest of its body."""
    return {names.of_file[path]: document.body_digest for path, document in site.by_file.items()}


def editable_documents(site: Site, names: DocumentNames) -> dict[str, list[Any]]:
    """``BuildState.editable``: every document without photos → [digest of its
    front matter, whether its summary is its first paragraph]."""
    return {
        names.of_file[path]: [document.front_digest, not document.summary]
        for path, document in site.by_file.items()
        if not getattr(document, "images", ())
    }


def next_due(site: Site, now: dt.datetime) -> str | None:
    """When the next scheduled article comes out, which changes the site by itself."""
    due = [a.date for a in site.articles if a.status != "draft" and a.date > now]
    return min(due).isoformat() if due else None


def _settings_json(settings: dict[str, Any]) -> str:
    kept = {}
    for key, value in settings.items():
        if key in VOLATILE:
            continue
        try:
            kept[key] = json.dumps(value, sort_keys=True, ensure_ascii=False)
        except (TypeError, ValueError):
            continue  # objects (functions, modules): code, digested as files below
    return json.dumps(kept, sort_keys=True, ensure_ascii=False)


def _code_files(theme: Path) -> list[Path]:
    plugins = [path for path in _files(PLUGINS) if path.suffix == ".py"]
    return [*plugins, *_files(theme), *sorted(PROJECT.glob("*conf.py"))]


def _files(root: Path) -> list[Path]:
    """Every file under ``root``, in the order the input stamps list them."""
    return [Path(path) for path in read_inputs([root], "").files]
