import random
import unicodedata

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from plugins.domain.text import (
    fold,
    legacy_url_title,
    match_key,
    nfc,
    slugify,
    vi_sort_key,
)

KHOI_THI_DUA = (
    "Hội nghị tổng kết công tác thi đua năm 2016 – Khối Thi đua Ban Quản lý "
    "các KCN 7 tỉnh Trung du và Miền núi phía Bắc"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfc_composes_decomposed_text() -> None:
    assert nfc(nfd("Đồng Hỷ")) == "Đồng Hỷ"
    assert len(nfc(nfd("ệ"))) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hoà Bình", "Hòa Bình"),
        ("Thuỷ", "Thủy"),
        ("khoẻ", "khỏe"),
        ("Quý", "Qúy"),
        ("HÒA BÌNH", "hoà bình"),
        ("  Sông   Công\t", "Sông Công"),
        (nfd("Phổ Yên"), "Phổ Yên"),
        (nfd("Thuỷ"), "Thủy"),
    ],
)
def test_match_key_equal(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hà", "Hạ"),
        ("Bắc", "Bác"),
        ("Hoà", "Hoa"),
        ("Thuỷ", "Thuý"),
        ("Đại Từ", "Dại Từ"),
        ("Ơn", "Ôn"),
        ("Sông Công", "SôngCông"),
    ],
)
def test_match_key_distinct(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng Nai", "dong nai"),
        (nfd("Đồng Nai"), "dong nai"),
        ("ĐẠI TỪ", "dai tu"),
        ("Thái Nguyên – Phổ Yên", "thai nguyen – pho yen"),
        ("Ưu đãi đầu tư", "uu dai dau tu"),
        ("Ðà Nẵng", "da nang"),  # U+00D0 from legacy encodings, not U+0110
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            KHOI_THI_DUA,
            "hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2016-khoi-thi-dua-ban-quan-ly"
            "-cac-kcn-7-tinh-trung-du-va-mien-nui-phia-bac",
        ),
        ("Đồng Hỷ", "dong-hy"),
        (nfd("Đồng Hỷ"), "dong-hy"),
        ("Quyết định số 123/QĐ-UBND", "quyet-dinh-so-123-qd-ubnd"),
        ("Kỷ niệm ngày 8/3", "ky-niem-ngay-8-3"),
        ("Thu hút 1.000 tỷ đồng", "thu-hut-1000-ty-dong"),
        ("-- “Đột phá” --", "dot-pha"),
        ("snake_case", "snake-case"),
        ("!!!", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


@pytest.mark.parametrize(
    "title",
    [
        KHOI_THI_DUA,
        "Thái Nguyên: Thu hút 1.000 tỷ đồng vốn đầu tư vào các KCN",
        "Khu công nghiệp Yên Bình – Phổ Yên đón nhà đầu tư Hàn Quốc",
        "Ban Quản lý các KCN tỉnh Thái Nguyên tổ chức Hội nghị cán bộ, công chức",
        "Đoàn công tác của tỉnh Bắc Ninh thăm và làm việc tại KCN Sông Công I",
        "Thông báo về việc tuyển dụng công chức năm 2019 (lần 2)",
        "Hướng dẫn thủ tục đầu tư — “một cửa” liên thông",
        "Samsung Electronics Việt Nam Thái Nguyên (SEVT) mở rộng sản xuất",
        "Phổ biến Luật Đầu tư năm 2020 và Luật Doanh nghiệp năm 2020",
        "Women's Day: Chúc mừng ngày Quốc tế Phụ nữ",
        "Tăng cường công tác phòng, chống dịch Covid-19 trong các doanh nghiệp",
    ],
)
def test_slugify_matches_pelican(title: str) -> None:
    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    assert slugify(title) == pelican_slugify(title, regex_subs=subs)


def test_slugify_differs_from_pelican_on_in_word_punctuation() -> None:
    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    title = "Quyết định số 123/QĐ-UBND"
    assert pelican_slugify(title, regex_subs=subs) == "quyet-dinh-so-123qd-ubnd"
    assert slugify(title) == "quyet-dinh-so-123-qd-ubnd"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            KHOI_THI_DUA,
            "hoi-nghi-tong-ket-cong-tac-thi-ua-nam-2016-khoi-thi-ua-ban-quan-ly"
            "-cac-kcn-7-tinh-trung-du-va-mien-nui-phia-bac",
        ),
        (nfd(KHOI_THI_DUA), legacy_url_title(KHOI_THI_DUA)),
        ("Đồng Hỷ", "ong-hy"),
        ("Thông báo số 12/TB-BQL (Đợt 2)", "thong-bao-so-12-tb-bql-ot-2"),
        ("  Đ  ", ""),
    ],
)
def test_legacy_url_title(title: str, expected: str) -> None:
    assert legacy_url_title(title) == expected


