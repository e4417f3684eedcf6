"""The pre-commit hook: installed into .git/hooks, never over another hook."""

import os
import shutil
import subprocess

import pytest

from plugins.workflow.hook import HOOK, WRAPPER, HookError, hooks_dir, install_hook
from tests.conftest import ROOT


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git" / "hooks").mkdir(parents=True)
    (tmp_path / HOOK).parent.mkdir()
    shutil.copy(ROOT / HOOK, tmp_path / HOOK)
    return tmp_path


def test_shipped_hook_is_executable_and_runs_the_check():
    hook = ROOT / HOOK
    assert os.access(hook, os.X_OK)
    text = hook.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/sh") and ".venv/bin/invoke check" in text
    assert subprocess.run(["sh", "-n", str(hook)], check=False, timeout=10).returncode == 0


def test_install_writes_an_executable_wrapper(repo):
    target = install_hook(repo)
    assert target == repo / ".git/hooks/pre-commit"
    assert target.read_text(encoding="utf-8") == WRAPPER
    assert os.access(target, os.X_OK)
    assert install_hook(repo) == target  # again: nothing changes


def test_install_never_replaces_another_hook(repo):
    other = repo / ".git/hooks/pre-commit"
    other.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    with pytest.raises(HookError, match="đã có hook khác"):
        install_hook(repo)
    assert other.read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"


def test_worktree_hooks_live_in_the_common_git_dir(tmp_path):
    common = tmp_path / "main.git"
    worktree_git = common / "worktrees" / "w"
    worktree_git.mkdir(parents=True)
    (worktree_git / "commondir").write_text("../..\n", encoding="utf-8")
    checkout = tmp_path / "w"
    checkout.mkdir()
    (checkout / ".git").write_text(f"gitdir: {worktree_git}\n", encoding="utf-8")
    assert hooks_dir(checkout) == common / "hooks"


def test_not_a_repository(tmp_path):
    with pytest.raises(HookError, match="không phải một kho git"):
        hooks_dir(tmp_path)
