"""Pelican's writer, rendering on every core only the pages whose inputs changed.

Every page Pelican writes goes through :meth:`IncrementalWriter.page` while its
generator runs, which only decides: a page whose inputs are unchanged since the
last build (the frame, :mod:`.frame`, and every body it read then) is reused;
the others are rendered together (:mod:`.render`) when the generators are done,
at ``finalized``. Nothing is written to disk for a page until then.

All files go to the staging folder. When the output's last build left its
state, the staging folder receives only what this build writes (rendered pages
that differ from the output's, feeds, data, static files) and :mod:`.apply`
brings those changes into the output afterwards; reused pages, and rendered
pages that came out the same, are never touched. Otherwise (a first build) it
receives the whole site and replaces the output.
"""

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from plugins.common.processes import cores
from plugins.model_loader.model_loader import SITE_MODEL, build_time

from .environment import share_environment
from .fragments import offer_fragments
from .frame import DocumentNames, body_digests, editable_documents, frame_digest, next_due
from .reads import READS, watch_bodies
from .render import FileJob, Job, render_all, write_file
from .spans import place
from .state import BuildState, IncrementalOptions
from .views import FILTERS

log = logging.getLogger(__name__)

WORKERS = "RENDER_WORKERS"
"""Optional setting: processes that render pages (default: one per core)."""
WRITER = "INCREMENTAL_WRITER"
"""Settings key of the build's writer, for :func:`keep_unchanged`."""


