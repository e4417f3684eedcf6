"""Rendering the pages of a build on every core.

The writer collects the pages to render while Pelican's generators run; they
are rendered together at the end, shared out between this process and forked
copies of it. A fork inherits the whole site (articles, templates) without
pickling anything; each worker writes its pages and reports back only which
bodies each page read.
"""

import json
import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .reads import READS

MIN_PER_WORKER = 100
"""Fewer pages than this per worker are rendered here: forking costs more."""


class RenderError(RuntimeError):
    """A page failed to render in a worker; the message holds its traceback."""


@dataclass(frozen=True)
class Job:
    name: str
    """The output file, relative to the output folder."""
    path: Path
    template: Any
    localcontext: dict[str, Any]
    context: dict[str, Any]
    """The site's context, which Pelican points at the page's ``localsiteurl``."""


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def render_all(jobs: list[Job], workers: int) -> dict[str, list[str]]:
    """Render and write every page; returns page → source paths whose body it read
    (as Pelican names them)."""
    workers = max(1, min(workers, len(jobs) // MIN_PER_WORKER))
    if workers == 1:
        return _render(jobs)
    children = [_fork(jobs[rank::workers]) for rank in range(1, workers)]
    try:
        pages = _render(jobs[0::workers])
    finally:
        reports = [_collect(pid, pipe) for pid, pipe in children]
    for report in reports:
        if "error" in report:
            raise RenderError(report["error"])
        pages.update(report["pages"])
    return pages


def _render(jobs: list[Job]) -> dict[str, list[str]]:
    pages = {}
    for job in jobs:
        if job.localcontext["localsiteurl"]:  # as Pelican's writer does before rendering
            job.context["localsiteurl"] = job.localcontext["localsiteurl"]
        with READS.recording() as read:
            html = job.template.render(job.localcontext)
        with job.path.open("w", encoding="utf-8") as page:
            page.write(html)
        pages[job.name] = sorted(read)
    return pages


def _fork(jobs: list[Job]) -> tuple[int, int]:
    readable, writable = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writable)
        return pid, readable
    os.close(readable)
    status = 0
    try:
        report = {"pages": _render(jobs)}
    except BaseException:
        report, status = {"error": traceback.format_exc()}, 1
    with os.fdopen(writable, "w", encoding="utf-8") as pipe:
        json.dump(report, pipe)
    os._exit(status)


def _collect(pid: int, readable: int) -> dict[str, Any]:
    with os.fdopen(readable, encoding="utf-8") as pipe:
        text = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not text:
        return {"error": f"a rendering worker ended without a report (status {status})"}
    return json.loads(text)
