"""Publish a new release, or go back to the previous one."""

import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .compress import compress_tree
from .releases import ReleaseError, Releases
from .verify import verify_release

Builder = Callable[[Path], None]
"""Builds the site into the given (new) folder; raises or exits on failure."""


class PublishError(ReleaseError):
    """The new release was not put live; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class PublishOptions:
    deploy_root: Path
    keep: int = 5
    """Releases kept for ``invoke rollback``, the live one included."""
    rsync_target: str = ""
    """``host:/path/`` to mirror the live release to, after the switch; empty: none."""
    reload_command: str = ""
    """Run after the switch, e.g. ``sudo systemctl reload nginx`` (new redirects)."""


def publish(
    build: Builder, options: PublishOptions, announce: Callable[[str], None] = print
) -> Path:
    """Build into a new release, check it, make it live; returns the release."""
    if options.keep < 2:
        raise PublishError("cần giữ ít nhất 2 bản (keep ≥ 2) để có thể quay lại")
    releases = Releases(options.deploy_root)
    with releases.lock():
        for leftover in releases.remove_unfinished():
            announce(f"Đã xóa bản dựng dở dang: {leftover}")
        release = releases.new_path()
        announce(f"Đang dựng bản mới: {release}")
        try:
            build(release)  # builds beside it, renames into place only when done
            compress_tree(release)
            problems = verify_release(release)
            if problems:
                raise PublishError("Bản mới không đạt, website giữ nguyên:\n" + "\n".join(problems))
        except BaseException:
            shutil.rmtree(release, ignore_errors=True)
            raise
        releases.switch(release)
        announce(f"Website đang dùng bản: {release.name}")
        for removed in releases.prune(options.keep):
            announce(f"Đã xóa bản cũ: {removed.name}")
    _after_switch(release, options, announce)
    return release


def rollback(options: PublishOptions, announce: Callable[[str], None] = print) -> Path:
    """Make the release before the current one live again."""
    releases = Releases(options.deploy_root)
    with releases.lock():
        previous = releases.previous()
        if previous is None:
            raise PublishError(f"không có bản nào cũ hơn bản đang dùng trong {releases.folder}")
        releases.switch(previous)
        announce(f"Đã quay lại bản: {previous.name}")
    _after_switch(previous, options, announce)
    return previous


def rsync_command(release: Path, target: str) -> list[str]:
    """Mirror a release to ``target``; files appear there only once all are sent."""
    return ["rsync", "-a", "--delete", "--delay-updates", f"{release}/", target]


def _after_switch(release: Path, options: PublishOptions, announce) -> None:
    commands = []
    if options.reload_command:
        commands.append(shlex.split(options.reload_command))
    if options.rsync_target:
        commands.append(rsync_command(release, options.rsync_target))
    for command in commands:
        announce("Chạy: " + shlex.join(command))
        subprocess.run(command, check=True, timeout=3600)


def publish_options(settings_file: Path, deploy_root: str = "", keep: int = 0) -> PublishOptions:
    """Options from the publish settings (``DEPLOY_*``), the command line winning."""
    from pelican.settings import read_settings

    settings = read_settings(str(settings_file))
    return PublishOptions(
        deploy_root=Path(deploy_root or settings["DEPLOY_ROOT"]),
        keep=keep or settings.get("DEPLOY_KEEP", PublishOptions.keep),
        rsync_target=settings.get("DEPLOY_RSYNC_TARGET", ""),
        reload_command=settings.get("DEPLOY_RELOAD_COMMAND", ""),
    )