class IncrementalWriter(Writer):
    def __init__(self, output_path: str, settings: dict[str, Any]) -> None:
        super().__init__(output_path, settings=settings)
        self._staging = Path(output_path)
        self._options = IncrementalOptions.from_settings(settings)
        now = build_time(settings)
        site = settings[SITE_MODEL]
        inputs = self._options.inputs if self._options else None
        self._name = DocumentNames(site)
        self.state = BuildState(
            stamp=inputs.stamp if inputs else "",
            frame=frame_digest(settings, site, now),
            output_id=self._staging.stat().st_ino if self._staging.is_dir() else 0,
            next_due=next_due(site, now),
            bodies=body_digests(site, self._name),
            inputs=inputs.files if inputs else {},
            setup=inputs.setup if inputs else "",
            editable=editable_documents(site, self._name),
        )
        last = self._options.last if self._options else None
        self._last = last if last is not None and last.files else None
        """The output's last build, when this one can update it in place."""
        self._previous = self._last if self._last and self._last.frame == self.state.frame else None
        """The same, when its pages and kept files may also be reused as they are."""
        if self._last is not None:
            self.state.in_place = True
            self.state.output_id = self._last.output_id
            # Pelican's writer makes a paginated page's folder before writing it
            # (_one_page makes none). Pointed at the live output, where the folders
            # exist, that costs nothing; the files still go to the staging folder
            # (_staged).
            self.output_path = str(self._options.output)
        self._root_length = len(os.path.abspath(self.output_path))  # noqa: PTH100
        """Of ``output_path`` as Pelican's ``sanitised_join`` spells it in the files it names."""
        self._pending: dict[str, Job | None] = {}
        """Page as Pelican names it → its rendering, or None when reused."""
        self._folders: dict[str, bool] = {}
        """Page folders in the output → whether they were there before this build
        (in place only: a first build's folders are all in the staging folder)."""
        self._jobs: list[Job] = []
        self._files: list[FileJob] = []
        self.reused = 0
        self._finished = False
        settings[WRITER] = self
        signals.finalized.connect(self._finish)

    def _staged(self, filename: str) -> Path:
        """Where the file ``filename`` (in ``output_path``, as Pelican's
        ``sanitised_join`` gives it) is written: in the staging folder."""
        return Path(f"{self._staging}{filename[self._root_length :]}")  # pathlib: 15 µs a page

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ) -> None:
        template = _Template(template, self, context)
        if name and not relative_urls and not self._paginates(paginated, template_name, kwargs):
            self._one_page(name, template, context, override_output, kwargs)
        else:
            super().write_file(
                name,
                template,
                context,
                relative_urls,
                paginated,
                template_name,
                override_output,
                url,
                **kwargs,
            )

    def _paginates(self, paginated, template_name, kwargs: dict[str, Any]) -> bool:
        """Whether Pelican's ``Writer.write_file`` would write several pages."""
        if paginated is None:
            paginated = {key: kwargs[key] for key in ("articles", "dates") if key in kwargs}
        return bool(paginated) and template_name in self.settings["PAGINATED_TEMPLATES"]

    def _one_page(self, name, template, context, override: bool, kwargs: dict[str, Any]) -> None:
        """Pelican's ``Writer.write_file`` for one page with site-wide addresses,
        but for the page's folder, made by the worker that writes the page: in a
        first build, making ten thousand folders here, one after the other,
        took over a second of the time no other core can share."""
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        template.render(localcontext)
        path = sanitised_join(self.output_path, name)
        with self._open_w(path, "utf-8", override=override):
            pass
        log.info('Writing "%s"', path)
        signals.content_written.send(path, context=localcontext)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        """Pelican's feed, written now; where it shows views of bodies is noted."""
        with READS.recording() as read:
            feed = super().write_feed(elements, context, path, *args, **kwargs)
        if path and read.views:
            staged = self._staged(sanitised_join(self.output_path, path))
            views = [(self._name(source), view, text) for source, view, text in read.views]
            placement = place(staged.read_bytes(), views, xml=True)
            self.state.views[staged.relative_to(self._staging).as_posix()] = placement
        return feed

    def _open_w(self, filename, encoding, override=False):
        if filename not in self._pending:  # a feed: written now
            staged = self._staged(filename)
            staged.parent.mkdir(parents=True, exist_ok=True)
            return super()._open_w(str(staged), encoding, override)
        job = self._pending.pop(filename)
        if self._claim(str(self._staged(filename)), override):
            if job is None:
                self.reused += 1
            else:
                self._jobs.append(job)
        return _Discard()

    def _claim(self, filename: str, override: bool) -> bool:
        """Pelican's rule for a file written twice (``Writer._open_w``), without
        opening it: False when an earlier write stands and this one is dropped."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
            return False
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}"')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return True

    def page(self, template, localcontext: dict[str, Any], context: dict[str, Any]) -> str:
        """What Pelican's writer writes now: nothing, for the page is reused or rendered later."""
        name = localcontext["output_file"]
        path = sanitised_join(self.output_path, name)
        if self._last is not None:  # in place: note the folders the output lacks
            folder = path.rpartition(os.sep)[0]
            if folder not in self._folders:
                self._folders[folder] = Path(folder).is_dir()
        if self._reusable(name):
            self.state.pages[name] = self._previous.pages[name]
            if name in self._previous.views:
                self.state.views[name] = self._previous.views[name]
            self._pending[path] = None
        else:
            live = Path(path) if self._last is not None else None
            job = Job(name, self._staged(path), template, localcontext, context, live)
            self._pending[path] = job
        return ""

    def remove_new_folders(self) -> None:
        """After a failed build: remove the empty folders Pelican's writer made
        in the output for new pages (in place, :meth:`__init__`)."""
        if self._last is None:
            return
        root = Path(self.output_path)
        for folder in sorted(
            (f for f, existed in self._folders.items() if not existed), reverse=True
        ):
            for empty in (Path(folder), *Path(folder).parents):
                if empty == root or not empty.is_dir() or any(empty.iterdir()):
                    break
                empty.rmdir()

    def _reusable(self, name: str) -> bool:
        if self._previous is None or name not in self._previous.pages:
            return False
        before, now = self._previous.bodies, self.state.bodies
        return all(p in now and before.get(p) == now[p] for p in self._previous.pages[name])

    def keep(self, name: str) -> int | None:
        """Keep the last build's file ``name`` (relative to the output) instead of
        writing it again; its size, or None when it must be written.

        For files made only from what the frame covers (front matter,
        registries, settings, code), never from article bodies: with the frame
        unchanged, such a file would come out byte for byte the same.
        """
        if self._previous is None or name not in self._previous.files:
            return None
        try:
            size = (self._options.output / name).stat().st_size
        except OSError:
            return None
        self.state.kept.append(name)
        return size

    def write_later(self, name: str, make: Callable[[], bytes]) -> None:
        """Have the workers that render the pages write ``make()``'s bytes as
        ``name`` (relative to the output): for a file made only from what the
        frame covers, which :meth:`keep` did not keep."""
        path = self._staged(sanitised_join(self.output_path, name))
        self._claim(str(path), override=False)
        if self._finished:  # the workers are done: written here
            write_file(path, make())
        else:
            self._files.append(FileJob(name, path, make))

    def render_pending(self) -> None:
        jobs, self._jobs = self._jobs, []
        files, self._files = self._files, []
        if jobs or files:
            workers = self.settings.get(WORKERS) or cores()
            rendered = render_all([*files, *jobs], workers, self._name)
            for name, documents, placement in rendered[len(files) :]:
                self.state.pages[name] = documents
                if placement is not None:
                    self.state.views[name] = placement
        log.info("pages: %d rendered, %d reused; files: %d", len(jobs), self.reused, len(files))

    def _finish(self, pelican) -> None:
        if Path(pelican.output_path) != self._staging or self._finished:
            return
        self._finished = True
        signals.finalized.disconnect(self._finish)
        self.render_pending()


