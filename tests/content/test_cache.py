"""The document cache of ``load_site``: the same site, the same problems, only faster.

A cached load must give records equal to a fresh one and replay every problem
in the same order; whatever a document depends on (its bytes, the registries,
the photos it names, the domain code) must make it validated again.
"""

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from plugins.common.cache_files import KEEP_TREES
from plugins.domain import cache as document_cache
from plugins.domain import site as site_module
from plugins.domain.site import Site, load_site
from tests.conftest import copy_content, write_article
from tests.corpus import generate_corpus
from tests.imaging import camera_jpeg

PHOTO_ARTICLE = "2019/hoi-nghi-tong-ket-thi-dua-2016"
PHOTO = "toan-canh-hoi-nghi.jpg"

BROKEN = {
    # relative path → text with several problems of several kinds
    "2020/nhieu-loi.md": """\
        ---
        title: Bài có nhiều lỗi
        date: 30/02/2020
        category: tin-tuc-su-kien
        units: [tuyen-qang, thai-nguyen, ha-nol]
        body: không được ghi
        path: cũng không
        tagz: [a]
        awards:
          - {type: bang-khen-bo-truong}
        images:
          - {src: khong-co.jpg, caption: Ảnh thiếu}
        ---
        Nội dung.
        """,
    "2020/yaml-hong.md": """\
        ---
        title: "Chưa đóng ngoặc
        date: 2020-01-01
        ---
        Nội dung.
        """,
    "2020/khong-phan-dau.md": "Chỉ có thân bài.\n",
    "2021/trung-dia-chi.md": """\
        ---
        title: Bài viết mẫu trùng
        slug: bai-trung
        date: 2021-01-02
        category: tin-tuc-su-kien
        ---
        Một.
        """,
    "2021/trung-dia-chi-2.md": """\
        ---
        title: Bài viết mẫu trùng hai
        slug: bai-trung
        date: 2021-01-03
        category: tin-tuc-su-kien
        ---
        Hai.
        """,
}


@pytest.fixture
def content(tmp_path) -> Path:
    return copy_content(tmp_path / "content")


