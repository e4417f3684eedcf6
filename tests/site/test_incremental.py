"""Incremental builds: only what changed is rendered, and the result is exactly
the site a cold build makes of the same content."""

import datetime as dt
import time
from collections.abc import Callable

import pytest
from pelican import signals
from pelican.settings import read_settings

from plugins.domain import urls
from plugins.incremental import load_state, write_later
from plugins.redirects.redirects import NGINX_FILE
from plugins.search import SearchIndexError
from plugins.workflow.build import SETTINGS, build_site
from tests.site.live import Live, edit_body
from tests.trees import differences, files


def edit_title(live: Live) -> None:
    path = live.corpus.file(live.corpus.published[5])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Sửa lại ", 1), "utf-8")


def add_article(live: Live) -> None:
    source = live.corpus.file(live.corpus.published[0])
    lines = source.read_text(encoding="utf-8").split("\n")
    lines = [
        'title: "Bài viết thêm để kiểm thử"' if line.startswith("title:") else line
        for line in lines
        if not line.startswith(("slug:", "legacy_url:"))
    ]
    (source.parent / "bai-them.md").write_text("\n".join(lines), "utf-8")


def remove_article(live: Live) -> None:
    live.corpus.file(live.corpus.published[7]).unlink()


def edit_registry(live: Live) -> None:
    units = live.content / "data" / "units.yml"
    text = units.read_text(encoding="utf-8")
    assert "province: Bắc Kạn" in text
    units.write_text(text.replace("province: Bắc Kạn", "province: Bắc Kạn (sửa)", 1), "utf-8")


CHANGES: dict[str, Callable[[Live], None]] = {
    "body": edit_body,
    "title": edit_title,
    "added": add_article,
    "removed": remove_article,
    "registry": edit_registry,
}


@pytest.mark.parametrize("change", CHANGES)
def test_incremental_build_equals_cold_build(live, change):
    CHANGES[change](live)
    live.build()
    assert differences(live.output, live.cold()) == []


def test_incremental_build_with_search_equals_cold_build(live):
    live.build(search=True)
    edit_body(live)
    live.build(search=True)
    assert (live.output / "pagefind" / "pagefind-entry.json").is_file()
    assert differences(live.output, live.cold(search=True)) == []


def test_removed_article_leaves_no_folder(live):
    gone = live.corpus.published[7]
    assert (live.output / gone.url.strip("/") / "index.html").is_file()
    remove_article(live)
    live.build()
    assert not (live.output / gone.url.strip("/")).exists()


def test_settings_change_reaches_every_page(live):
    live.build(DEFAULT_PAGINATION=7)
    assert differences(live.output, live.cold(DEFAULT_PAGINATION=7)) == []


def test_body_edit_renders_its_page_and_reuses_unrelated_ones(live):
    edited, far = live.corpus.published[3], live.corpus.published[-3]
    assert edited.year != far.year
    before = {a.url: live.inode(a.url) for a in (edited, far)}
    edit_body(live)
    live.build()
    assert live.inode(edited.url) != before[edited.url]
    assert live.inode(far.url) == before[far.url]
    state = load_state(live.cache, live.output)
    assert state is not None
    assert state.pages[edited.url.strip("/") + "/index.html"] == [edited.path]


def test_body_edit_keeps_files_made_of_front_matter(live):
    """Open data and redirects are not even written again; a title edit writes them."""
    moved = next(a for a in live.corpus.published if a.legacy_url)
    kept = {"du-lieu/bai-viet.json", NGINX_FILE, urls.legacy(moved.legacy_url).save_as}
    edit_body(live)
    live.build()
    assert kept <= set(load_state(live.cache, live.output).kept)
    edit_title(live)
    live.build()
    assert not kept & set(load_state(live.cache, live.output).kept)
    assert differences(live.output, live.cold()) == []


def test_nothing_changed_leaves_the_output_alone(live, capsys):
    folder = live.output.stat().st_ino
    live.build()
    assert "Không có gì thay đổi" in capsys.readouterr().out
    assert live.output.stat().st_ino == folder