def keep_unchanged(settings: dict[str, Any], name: str) -> int | None:
    """For plugins that write files made only from what the frame covers:
    :meth:`IncrementalWriter.keep` of the build's writer, None without one."""
    writer = settings.get(WRITER)
    return writer.keep(name) if isinstance(writer, IncrementalWriter) else None


def renders_at_end(settings: dict[str, Any]) -> bool:
    """Whether the build's pages are rendered when Pelican's generators are
    done (at ``finalized``), as the incremental writer does, not as they are written."""
    return isinstance(settings.get(WRITER), IncrementalWriter)


def write_later(
    settings: dict[str, Any], output: Path, name: str, make: Callable[[], bytes]
) -> None:
    """For plugins that write files made only from what the frame covers, once
    :func:`keep_unchanged` said to: written by the build's render workers
    (:meth:`IncrementalWriter.write_later`), or now into ``output`` without them."""
    writer = settings.get(WRITER)
    if isinstance(writer, IncrementalWriter):
        writer.write_later(name, make)
    else:
        write_file(Path(sanitised_join(str(output), name)), make())


class _Template:
    """The template Pelican's writer sees: rendering asks the incremental writer."""

    def __init__(self, template, writer: IncrementalWriter, context: dict[str, Any]) -> None:
        self._template, self._writer, self._context = template, writer, context

    def render(self, localcontext: dict[str, Any]) -> str:
        return self._writer.page(self._template, localcontext, self._context)


class _Discard:
    """Where Pelican's writer writes a page's text, which is empty: the page is
    reused, or rendered at the end of the build."""

    def __enter__(self) -> "_Discard":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def write(self, text: str) -> None:
        pass


def add_writer(pelican) -> type[Writer]:
    watch_bodies()
    return IncrementalWriter


def add_filters(pelican) -> None:
    """The views of a body that templates show (:mod:`.views`)."""
    settings = pelican.settings
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), **FILTERS}


def register() -> None:
    signals.initialized.connect(add_filters)
    signals.generator_init.connect(share_environment)  # before the receivers that use it
    signals.generator_init.connect(offer_fragments)
    signals.get_writer.connect(add_writer)
