"""Pelican's writer, reusing each page whose inputs did not change and
rendering the others on every core.

A page is reused when the frame (:mod:`.frame`) is the previous build's and
every body the page read last time is unchanged: the page is then hard-linked
from the live output into the new one, which costs no rendering and leaves
the live files untouched (a link is a new name for the same bytes; nothing
writes into a file the build did not create). The other pages are collected
and rendered together (:mod:`.render`) when Pelican's generators are done, at
``finalized``: until then each page's file exists, empty, so plugins that list
the pages (the sitemap) see them all, but none may read their text before.
"""

import logging
import os
import shutil
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from plugins.common.processes import cores
from plugins.model_loader.model_loader import SITE_MODEL, build_time

from .frame import body_digests, frame_digest, next_due
from .reads import watch_bodies
from .render import Job, render_all
from .state import BuildState, IncrementalOptions, load_state, save_state

log = logging.getLogger(__name__)

WORKERS = "RENDER_WORKERS"
"""Optional setting: processes that render pages (default: one per core)."""


class IncrementalWriter(Writer):
    def __init__(self, output_path: str, settings: dict[str, Any]) -> None:
        super().__init__(output_path, settings=settings)
        self._output = Path(output_path)
        self._options = IncrementalOptions.from_settings(settings)
        now = build_time(settings)
        site = settings[SITE_MODEL]
        self.state = BuildState(
            stamp=self._options.stamp if self._options else "",
            frame=frame_digest(settings, site, now),
            output_id=self._output.stat().st_ino if self._output.is_dir() else 0,
            next_due=next_due(site, now),
            bodies=body_digests(site),
        )
        self._previous = self._usable_previous()
        self._jobs: list[Job] = []
        self._pending: dict[str, Job | Path] = {}
        """Output file → its rendering, or the previous build's page to link there."""
        self.reused = 0
        self._content_root = site.content_root
        self._documents: dict[str, str] = {}
        self._finished = False
        signals.finalized.connect(self._finish)

    def _usable_previous(self) -> BuildState | None:
        if self._options is None:
            return None
        previous = load_state(self._options.cache, self._options.previous)
        if previous is None or previous.frame != self.state.frame:
            return None
        return previous

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        super().write_file(name, _Template(template, self, context), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        file = super()._open_w(filename, encoding, override)
        pending = self._pending.pop(filename, None)
        if pending is None or file.name == os.devnull:  # Pelican keeps an earlier write
            return file
        if isinstance(pending, Job):
            self._jobs.append(pending)
            return file
        self.reused += 1
        return _Linked(file, Path(filename), pending)

    def page(self, template, localcontext: dict[str, Any], context: dict[str, Any]) -> str:
        """What Pelican's writer writes now: nothing, for the page is linked or rendered later."""
        name = localcontext["output_file"]
        path = sanitised_join(self.output_path, name)
        previous = self._reusable(name)
        if previous is not None:
            self.state.pages[name] = self._previous.pages[name]
            self._pending[path] = previous
        else:
            self._pending[path] = Job(name, Path(path), template, localcontext, context)
        return ""

    def _reusable(self, name: str) -> Path | None:
        if self._previous is None or name not in self._previous.pages:
            return None
        before, now = self._previous.bodies, self.state.bodies
        if any(p not in now or before.get(p) != now[p] for p in self._previous.pages[name]):
            return None
        page = self._options.previous / name
        return page if page.is_file() else None

    def render_pending(self) -> None:
        jobs, self._jobs = self._jobs, []
        if jobs:
            workers = self.settings.get(WORKERS) or cores()
            read = render_all(jobs, workers)
            self.state.pages.update(
                (name, [self._document(p) for p in paths]) for name, paths in read.items()
            )
            log.info("pages: %d rendered, %d reused", len(jobs), self.reused)

    def _document(self, source_path: str) -> str:
        """A source path as Pelican gives it, as :func:`.frame.body_digests` names it."""
        if source_path not in self._documents:
            real = Path(os.path.realpath(source_path))
            self._documents[source_path] = real.relative_to(self._content_root).as_posix()
        return self._documents[source_path]

    def _finish(self, pelican) -> None:
        if Path(pelican.output_path) != self._output or self._finished:
            return
        self._finished = True
        signals.finalized.disconnect(self._finish)
        self.render_pending()
        if self._options is not None:
            save_state(self.state, self._options.pending)


class _Template:
    """The template Pelican's writer sees: rendering asks the incremental writer."""

    def __init__(self, template, writer: IncrementalWriter, context: dict[str, Any]) -> None:
        self._template, self._writer, self._context = template, writer, context

    def render(self, localcontext: dict[str, Any]) -> str:
        return self._writer.page(self._template, localcontext, self._context)


class _Linked:
    """Pelican writes a reused page here: the previous page is linked instead."""

    def __init__(self, file, path: Path, previous: Path) -> None:
        self._file, self._path, self._previous = file, path, previous

    def __enter__(self) -> "_Linked":
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()
        self._path.unlink()
        try:
            self._path.hardlink_to(self._previous)
        except OSError:  # another file system: copy the bytes instead
            shutil.copyfile(self._previous, self._path)

    def write(self, text: str) -> None:
        """The rendered text of a reused page is empty: nothing to write."""


def add_writer(pelican) -> type[Writer]:
    watch_bodies()
    return IncrementalWriter


def register() -> None:
    signals.get_writer.connect(add_writer)
