"""The frame: what every page may show apart from article bodies, as one digest."""

import datetime as dt
import os
from types import SimpleNamespace

from plugins.incremental.frame import frame_digest

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_theme_and_files_beside_the_markdown_are_in_it_the_markdown_is_not(tmp_path):
    theme, content = tmp_path / "theme", tmp_path / "content"
    (theme / "templates").mkdir(parents=True)
    (content / "data").mkdir(parents=True)
    (theme / "templates" / "base.html").write_text("<main></main>", encoding="utf-8")
    settings = {"THEME": str(theme), "SITENAME": "Ban Quản lý"}
    site = SimpleNamespace(by_file={}, content_root=content)

    def digest() -> str:
        return frame_digest(settings, site, NOW)

    before = digest()
    (theme / "templates" / "base.html").write_text("<main>sửa</main>", encoding="utf-8")
    after_template = digest()
    (content / "data" / "units.yml").write_text("units: []\n", encoding="utf-8")
    after_registry = digest()
    (content / "bai.md").write_text("---\ntitle: Bài\n---\nThân bài.\n", encoding="utf-8")
    os.utime(content / "bai.md", ns=(1, 1))
    after_markdown = digest()
    assert len({before, after_template, after_registry}) == 3
    assert after_markdown == after_registry  # front matters and bodies are digested apart
