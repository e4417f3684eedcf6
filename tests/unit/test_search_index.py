"""The Pagefind index of a tiny site: what is indexed, and the regrouped chunks."""

import gzip
import json
from pathlib import Path

import pytest

from plugins.search import cbor
from plugins.search.chunks import rebalance_chunks
from plugins.search.indexing import BUNDLE, index_site

PAGE = """<!doctype html><html lang="vi"><head><title>{title}</title></head><body>
<nav>Trang chủ Tin tức</nav>
<article {body}><h1>{title}</h1><p>{text}</p></article></body></html>"""
ARTICLES = {
    "dong-nai": ("Đồng Nai", "Tỉnh Đồng Nai thu hút đầu tư vào khu công nghiệp."),
    "doan": ("Đoàn Thanh niên", "Đoàn viên ra quân, thanh niên tình nguyện."),
    "hoa-binh": ("Hoà Bình", "Hội nghị tại Hòa Bình và Hoà Bình, nhiều nhất, nhật ký."),
}


@pytest.fixture
def site(tmp_path) -> Path:
    for slug, (title, text) in ARTICLES.items():
        page = tmp_path / "tin-tuc" / slug / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=title, text=text, body="data-pagefind-body"))
    listing = tmp_path / "index.html"
    listing.write_text(PAGE.format(title="Trang chủ", text="Đồng Nai", body=""))
    return tmp_path


def read(path: Path) -> list:
    return cbor.decode(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))


def words_of(bundle: Path) -> dict[str, list]:
    """Every word of the index with its chunk's range, from pf_meta."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta = read(bundle / f"pagefind.{entry['languages']['vi']['hash']}.pf_meta")
    found = {}
    for first, last, chunk in meta[2]:
        for word in read(bundle / "index" / f"{chunk}.pf_index")[0]:
            assert first <= word[0] and word[0][: len(last)] <= last
            found[word[0]] = word
    return found


def test_published_pages_are_indexed_with_d_folded(site):
    report = index_site(site)
    assert report.pages == len(ARTICLES)
    words = words_of(site / BUNDLE)
    assert {"dong", "nai", "doan", "hoa", "binh", "khu"} <= set(words)
    assert "đong" not in words and "trang" not in words  # navigation is not indexed
    forms = {variant[0] for variant in words["hoa"][2]}
    assert forms == {"hoà", "hòa"}
    assert {variant[0] for variant in words["doan"][2]} == {"d\u0335oàn"}


def test_index_files_decode_and_encode_to_the_same_bytes(site):
    index_site(site)
    bundle = site / BUNDLE
    for path in [*bundle.glob("*.pf_meta"), *bundle.glob("index/*"), *bundle.glob("filter/*")]:
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        assert cbor.encode(cbor.decode(data)) == data, path


def test_rebalanced_chunks_hold_the_same_words(site):
    index_site(site)
    bundle = site / BUNDLE
    before = words_of(bundle)
    rebalance_chunks(bundle, size=4)
    after = words_of(bundle)
    assert after == before
    chunks = list((bundle / "index").iterdir())
    assert len(chunks) > len(before) / 4
    assert len(list(bundle.glob("*.pf_meta"))) == 1


def test_other_pagefind_versions_are_left_alone(site):
    index_site(site)
    bundle = site / BUNDLE
    entry = bundle / "pagefind-entry.json"
    entry.write_text(entry.read_text().replace('"1.5.2"', '"9.0.0"'))
    files = sorted(p.name for p in bundle.rglob("*"))
    rebalance_chunks(bundle, size=4)
    assert sorted(p.name for p in bundle.rglob("*")) == files


def filtered_site(root: Path) -> Path:
    """Pages with several filters of many values, which Pagefind orders at random."""
    for n in range(12):
        page = root / "tin-tuc" / f"bai-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        filters = "".join(
            f'<span data-pagefind-filter="{name}">{value}</span>'
            for name, value in (("nam", 2010 + n), ("don-vi", f"Đơn vị {n % 7}"), ("loai", n % 3))
        )
        text = f"Bài số {n} về khu công nghiệp.{filters}"
        page.write_text(PAGE.format(title=f"Bài {n}", text=text, body="data-pagefind-body"))
    return root


def test_the_same_pages_give_the_same_index(tmp_path):
    bundles = []
    for run in ("a", "b", "c"):
        site = filtered_site(tmp_path / run)
        index_site(site)
        bundles.append(
            {p.relative_to(site): p.read_bytes() for p in (site / BUNDLE).rglob("*.pf_*")}
        )
    assert bundles[0] == bundles[1] == bundles[2]
    meta = next(p for p in bundles[0] if p.suffix == ".pf_meta")
    filters = read(tmp_path / "a" / meta)[3]
    assert [name for name, _ in filters] == ["don-vi", "loai", "nam"]
