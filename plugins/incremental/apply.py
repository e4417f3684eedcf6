"""Making a finished build the output.

A build writes into a staging folder beside the output, which stays as it was
until the build (search index included) has succeeded. Then either the staging
folder, holding the whole site, replaces the output folder (a rename), or it
holds only what an incremental build wrote (``BuildState.in_place``) and those
files are brought into the output: each changed or new file by a rename (a
reader gets the old page or the new, never part of one), and files the build
no longer makes are removed. Files the build did not write, the reused pages,
are never touched.
"""

import filecmp
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .state import BuildState, keep_recent, save_state, state_path
from .writer import WRITER, IncrementalWriter


@dataclass(frozen=True)
class StagedBuild:
    staging: Path
    output: Path
    state: BuildState | None
    """None when the build ran without the incremental writer."""

    @classmethod
    def after_run(cls, staging: Path, output: Path, settings: dict[str, Any]) -> "StagedBuild":
        """The build Pelican just ran with ``settings``, as its writer left it."""
        writer = settings.get(WRITER)
        return cls(staging, output, writer.state if isinstance(writer, IncrementalWriter) else None)

    def names(self) -> list[str]:
        """Every file of the finished site (relative, sorted)."""
        staged = files_in(self.staging)
        if self.state is None or not self.state.in_place:
            return staged
        return sorted({*staged, *self.state.pages, *self.state.kept})

    def files(self) -> dict[str, Path]:
        """Every file of the finished site → where its bytes are now."""
        staged = set(files_in(self.staging))
        return {
            name: (self.staging if name in staged else self.output) / name for name in self.names()
        }

    def complete(self, cache: Path, last: BuildState | None) -> None:
        """Make this build the output and keep its state in ``cache``. What is
        no longer needed is left beside the output in a ``-old-`` folder, to
        delete. ``last``: the state of the output's last build."""
        state, names = self.state, self.names()
        retired = self.staging.with_name(self.staging.name.replace("-new-", "-old-"))
        if state is not None and state.in_place:
            gone = set(last.files) - set(names) if last else set()
            _bring_in(self.staging, self.output, gone)
            self.staging.rename(retired)  # what is left: files the output already had
        else:
            if self.output.exists():
                self.output.rename(retired)
            self.staging.rename(self.output)
        if state is not None:
            state.files = names
            save_state(state, state_path(cache, self.output))
            keep_recent(cache)


def discard(staging: Path, settings: dict[str, Any]) -> None:
    """After a failed build: the output as it was, the staging folder gone."""
    shutil.rmtree(staging, ignore_errors=True)
    writer = settings.get(WRITER)
    if isinstance(writer, IncrementalWriter):
        writer.remove_new_folders()


def files_in(folder: Path) -> list[str]:
    """Every file under ``folder``, relative, sorted; linked folders are not
    entered, nor listed (as by ``os.walk``). By ``os.scandir``: pathlib, and
    even ``os.walk``, are slow on the 14,000 folders of a large site."""
    found: list[str] = []
    _list_files(str(folder), "", found)
    return sorted(found)


def _list_files(folder: str, prefix: str, found: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.is_dir():
                found.append(prefix + entry.name)
            elif not entry.is_symlink():
                _list_files(entry.path, f"{prefix}{entry.name}/", found)


def _bring_in(staging: Path, output: Path, gone: set[str]) -> None:
    for name in files_in(staging):
        source, target = staging / name, output / name
        if not _same(source, target):
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
    for name in sorted(gone):
        (output / name).unlink(missing_ok=True)
        for folder in (output / name).parents:
            if folder == output or any(folder.iterdir()):
                break
            folder.rmdir()


def _same(source: Path, target: Path) -> bool:
    try:
        there = target.stat()
    except FileNotFoundError:
        return False
    here = source.stat()
    if (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino):
        return True
    return here.st_size == there.st_size and filecmp.cmp(source, target, shallow=False)
