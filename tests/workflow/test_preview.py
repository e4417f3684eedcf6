"""invoke livereload: rebuilds on change, shows errors, keeps the last good build."""

import signal
import urllib.request

import pytest

from tests.conftest import copy_content, write_article
from tests.workflow.preview_process import running_preview

ARTICLE = """\
---
title: Bài xem trước
date: 2020-05-01 08:00
category: tin-tuc-su-kien
{extra}
---
{body}
"""
PAGE = "/tin-tuc/2020/bai-xem-truoc/"


@pytest.fixture
def content(tmp_path):
    content = copy_content(tmp_path / "content")
    write_article(content, "2020/bai.md", ARTICLE.format(extra="", body="Nội dung ban đầu."))
    return content


def edit(content, extra: str, body: str) -> None:
    write_article(content, "2020/bai.md", ARTICLE.format(extra=extra, body=body))


def test_rebuild_error_banner_and_last_good_build(content, tmp_path):
    output = tmp_path / "output"
    with running_preview(content, output) as preview:
        assert preview.status()["ok"], preview.lines
        status, html = preview.get(PAGE)
        assert status == 200 and "Nội dung ban đầu." in html
        assert '<script src="/__preview__/preview.js" data-build="' in html

        # The event stream tells the page when a later build is done.
        build = preview.status()["build"]
        stream = urllib.request.urlopen(
            f"{preview.url}__preview__/events?build={build}", timeout=120
        )
        edit(content, "", "Nội dung đã sửa.")
        preview.wait_for(lambda: "Nội dung đã sửa." in preview.get(PAGE)[1], "the rebuild")
        line = stream.readline()
        while line.startswith(b":") or line == b"\n":  # heartbeats while it builds
            line = stream.readline()
        assert line.startswith(b"event: build")
        stream.close()

        edit(content, "units: [tuyen-qang]", "Nội dung lỗi.")
        preview.wait_for(lambda: not preview.status()["ok"], "the failed build")
        problems = preview.status()["problems"]
        assert any("units[0]" in p and "tuyen-qang" in p for p in problems), problems
        status, html = preview.get(PAGE)
        assert status == 200
        assert "Nội dung đã sửa." in html and "Nội dung lỗi." not in html  # last good build
        assert 'class="preview-errors"' in html and "tuyen-qang" in html
        assert "tuyen-qang" in "".join(preview.lines)  # and in the terminal

        edit(content, "", "Nội dung đã chữa.")
        preview.wait_for(lambda: preview.status()["ok"], "the repaired build")
        html = preview.get(PAGE)[1]
        assert "Nội dung đã chữa." in html and "preview-errors" not in html

        # The preview adds its script as it serves: the built files never hold it.
        assert not [p for p in output.rglob("*.html") if "__preview__" in p.read_text("utf-8")]
        assert preview.get("/khong-co/")[0] == 404
    assert preview.process.returncode == 0  # stopped cleanly by SIGTERM


def test_no_good_build_yet_shows_the_problems(tmp_path):
    content = copy_content(tmp_path / "content")
    write_article(content, "2020/bai.md", ARTICLE.format(extra="category: x", body="A"))
    with running_preview(content, tmp_path / "output") as preview:
        assert not preview.status()["ok"]
        status, html = preview.get("/")
        assert status == 503
        assert "category" in html and 'class="preview-errors"' in html


def test_sigint_stops_the_preview(content, tmp_path):
    with running_preview(content, tmp_path / "output") as preview:
        preview.process.send_signal(signal.SIGINT)
        preview.wait_for(lambda: preview.process.poll() is not None, "the preview to stop", 60)
        assert preview.process.returncode == 0


def test_builds_started_ahead_read_the_content_when_told(content, tmp_path):
    from plugins.workflow.build import ROOT, SETTINGS
    from plugins.workflow.preview.app import Builds

    output = tmp_path / "output"
    builds = Builds(ROOT, SETTINGS["dev"], output, content)
    try:
        assert builds.run() == (True, ())
        edit(content, "", "Sửa sau khi bản dựng kế tiếp đã chờ sẵn.")  # it is waiting now
        assert builds.run() == (True, ())
        page = output / PAGE.strip("/") / "index.html"
        assert "đã chờ sẵn" in page.read_text(encoding="utf-8")
        builds.code_changed()
        assert builds.run() == (True, ())
    finally:
        builds.close()


def test_a_build_waiting_to_be_told_ends_without_building_when_not(tmp_path):
    import subprocess
    import sys

    from plugins.workflow.build import ROOT, SETTINGS

    output = tmp_path / "output"
    command = [sys.executable, "-m", "plugins.workflow.preview.rebuild", "--when-told"]
    command += [str(SETTINGS["dev"]), str(output), str(tmp_path / "content")]
    done = subprocess.run(command, cwd=ROOT, input="", capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert not output.exists()
