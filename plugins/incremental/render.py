"""Rendering the pages of a build on every core.

The writer collects the pages to render while Pelican's generators run; they
are rendered together at the end, shared out between forked copies of the
build (:func:`plugins.common.processes.shared_map`). Each worker writes its
pages, folders included, and reports back only which bodies each page read and
where it shows their views (:mod:`.spans`).
"""

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from plugins.common.processes import shared_map

from .reads import READS
from .spans import Placement, place

MIN_PER_WORKER = 100
"""Fewer pages than this per worker are rendered here: forking costs more."""


class RenderError(RuntimeError):
    """A page failed to render; the message holds the traceback, a worker's too."""


@dataclass(frozen=True)
class Job:
    name: str
    """The output file, relative to the output folder."""
    path: Path
    template: Any
    localcontext: dict[str, Any]
    context: dict[str, Any]
    """The site's context, which Pelican points at the page's ``localsiteurl``."""
    live: Path | None = None
    """The page in the output being updated in place: not written again if the
    same (a template or registry edit renders every page, and changes few)."""


@dataclass(frozen=True)
class FileJob:
    """A file made from the frame alone (a redirect page, an open data file):
    made and written by a worker too, not by the build's own process."""

    name: str
    path: Path
    make: Callable[[], bytes]


Rendered = tuple[str, list[str], Placement | None]
"""A page, the documents whose body it read, and where it shows their views."""


def render_all(
    jobs: list[Job | FileJob], workers: int, name: Callable[[str], str]
) -> list[Rendered]:
    """Render and write every page and file; ``name`` names a document by its source path."""
    workers = max(1, min(workers, len(jobs) // MIN_PER_WORKER))
    try:
        return shared_map(partial(_render, name=name), jobs, workers)
    except Exception as exc:
        raise RenderError("".join(traceback.format_exception(exc))) from exc


def _render(job: Job | FileJob, name: Callable[[str], str]) -> Rendered:
    if isinstance(job, FileJob):
        write_file(job.path, job.make())
        return job.name, [], None
    if job.localcontext["localsiteurl"]:  # as Pelican's writer does before rendering
        job.context["localsiteurl"] = job.localcontext["localsiteurl"]
    with READS.recording() as read:
        html = job.template.render(job.localcontext).encode("utf-8")
    if job.live is None or not _holds(job.live, html):
        write_file(job.path, html)
    views = [(name(path), view, text) for path, view, text in read.views]
    return job.name, sorted(map(name, read.documents)), place(html, views, xml=False)


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
