"""The files of an output folder, as the build state lists them."""

import os
from pathlib import Path

from plugins.incremental.apply import files_in


def test_every_file_relative_and_sorted_linked_folders_left_out(tmp_path):
    for name in ("b/index.html", "a/b/c/index.html", "a-b/x.css", "feed.xml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "a" / "link.html").symlink_to(tmp_path / "feed.xml")
    (tmp_path / "empty").mkdir()
    expected = sorted(
        (Path(folder) / name).relative_to(tmp_path).as_posix()
        for folder, _dirs, names in os.walk(tmp_path)
        for name in names
    )
    assert (
        files_in(tmp_path)
        == expected
        == [
            "a-b/x.css",
            "a/b/c/index.html",
            "a/link.html",
            "b/index.html",
            "feed.xml",
        ]
    )