def test_failed_build_keeps_site_and_state_for_the_next_one(live):
    path = live.corpus.file(live.corpus.published[2])
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("category: ", "category: khong-co-", 1), "utf-8")
    folder = live.output.stat().st_ino
    with pytest.raises(SystemExit):
        live.build()
    assert live.output.stat().st_ino == folder
    assert load_state(live.cache, live.output) is not None
    path.write_text(good + "\nSửa xong.\n", "utf-8")
    live.build()
    assert differences(live.output, live.cold()) == []


def test_build_failing_after_rendering_changes_no_file(live, monkeypatch):
    before = files(live.output)
    folders = sorted(p for p in live.output.rglob("*") if p.is_dir())
    edit_body(live)
    add_article(live)  # a new page, whose folder Pelican's writer makes in the output

    def fail(*_args, **_kwargs):
        raise SearchIndexError("search: Pagefind failed (test)")

    monkeypatch.setattr("plugins.search.index_site", fail)
    with pytest.raises(SystemExit, match="test"):
        live.build(search=True)
    assert files(live.output) == before
    assert sorted(p for p in live.output.rglob("*") if p.is_dir()) == folders
    assert [p.name for p in live.output.parent.iterdir()] == ["output"]


def test_output_folder_is_readable_by_the_web_server(live):
    edit_body(live)
    live.build()
    assert live.output.stat().st_mode & 0o777 == 0o755


def test_the_replaced_output_is_removed(live):
    edit_body(live)
    live.build()
    deadline = time.monotonic() + 60  # removed by a background process
    while list(live.output.parent.glob(".output-old-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [p.name for p in live.output.parent.iterdir()] == ["output"]


def test_the_next_scheduled_article_makes_the_build_due(live):
    state = load_state(live.cache, live.output)
    scheduled = min(a.date for a in live.corpus.future)
    assert state.next_due == scheduled.isoformat()
    assert not state.is_due(scheduled - dt.timedelta(seconds=1))
    assert state.is_due(scheduled)


def test_pelican_run_without_build_site_makes_the_same_site(live):
    """``pelican -s pelicanconf.py``: no previous build, every page rendered."""
    from pelican import Pelican

    plain = live.scratch / "pelican" / "output"
    settings = read_settings(
        str(SETTINGS["dev"]), override={"PATH": str(live.content), "OUTPUT_PATH": str(plain)}
    )
    Pelican(settings).run()
    assert differences(live.output, plain) == []
    folders = [
        sorted(p.relative_to(root) for p in root.rglob("*") if p.is_dir())
        for root in (live.output, plain)
    ]
    assert folders[0] == folders[1]


def test_registry_edit_writes_only_the_pages_it_changes(live):
    """Every page is rendered again (the frame changed), few are written."""

    def inodes() -> dict[str, int]:
        return {
            p.relative_to(live.output).as_posix(): p.stat().st_ino
            for p in live.output.rglob("*.html")
        }

    before = inodes()
    edit_registry(live)
    live.build()
    after = inodes()
    rewritten = [name for name, inode in after.items() if before.get(name) != inode]
    assert rewritten, "the unit's province shows on some page"
    assert len(rewritten) < len(after) / 4
    assert differences(live.output, live.cold()) == []


def test_a_file_handed_over_after_the_pages_rendered_is_written_at_once(tmp_path):
    """A plugin that writes at ``finalized`` once the render workers are done:
    its file is written there and then, and reaches the output."""
    output = tmp_path / "output"

    def late(pelican) -> None:
        write_later(pelican.settings, output, "muon/tep.txt", lambda: "Tệp muộn".encode())

    def connect_late(_generator, writer) -> None:  # after the writer's own handler
        signals.finalized.connect(late)

    signals.article_writer_finalized.connect(connect_late)
    try:
        build_site(SETTINGS["dev"], output)
    finally:
        signals.article_writer_finalized.disconnect(connect_late)
        signals.finalized.disconnect(late)
    assert (output / "muon" / "tep.txt").read_text(encoding="utf-8") == "Tệp muộn"