@pytest.fixture
def cache_dir(tmp_path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def validated(monkeypatch) -> list[str]:
    """The files cached loads validated (rather than took from the cache), as shown."""
    seen: list[str] = []
    put = document_cache.DocumentCache.put

    def spy(self, name, *args):
        seen.append(name)
        return put(self, name, *args)

    monkeypatch.setattr(document_cache.DocumentCache, "put", spy)
    return seen


def snapshot(site: Site) -> tuple:
    """Everything a load gives, comparable between two loads."""
    return (
        site.articles,
        site.pages,
        site.lines,
        list(site.by_file),
        site.registries,
        [str(p) for p in site.report.problems],
    )


def assert_same_as_fresh(content: Path, cache_dir: Path) -> Site:
    cached = load_site(content, cache_dir)
    assert snapshot(cached) == snapshot(load_site(content))
    return cached


def test_cached_load_equals_fresh_load(content, cache_dir, validated):
    fresh = load_site(content)
    cold = load_site(content, cache_dir)
    validated.clear()
    warm = load_site(content, cache_dir)
    assert validated == []
    assert snapshot(cold) == snapshot(warm) == snapshot(fresh)
    assert fresh.articles and fresh.articles[0].images


def test_cached_records_share_the_registries_records(content, cache_dir):
    load_site(content, cache_dir)
    site = load_site(content, cache_dir)
    article = site.articles[0]
    assert article.category is site.registries.categories[article.category.id]
    assert all(unit is site.registries.units[unit.id] for unit in article.units)


@pytest.mark.parametrize("forked", [False, True], ids=["here", "forked-workers"])
def test_generated_corpus_loads_the_same_from_the_cache(tmp_path, validated, forked, monkeypatch):
    """Forked workers read and key the files themselves: the keys they send
    back must find the entries on the next load, as keys made here do."""
    if forked:
        monkeypatch.setattr(site_module, "PARALLEL_MIN", 2)
    corpus = generate_corpus(tmp_path / "content", years=range(2018, 2021), articles_per_year=30)
    cold = load_site(corpus.root, tmp_path / "cache")
    validated.clear()
    warm = load_site(corpus.root, tmp_path / "cache")
    assert validated == []
    assert snapshot(warm) == snapshot(cold) == snapshot(load_site(corpus.root))


def test_problems_from_the_cache_are_replayed_in_the_same_order(content, cache_dir, validated):
    for relative, text in BROKEN.items():
        write_article(content, relative, text)
    fresh = [str(p) for p in load_site(content).report.problems]
    load_site(content, cache_dir)
    validated.clear()
    warm = [str(p) for p in load_site(content, cache_dir).report.problems]
    assert validated == []
    assert warm == fresh
    assert len(fresh) >= 10
    assert any("trùng với bài" in p for p in fresh)  # across files: checked on every load


def test_an_edited_file_is_validated_again(content, cache_dir, validated):
    load_site(content, cache_dir)
    path = write_article(content, "2020/moi.md", BROKEN["2021/trung-dia-chi.md"])
    validated.clear()
    assert_same_as_fresh(content, cache_dir)
    assert validated[0] == "content/articles/2020/moi.md"

    path.write_text(path.read_text(encoding="utf-8") + "Thêm một câu.\n", encoding="utf-8")
    validated.clear()
    site = assert_same_as_fresh(content, cache_dir)
    assert validated[0] == "content/articles/2020/moi.md"
    assert site.document(path).body.endswith("Thêm một câu.")


def test_a_removed_file_leaves_the_cache(content, cache_dir):
    path = write_article(content, "2020/moi.md", BROKEN["2021/trung-dia-chi.md"])
    load_site(content, cache_dir)
    path.unlink()
    site = assert_same_as_fresh(content, cache_dir)
    assert all(a.path != "content/articles/2020/moi.md" for a in site.articles)
    [file] = cache_dir.iterdir()
    assert "content/articles/2020/moi.md" not in pickle.loads(file.read_bytes())["entries"]


def test_an_edited_registry_validates_everything_again(content, cache_dir, validated):
    first = load_site(content, cache_dir)
    categories = content / "data/categories.yml"
    text = categories.read_text(encoding="utf-8")
    category = first.articles[0].category
    categories.write_text(text.replace(category.name, "Tên chuyên mục mới", 1), encoding="utf-8")
    validated.clear()
    site = assert_same_as_fresh(content, cache_dir)
    assert len(validated) == len(first.articles) + len(first.pages)
    assert site.articles[0].category.name == "Tên chuyên mục mới"


def test_a_removed_photo_is_reported_and_a_restored_one_accepted(content, cache_dir):
    photo = content / "articles" / PHOTO_ARTICLE / PHOTO
    data = photo.read_bytes()
    assert not load_site(content, cache_dir).report.problems
    photo.unlink()
    site = assert_same_as_fresh(content, cache_dir)
    [error] = site.report.errors
    assert f'không tìm thấy ảnh "{PHOTO}"' in error.message
    photo.write_bytes(data)
    assert not assert_same_as_fresh(content, cache_dir).report.problems


def test_a_photo_added_where_it_was_missing_is_found(content, cache_dir):
    write_article(content, "2020/bai-anh/index.md", BROKEN["2020/nhieu-loi.md"])
    assert any("khong-co.jpg" in str(p) for p in load_site(content, cache_dir).report.problems)
    (content / "images").mkdir(exist_ok=True)
    camera_jpeg(content / "images/khong-co.jpg", (80, 60))
    site = assert_same_as_fresh(content, cache_dir)
    assert not any("khong-co.jpg" in str(p) for p in site.report.problems)


def test_a_replaced_photo_is_checked_again(content, cache_dir):
    load_site(content, cache_dir)
    photo = content / "articles" / PHOTO_ARTICLE / PHOTO
    photo.write_bytes(b"not a photo")
    site = assert_same_as_fresh(content, cache_dir)
    [error] = site.report.errors
    assert "không đọc được như một ảnh" in error.message


def test_other_code_validates_everything_again(content, cache_dir, validated, monkeypatch):
    first = load_site(content, cache_dir)
    monkeypatch.setattr(document_cache, "CODE_DIGEST", "another version of plugins/domain")
    validated.clear()
    assert_same_as_fresh(content, cache_dir)
    assert len(validated) == len(first.articles) + len(first.pages)
    validated.clear()
    load_site(content, cache_dir)
    assert validated == []


def test_code_digest_covers_every_domain_module():
    digest = hashlib.sha256()
    for path in sorted(Path(document_cache.__file__).parent.glob("*.py")):
        digest.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    assert digest.hexdigest() == document_cache.CODE_DIGEST


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "garbage": lambda data: b"\x00not a pickle at all",
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "other shape": lambda data: pickle.dumps({"format": document_cache.FORMAT, "entries": [1]}),
    "bad entry": lambda data: pickle.dumps(
        {
            "format": document_cache.FORMAT,
            "entries": {
                k: document_cache._Entry(v.key, v.stamps, b"\x80\x05junk")
                for k, v in pickle.loads(data)["entries"].items()
            },
        }
    ),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_cache_is_ignored_and_rebuilt(content, cache_dir, validated, corrupt):
    write_article(content, "2020/nhieu-loi.md", BROKEN["2020/nhieu-loi.md"])
    load_site(content, cache_dir)
    [file] = cache_dir.iterdir()
    file.write_bytes(corrupt(file.read_bytes()))
    assert_same_as_fresh(content, cache_dir)
    validated.clear()
    load_site(content, cache_dir)
    assert validated == []
    assert [p.name for p in cache_dir.iterdir()] == [file.name]  # no temporary file left


def test_a_cache_that_cannot_be_written_is_no_error(content, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert_same_as_fresh(content, blocked)


def test_a_moved_tree_does_not_use_the_other_trees_entries(tmp_path, cache_dir, validated):
    first = copy_content(tmp_path / "a" / "content")
    second = copy_content(tmp_path / "b" / "content")
    load_site(first, cache_dir)
    validated.clear()
    site = assert_same_as_fresh(second, cache_dir)
    assert validated
    photos = [photo.src.path for article in site.articles for photo in article.images]
    assert photos
    assert all(path.is_relative_to(second) for path in photos)


def test_digests_of_front_matter_and_body(content, cache_dir):
    path = write_article(content, "2020/moi.md", BROKEN["2021/trung-dia-chi.md"])
    text = path.read_text(encoding="utf-8")
    front, body = text.split("---\n")[1], text.split("---\n", 2)[2]
    sha = lambda s: hashlib.sha256(s.encode()).hexdigest()  # noqa: E731
    document = load_site(content, cache_dir).document(path)
    assert (document.front_digest, document.body_digest) == (sha(front.rstrip("\n")), sha(body))
    assert load_site(content, cache_dir).document(path) == document

    path.write_text(text + "Thêm.\n", encoding="utf-8")
    edited = load_site(content, cache_dir).document(path)
    assert edited.front_digest == document.front_digest
    assert edited.body_digest == sha(body + "Thêm.\n")

    path.write_text(text.replace("slug: bai-trung", "slug: bai-khac"), encoding="utf-8")
    edited = load_site(content, cache_dir).document(path)
    assert edited.front_digest != document.front_digest
    assert edited.body_digest == document.body_digest


def test_digests_are_not_front_matter_fields(content):
    write_article(
        content,
        "2020/moi.md",
        """\
        ---
        title: Bài viết
        date: 2020-03-05 08:00
        category: tin-tuc-su-kien
        front_digest: abc
        body_digets: def
        ---
        Nội dung.
        """,
    )
    problems = [str(p) for p in load_site(content).report.problems]
    assert problems == [
        "content/articles/2020/moi.md:5: front_digest: không có trường"
        ' "front_digest" trong quy ước nội dung',
        "content/articles/2020/moi.md:6: body_digets: không có trường"
        ' "body_digets" trong quy ước nội dung',
    ]


def test_the_cache_folder_keeps_the_trees_loaded_last(content, cache_dir):
    cache_dir.mkdir()
    for index in range(KEEP_TREES + 2):
        old = cache_dir / f"documents-{index:016x}.pickle"
        old.write_bytes(b"")
        os.utime(old, (1_000_000 + index, 1_000_000 + index))
    killed = cache_dir / ".documents-0.pickle.x.tmp"
    killed.write_bytes(b"")
    os.utime(killed, (1_000_000, 1_000_000))
    load_site(content, cache_dir)
    kept = sorted(p.name for p in cache_dir.iterdir())
    assert len(kept) == KEEP_TREES
    assert "documents-0000000000000000.pickle" not in kept
    assert f"documents-{KEEP_TREES + 1:016x}.pickle" in kept
    assert killed.name not in kept
    [ours] = [p for p in cache_dir.iterdir() if p.stat().st_mtime > 2_000_000]
    os.utime(ours, (1_000_000, 1_000_000))
    load_site(content, cache_dir)  # nothing changed: the file is only marked used
    assert ours.stat().st_mtime > 2_000_000
