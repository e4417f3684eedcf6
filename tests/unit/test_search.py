"""plugins.search without a browser: "đ" marking, what Pagefind reads, filters."""

import unicodedata

import pytest

from plugins.domain.site import load_site
from plugins.search.filters import search_filter_options, search_filters
from plugins.search.folding import STROKE, mark_d
from plugins.search.indexing import searchable
from tests.conftest import CONTENT


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Đồng Nai", f"D{STROKE}ồng Nai"),
        ("đào tạo", f"d{STROKE}ào tạo"),
        ("thi đua – Đoàn", f"thi d{STROKE}ua – D{STROKE}oàn"),
        ("Ðiện Biên", f"D{STROKE}iện Biên"),  # U+00D0 from legacy encodings
        ("Thái Nguyên", "Thái Nguyên"),
    ],
)
def test_mark_d(text, marked):
    assert mark_d(text) == marked


def test_mark_d_composes_first():
    assert mark_d(unicodedata.normalize("NFD", "Đồng Nai")) == f"D{STROKE}ồng Nai"
    assert unicodedata.is_normalized("NFC", mark_d(unicodedata.normalize("NFD", "Hòa Bình")))


def test_stroke_is_a_mark_pagefind_strips():
    """Pagefind drops combining marks (NFD, category M) when it folds a word."""
    assert unicodedata.category(STROKE) == "Mn"
    folded = "".join(
        c for c in unicodedata.normalize("NFD", mark_d("Đồng")) if not unicodedata.combining(c)
    )
    assert folded == "Dong"


def test_searchable_keeps_words_of_adjacent_blocks_apart():
    html = "<dl><dt>Địa điểm</dt><dd>Hà Nội</dd></dl><table><tr><th>Năm</th><td>2016</td></tr>"
    assert searchable(html) == (
        f"<dl><dt>D{STROKE}ịa d{STROKE}iểm</dt> <dd>Hà Nội</dd> </dl>"
        "<table><tr><th>Năm</th> <td>2016</td> </tr>"
    )


@pytest.fixture(scope="module")
def seed():
    site = load_site(CONTENT)
    return next(a for a in site.articles if "hoi-nghi-tong-ket-thi-dua-2016" in a.path)


def test_search_filters_of_an_article(seed):
    filters = search_filters(seed)
    assert filters["chuyen-muc"] == ["Thi đua – Khen thưởng"]
    assert filters["nam"] == ["2019"]
    assert filters["don-vi"][0] == "BQL các KCN Thái Nguyên"
    assert len(filters["don-vi"]) == 7


def test_search_filter_options_are_sorted_for_readers(seed):
    options = search_filter_options([seed])
    provinces = [label.removeprefix("BQL các KCN ") for label in options["don-vi"]]
    assert provinces == [
        "Bắc Giang", "Bắc Kạn", "Hòa Bình", "Phú Thọ", "Thái Nguyên", "Tuyên Quang", "Yên Bái",
    ]  # fmt: skip
    assert options == {**options, "chuyen-muc": ["Thi đua – Khen thưởng"], "nam": ["2019"]}
