"""The release folders of a deploy root and the ``current`` symlink."""

import datetime as dt
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

RELEASES = "releases"
CURRENT = "current"
LOCK = ".publish.lock"


class ReleaseError(Exception):
    """Something about the releases an administrator must sort out; Vietnamese."""


@dataclass(frozen=True)
class Releases:
    root: Path

    @property
    def folder(self) -> Path:
        return self.root / RELEASES

    @property
    def link(self) -> Path:
        return self.root / CURRENT

    def all(self) -> list[Path]:
        """Complete releases, oldest first (names sort by time)."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    def current(self) -> Path | None:
        if not self.link.is_symlink():
            return None
        return (self.link.parent / self.link.readlink()).resolve()

    def new_path(self, now: dt.datetime | None = None) -> Path:
        """A fresh release name: the time, to the microsecond, in UTC."""
        moment = now or dt.datetime.now(dt.UTC)
        path = self.folder / moment.strftime("%Y%m%d-%H%M%S-%f")
        if path.exists():
            raise ReleaseError(f"đã có bản {path}")
        self.folder.mkdir(parents=True, exist_ok=True)
        return path

    def switch(self, release: Path) -> None:
        """Point ``current`` at ``release`` in one step: readers see old or new, never none."""
        if release.parent.resolve() != self.folder.resolve() or not release.is_dir():
            raise ReleaseError(f"{release} không phải một bản trong {self.folder}")
        temporary = self.root / f".{CURRENT}-{os.getpid()}"
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(Path(RELEASES) / release.name)
        temporary.replace(self.link)

    def previous(self) -> Path | None:
        """The release before the current one."""
        current = self.current()
        older = [r for r in self.all() if current is None or r.resolve() < current]
        return older[-1] if older else None

    def prune(self, keep: int) -> list[Path]:
        """Remove all but the ``keep`` newest releases; never the current one."""
        current = self.current()
        releases = self.all()
        removed = [r for r in releases[: max(len(releases) - keep, 0)] if r.resolve() != current]
        for release in removed:
            shutil.rmtree(release)
        return removed

    def remove_unfinished(self) -> list[Path]:
        """Half-built folders a killed publish left behind (only call under the lock)."""
        if not self.folder.is_dir():
            return []
        unfinished = [p for p in self.folder.iterdir() if p.name.startswith(".")]
        for path in unfinished:
            shutil.rmtree(path, ignore_errors=True)
        return unfinished

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One publish or rollback at a time; the kernel frees the lock if we die."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / LOCK).open("w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ReleaseError(
                    f"đang có một lần đăng hoặc quay lại khác trong {self.root}"
                    " — chờ xong rồi thử lại"
                ) from None
            yield