@pytest.mark.parametrize(
    "ordered",
    [
        ["Dương Nội", "Đồng Nai", "Yên Bái"],
        ["Bắc Giang", "Bắc Kạn"],
        ["an", "ăn", "ân", "ba"],
        ["Hà", "Hả", "Hã", "Há", "Hạ"],
        ["Ô", "Ơ", "P"],
        ["U", "Ư", "V"],
        ["Ê", "F", "G"],
        ["I", "J", "K"],
        ["V", "W", "X"],
        ["Y", "Z"],
        [" a", "-a", "0", "9", "a"],
    ],
)
def test_vi_sort_key_pairs(ordered: list[str]) -> None:
    keys = [vi_sort_key(text) for text in ordered]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_plain_sort_gets_d_wrong() -> None:
    names = ["Yên Bái", "Đồng Nai", "Dương Nội"]
    assert sorted(names) != ["Dương Nội", "Đồng Nai", "Yên Bái"]
    assert sorted(names, key=vi_sort_key) == ["Dương Nội", "Đồng Nai", "Yên Bái"]


def test_vi_sort_key_provinces() -> None:
    expected = [
        "Bắc Giang",
        "Bắc Kạn",
        "Hòa Bình",
        "Phú Thọ",
        "Thái Nguyên",
        "Tuyên Quang",
        "Yên Bái",
    ]
    shuffled = expected[:]
    random.Random(2017).shuffle(shuffled)
    assert sorted(shuffled, key=vi_sort_key) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hoà Bình", "Hòa Bình"), ("Thuỷ", "Thủy"), ("hà nội", "HÀ NỘI")],
)
def test_vi_sort_key_ignores_tone_placement_and_case_before_tie_break(a: str, b: str) -> None:
    assert vi_sort_key(a)[:2] == vi_sort_key(b)[:2]


def test_vi_sort_key_same_for_nfc_and_nfd() -> None:
    for text in ICU_ORDER:
        assert vi_sort_key(nfd(text)) == vi_sort_key(text)


# Order given by ICU 78.2's Vietnamese collation (Node's Intl.Collator("vi")).
ICU_ORDER = [
    "2016",
    "a b",
    "a-b",
    "ab",
    "an",
    "An Giang",
    "ăn",
    "ân",
    "ba",
    "Bà Rịa – Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Dương Nội",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "ea",
    "Ê",
    "êa",
    "F",
    "fa",
    "Ha",
    "hà",
    "Hà",
    "Hả",
    "Hã",
    "Há",
    "Hạ",
    "Hà Giang",
    "Hà Nội",
    "Hải Phòng",
    "Hàm",
    "Hậu Giang",
    "Hòa Bình",
    "Hồ Chí Minh",
    "Hưng Yên",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Lê Văn Ơn",
    "Long An",
    "Nguyễn Thị Anh",
    "Nguyễn Thị Ảnh",
    "Nguyễn Thị Ánh",
    "Nguyễn Văn An",
    "Nguyễn Văn Ăn",
    "Nguyễn Văn Ân",
    "Ô",
    "Ơ",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Trà Vinh",
    "Trần Du",
    "Trần Dũng",
    "Trần Đức",
    "Tuyên Quang",
    "Vĩnh Long",
    "W",
    "Y",
    "Ý",
    "Yên Bái",
    "Z",
]


def test_vi_sort_key_matches_icu() -> None:
    shuffled = [nfd(text) if i % 2 else text for i, text in enumerate(ICU_ORDER)]
    random.Random(24).shuffle(shuffled)
    assert [nfc(t) for t in sorted(shuffled, key=vi_sort_key)] == ICU_ORDER
