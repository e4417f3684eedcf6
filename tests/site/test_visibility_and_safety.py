"""Drafts and future articles stay unpublished; a failed build changes nothing."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT, copy_content, write_article

ARTICLE = """\
---
title: {title}
date: {date}
category: tin-tuc-su-kien
units: [thai-nguyen]
tags: [Bí mật]
{extra}
---
Nội dung {title}.
"""


@pytest.fixture
def content(tmp_path):
    content = copy_content(tmp_path / "content")
    write_article(
        content,
        "2020/nhap.md",
        ARTICLE.format(title="Bản nháp chưa đăng", date="2020-05-01", extra="status: draft"),
    )
    write_article(
        content,
        "2099/tuong-lai.md",
        ARTICLE.format(title="Bài hẹn giờ đăng", date="01/01/2099 08:00", extra=""),
    )
    write_article(
        content,
        "2020/an.md",
        ARTICLE.format(title="Bài ẩn khỏi danh sách", date="2020-05-02", extra="status: hidden"),
    )
    return content


def test_draft_and_future_articles_appear_nowhere(build, content):
    site = build(content)
    everything = "\n".join(
        p.read_text(encoding="utf-8")
        for p in site.output.rglob("*")
        if p.suffix in (".html", ".xml", ".txt")
    )
    for title in (
        "Bản nháp chưa đăng",
        "Bài hẹn giờ đăng",
        "ban-nhap-chua-dang",
        "bai-hen-gio-dang",
    ):
        assert title not in everything
    assert not (site.output / "drafts").exists()
    assert not (site.output / "tin-tuc/2099").exists()
    assert not site.exists("/the/bi-mat/")


def test_hidden_article_has_a_page_but_is_not_listed(build, content):
    site = build(content)
    assert site.exists("/tin-tuc/2020/bai-an-khoi-danh-sach/")
    listings = [site.file(u).read_text() for u in ("/", "/tin-tuc/", "/feed.xml")]
    assert not any("bai-an-khoi-danh-sach" in text for text in listings)


def test_failed_build_leaves_the_previous_output_untouched(build, content, tmp_path):
    site = build(content)
    before = {p: p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    write_article(
        content,
        "2020/loi.md",
        ARTICLE.format(title="Lỗi", date="30/02/2020", extra="event: {type: khong-co}"),
    )
    with pytest.raises(SystemExit) as failure:
        build(content)
    message = str(failure.value)
    assert "content/articles/2020/loi.md:3: date:" in message
    assert "content/articles/2020/loi.md:7: event.type:" in message
    after = {p: p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


def test_build_command_exits_non_zero_on_bad_content(tmp_path, content):
    write_article(
        content,
        "2020/loi.md",
        ARTICLE.format(title="Lỗi", date="2020-01-01", extra="category: khong-co"),
    )
    output = tmp_path / "out"
    script = (
        "from plugins.workflow import build; from pathlib import Path;"
        f"build.build_site(build.SETTINGS['dev'], Path({str(output)!r}),"
        f" PATH={str(content)!r})"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "content/articles/2020/loi.md:" in result.stderr
    assert "category" in result.stderr
    assert not output.exists()


def test_same_content_gives_the_same_bytes(build, content, tmp_path):
    first = build(content)
    snapshot = {
        p.relative_to(first.output): p.read_bytes() for p in first.output.rglob("*") if p.is_file()
    }
    second = build(content)
    again = {
        p.relative_to(second.output): p.read_bytes()
        for p in second.output.rglob("*")
        if p.is_file()
    }
    assert again == snapshot
