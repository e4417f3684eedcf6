"""The Pagefind index of a built site, written into its ``pagefind/`` folder.

Only pages whose template marks their main content ``data-pagefind-body``
(published articles and static pages) are indexed; listings, archive pages and
the search page itself are not. Pagefind's binary (from the pinned
``pagefind[bin]`` wheel) reads prepared copies of those pages (``searchable``)
in a temporary folder: the published files are never changed.
"""

import json
import re
import subprocess
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from .chunks import rebalance_chunks
from .folding import STROKE, mark_d
from .stable_filters import sort_filters

BUNDLE = "pagefind"
"""Folder of the index and of pagefind.js, beside the site's pages."""
LANGUAGE = "vi"
"""One index for the whole site, the English page included: one search page."""

_BODY = re.compile(r"<[a-z]+\s[^>]*\bdata-pagefind-body\b")
# Pagefind joins the text of adjacent cells and terms ("<dt>Loại</dt><dd>Hội nghị")
# into one word ("LoạiHội"); a space after each block's end keeps words apart.
_BLOCK_END = re.compile(r"</(?:dd|dt|div|h[1-6]|li|p|td|th)>")
# Pagefind's ready-made interfaces, written with every index; the site has its own.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def searchable(html: str) -> str:
    """The HTML Pagefind reads for a page: "đ" marked, blocks' words apart."""
    return _BLOCK_END.sub(r"\g<0> ", mark_d(html))


class SearchIndexError(RuntimeError):
    """Pagefind did not index the pages it was given."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float
    size: int
    """Bytes on disk of the whole ``pagefind/`` folder."""

    def __str__(self) -> str:
        return (
            f"Tìm kiếm: {self.pages} trang trong chỉ mục"
            f" ({self.seconds:.1f} giây, {self.size / 1e6:.1f} MB)"
        )


def index_site(site: Path, files: Mapping[str, Path] | None = None) -> IndexReport:
    """Index the built site in ``site``; raises :class:`SearchIndexError`.

    ``files`` (relative name → file) is the whole site when ``site`` holds
    only part of it, as in an incremental build (``plugins.incremental``).
    """
    start = time.perf_counter()
    bundle = site / BUNDLE
    if files is None:
        files = {path.relative_to(site).as_posix(): path for path in site.rglob("*.html")}
    with tempfile.TemporaryDirectory(prefix="search-pages-") as copies:
        pages = _copy_searchable(files, Path(copies))
        _run_pagefind(Path(copies), bundle)
    indexed = _indexed_pages(bundle)
    if indexed != pages:
        raise SearchIndexError(f"search: Pagefind indexed {indexed} of {pages} pages")
    rebalance_chunks(bundle)
    sort_filters(bundle)
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return IndexReport(
        pages=pages,
        seconds=time.perf_counter() - start,
        size=sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()),
    )


def _copy_searchable(files: Mapping[str, Path], copies: Path) -> int:
    """Write searchable() copies of the pages to index under ``copies``."""
    pages = 0
    for name, path in sorted(files.items()):
        if not name.endswith(".html"):
            continue
        html = path.read_text(encoding="utf-8")
        if _BODY.search(html):
            copy = copies / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(searchable(html), encoding="utf-8")
            pages += 1
    return pages


def _run_pagefind(pages: Path, bundle: Path) -> None:
    """Pagefind's binary, from the pagefind[bin] wheel, on the prepared copies."""
    binary = get_executable()
    if binary is None:
        raise SearchIndexError("search: no Pagefind binary (pip install pagefind[bin])")
    done = subprocess.run(
        [
            str(binary),
            *("--site", str(pages), "--output-path", str(bundle)),
            *("--force-language", LANGUAGE, "--include-characters", STROKE, "--quiet"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SearchIndexError(f"search: Pagefind failed:\n{done.stdout}{done.stderr}")


def _indexed_pages(bundle: Path) -> int:
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        return 0
    languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
    return sum(language["page_count"] for language in languages.values())
