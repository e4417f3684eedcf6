"""Cache files: written whole, one per content tree, the newest trees kept."""

import os
from pathlib import Path

from plugins.common.cache_files import KEEP_TREES, keep_recent_trees, write_atomically


def test_only_the_newest_trees_and_no_stale_temporary_files_are_kept(tmp_path: Path):
    for n in range(KEEP_TREES + 3):
        write_atomically(tmp_path / f"rendered-{n:02}.json", b"{}")
        os.utime(tmp_path / f"rendered-{n:02}.json", (1000 + n, 1000 + n))
    (tmp_path / ".rendered-00.json.abc.tmp").write_bytes(b"")
    os.utime(tmp_path / ".rendered-00.json.abc.tmp", (0, 0))
    (tmp_path / "other.txt").write_text("kept")
    keep_recent_trees(tmp_path, "rendered-*.json")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["other.txt"] + [f"rendered-{n:02}.json" for n in range(3, KEEP_TREES + 3)]
