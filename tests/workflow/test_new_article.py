"""invoke new: a valid article from the commented template, never over another."""

import datetime as dt
import re
import subprocess
import sys

import pytest

from plugins.domain.dates import TZ
from plugins.domain.site import load_site
from plugins.workflow.new_article import ArticleExistsError, create_article
from tests.conftest import ROOT, copy_content

TITLE = "Hội nghị sơ kết công tác thi đua 6 tháng đầu năm: Khối thi đua"
# 23:30 UTC is already the next day (and the next year) in Vietnam.
NOW = dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.UTC)


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def test_new_article_is_valid_as_written(content):
    path = create_article(content, TITLE, NOW)
    assert (
        path
        == content
        / "articles/2026/hoi-nghi-so-ket-cong-tac-thi-dua-6-thang-dau-nam-khoi-thi-dua.md"
    )
    site = load_site(content)
    assert not site.report.problems, site.report.render()
    article = next(a for a in site.articles if a.path.endswith(path.name))
    assert article.title == TITLE
    assert article.date == dt.datetime(2026, 1, 1, 6, 30, tzinfo=TZ)
    assert article.category.id == "tin-tuc-su-kien"
    assert (article.units, article.awards, article.legacy_url) == ((), (), None)


def test_template_explains_every_field_in_vietnamese(content):
    text = create_article(content, TITLE, NOW).read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert "date: 01-01-2026 06:30" in front
    for field in (
        "status", "slug", "modified", "summary", "source", "author", "tags", "image",
        "image_alt", "images", "units", "event", "roles", "awards", "people", "legacy_url",
    ):  # fmt: skip
        assert re.search(rf"^# {field}:", front, re.MULTILINE), field
    assert "Chuyên mục (bắt buộc)" in front and "thi-dua-khen-thuong" in front


def test_every_commented_example_is_valid_once_uncommented(content):
    """The examples teach the contract: uncommented, they must pass the check."""
    path = create_article(content, TITLE, NOW)
    (content / "images").mkdir(exist_ok=True)
    for name in ("anh-1.jpg", "anh-dai-dien.jpg"):
        (content / "images" / name).write_bytes(
            (
                content / "articles/2019/hoi-nghi-tong-ket-thi-dua-2016/toan-canh-hoi-nghi.jpg"
            ).read_bytes()
        )
    text = path.read_text(encoding="utf-8")
    example = r"^# (?=[a-z_]+:(?: |$)|  (?:- |[a-z_]+: ))"  # not the explanations
    uncommented = re.sub(example, "", text, flags=re.MULTILINE)
    path.write_text(uncommented, encoding="utf-8")
    site = load_site(content)
    assert not site.report.errors, site.report.render()
    article = next(a for a in site.articles if a.path.endswith(path.name))
    assert article.status == "draft" and article.event and article.awards and article.people


def test_refuses_to_overwrite(content):
    path = create_article(content, TITLE, NOW)
    path.write_text(path.read_text(encoding="utf-8") + "Bài đã viết.\n", encoding="utf-8")
    with pytest.raises(ArticleExistsError):
        create_article(content, TITLE, NOW)
    assert path.read_text(encoding="utf-8").endswith("Bài đã viết.\n")


def test_refuses_when_the_folder_form_exists(content):
    folder = content / "articles/2026/bai-co-anh"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("---\n---\n", encoding="utf-8")
    with pytest.raises(ArticleExistsError):
        create_article(content, "Bài có ảnh", NOW)


def test_title_without_letters_is_refused(content):
    with pytest.raises(ValueError, match="cần có chữ"):
        create_article(content, "– ? –", NOW)


def test_invoke_new_writes_then_refuses(tmp_path):
    content = copy_content(tmp_path / "content")
    script = (
        "import sys, tasks; from pathlib import Path; from invoke import Program, Collection;"
        f"tasks.CONTENT = Path({str(content)!r});"
        "Program(namespace=Collection.from_module(tasks)).run(['invoke', *sys.argv[1:]])"
    )
    command = [sys.executable, "-c", script, "new", "Bài viết mới"]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    assert "Đã tạo" in first.stdout
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert second.returncode == 1
    assert "Chưa tạo bài: đã có bài" in second.stderr
