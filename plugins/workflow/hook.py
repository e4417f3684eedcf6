"""``invoke install-hook``: make git run ``.githooks/pre-commit`` before each commit.

The installed hook only hands over to the one in the repository, so an update
of ``.githooks/pre-commit`` needs no reinstall. An existing, different hook is
never replaced.
"""

from pathlib import Path

HOOK = Path(".githooks") / "pre-commit"
WRAPPER = """\
#!/bin/sh
# Installed by `invoke install-hook`: runs the repository's .githooks/pre-commit.
exec "$(git rev-parse --show-toplevel)/.githooks/pre-commit" "$@"
"""


class HookError(Exception):
    """The hook cannot be installed; the message says why, in Vietnamese."""


def hooks_dir(root: Path) -> Path:
    """``.git/hooks`` of the repository at ``root``, worktrees included."""
    git = root / ".git"
    if git.is_file():  # a worktree or submodule: "gitdir: <path>"
        text = git.read_text(encoding="utf-8").strip()
        if not text.startswith("gitdir:"):
            raise HookError(f"không đọc được {git}")
        git = (root / text.removeprefix("gitdir:").strip()).resolve()
        common = git / "commondir"
        if common.is_file():
            git = (git / common.read_text(encoding="utf-8").strip()).resolve()
    if not git.is_dir():
        raise HookError(f"{root} không phải một kho git (không có .git)")
    return git / "hooks"


def install_hook(root: Path) -> Path:
    """Write the pre-commit wrapper; returns its path. Idempotent."""
    if not (root / HOOK).is_file():
        raise HookError(f"thiếu {HOOK}")
    target = hooks_dir(root) / "pre-commit"
    if target.exists() and target.read_text(encoding="utf-8", errors="replace") != WRAPPER:
        raise HookError(
            f'đã có hook khác ở {target} — hãy gộp tay: thêm dòng "{root / HOOK}" vào hook đó'
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(WRAPPER, encoding="utf-8")
    target.chmod(0o755)
    return target
