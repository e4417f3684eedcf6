"""The reader's Markdown cache and parallel conversion change nothing in the site:
a build with a warm, cold, corrupt or parallel-filled cache writes the same bytes."""

import datetime as dt
import json
import multiprocessing
import re
import shutil
from pathlib import Path

import pytest

from plugins.common import processes
from plugins.common.processes import Background
from plugins.domain.dates import TZ
from plugins.domain.problems import InvalidContentError, Problem, Report
from plugins.model_loader.render_cache import FOLDER, cache_file
from plugins.open_data import open_data
from plugins.units.units import UnitPages
from plugins.workflow.build import SETTINGS, build_site
from plugins.workflow.new_article import create_article
from tests.conftest import BuiltSite, copy_content
from tests.corpus import Corpus, generate_corpus
from tests.trees import differences


def build(content: Path, output: Path, cache: Path, **overrides) -> BuiltSite:
    """Each build writes a new folder: the incremental builds do not come into it."""
    build_site(SETTINGS["dev"], output, PATH=str(content), CACHE_PATH=str(cache), **overrides)
    return BuiltSite(output)


def rendered(cache: Path) -> Path:
    """The cache's one file: each test has its own cache folder and one content tree."""
    (file,) = (cache / FOLDER).glob("rendered-*.json")
    return file


@pytest.fixture(scope="module")
def serial(generated_corpus, tmp_path_factory) -> BuiltSite:
    """A cold build, converting one body at a time (the corpus is small)."""
    folder = tmp_path_factory.mktemp("serial")
    return build(generated_corpus.root, folder / "output", folder / "cache")


def test_a_parallel_cold_build_and_a_warm_build_write_the_serial_bytes(
    generated_corpus, serial, tmp_path
):
    cache = tmp_path / "cache"
    parallel = build(generated_corpus.root, tmp_path / "parallel", cache, MARKDOWN_PARALLEL_MIN=0)
    assert not differences(serial.output, parallel.output)
    written = rendered(cache).stat().st_mtime_ns, rendered(cache).read_bytes()
    warm = build(generated_corpus.root, tmp_path / "warm", cache)
    assert not differences(serial.output, warm.output)
    # Every body came from the cache, so the file had nothing to learn.
    assert (rendered(cache).stat().st_mtime_ns, rendered(cache).read_bytes()) == written


def test_the_warm_build_takes_the_html_from_the_cache(generated_corpus, serial, tmp_path):
    cache = tmp_path / "cache"
    shutil.copytree(serial.output.parent / "cache", cache)
    data = json.loads(rendered(cache).read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry[0] = entry[0].replace("<p>", "<p>ĐÁNH-DẤU ", 1)
    rendered(cache).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    site = build(generated_corpus.root, tmp_path / "output", cache)
    assert "ĐÁNH-DẤU" in site.html(generated_corpus.published[0].url).get_text()


def test_a_corrupt_cache_is_ignored_and_replaced(generated_corpus, serial, tmp_path):
    cache = tmp_path / "cache"
    file = cache_file({"CACHE_PATH": str(cache), "PATH": str(generated_corpus.root)})
    file.parent.mkdir(parents=True)
    file.write_bytes(b'{"format": 1, "entries": {"trun')
    site = build(generated_corpus.root, tmp_path / "output", cache)
    assert not differences(serial.output, site.output)
    assert json.loads(file.read_text(encoding="utf-8"))["entries"]


@pytest.fixture
def own_corpus(tmp_path) -> Corpus:
    return generate_corpus(tmp_path / "content")


def test_an_edited_body_changes_its_page_and_only_its_entry(own_corpus, tmp_path):
    cache = tmp_path / "cache"
    build(own_corpus.root, tmp_path / "before", cache)
    entries_before = json.loads(rendered(cache).read_text(encoding="utf-8"))["entries"]
    article = own_corpus.published[3]
    path = own_corpus.file(article)
    path.write_text(path.read_text(encoding="utf-8") + "\nMột đoạn viết thêm.\n", "utf-8")

    edited = build(own_corpus.root, tmp_path / "after", cache)

    assert "Một đoạn viết thêm." in edited.html(article.url).get_text()
    cold = build(own_corpus.root, tmp_path / "cold", tmp_path / "cold-cache")
    assert not differences(cold.output, edited.output)
    entries_after = json.loads(rendered(cache).read_text(encoding="utf-8"))["entries"]
    assert len(entries_after) == len(entries_before)
    assert len(entries_after.keys() - entries_before.keys()) == 1


def test_bodies_converted_in_the_background_give_the_same_site(tmp_path, monkeypatch):
    """Pelican reads the documents while their bodies still convert: the site
    is the one a build converting each body as it reads it writes, with the
    photos placed, the summaries made from first paragraphs (with a link to
    another article brought up to date) and a linked static file published."""
    content = copy_content(tmp_path / "content")
    when = dt.datetime(2020, 3, 2, 9, 0, tzinfo=TZ)
    linking = create_article(content, "Biểu mẫu đăng ký thi đua", when)
    (content / "files").mkdir()
    (content / "files" / "bieu-mau.txt").write_text("Biểu mẫu\n", encoding="utf-8")
    _replace_body(linking, "Tải [biểu mẫu]({static}/files/bieu-mau.txt) để đăng ký.\n")
    citing = create_article(content, "Nhắc lại hội nghị tổng kết", when + dt.timedelta(days=1))
    _replace_body(
        citing,
        "Xem lại [hội nghị]({filename}/articles/2019/hoi-nghi-tong-ket-thi-dua-2016/index.md)."
        "\n\nĐoạn thứ hai.\n",
    )
    for day in range(3):
        create_article(content, f"Tin ngắn số {day + 1}", when + dt.timedelta(days=2 + day))
    serial = build(content, tmp_path / "serial", tmp_path / "serial-cache")
    monkeypatch.setattr(Background, "done", lambda _self, _index: False)  # every body late
    late = build(content, tmp_path / "late", tmp_path / "late-cache", MARKDOWN_PARALLEL_MIN=0)
    assert not differences(serial.output, late.output)
    assert (late.output / "files" / "bieu-mau.txt").is_file()
    card = late.html("").find("a", string=re.compile("Nhắc lại hội nghị"))
    assert card is not None


@pytest.mark.parametrize(
    ("error", "stops"),
    [
        (RuntimeError("lỗi thử giữa lúc dựng"), RuntimeError),
        (InvalidContentError(Report([Problem("bai.md", 1, "", "lỗi thử")])), SystemExit),
    ],
)
def test_a_build_failing_while_work_goes_on_in_the_background_leaves_no_process_behind(
    generated_corpus, tmp_path, monkeypatch, error, stops
):
    """Bodies convert and open data files are made in the background while
    Pelican goes on; a build that fails then stops that work, whatever the
    error: no worker is left working for nobody."""
    running = []

    def fail(_self, _writer):
        running.append(len(processes._RUNNING))
        raise error

    monkeypatch.setattr(open_data, "BACKGROUND_MIN", 0)
    monkeypatch.setattr(UnitPages, "generate_output", fail)
    with pytest.raises(stops):
        build(
            generated_corpus.root, tmp_path / "output", tmp_path / "cache", MARKDOWN_PARALLEL_MIN=0
        )
    assert running == [2]  # the conversion and the open data files
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "output").exists()


def _replace_body(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    front, _, _ = text.rpartition("---\n")
    path.write_text(front + "---\n" + body, encoding="utf-8")
