"""Every mistake of front-matter.md gets one message naming file, line and field."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from plugins.domain.site import load_site
from tests.conftest import ROOT, copy_content, write_article

REL = "2020/bai-loi.md"
SHOWN = f"content/articles/{REL}"
GOOD = """\
---
title: Bài viết mẫu
date: 2020-03-05 08:00
category: tin-tuc-su-kien
{extra}
---
Nội dung.
"""


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return copy_content(tmp_path_factory.mktemp("errors") / "content")


def problems_for(content: Path, front: str, *, relative: str = REL) -> list[str]:
    path = write_article(content, relative, front)
    try:
        return [str(p) for p in load_site(content).report.problems]
    finally:
        path.unlink()


CASES = [
    # (front matter added to a valid article, expected line, field, message part)
    (
        "units: [tuyen-qang]",
        5,
        "units[0]",
        'không có đơn vị "tuyen-qang" trong content/data/units.yml — có phải "tuyen-quang"?',
    ),
    (
        "awards:\n  - {type: bang-khen-bo-truong, recipient: thai-nguyen}\n"
        "  - {type: bang-khen-bo-truong, recipient: tuyen-qang}",
        7,
        "awards[1].recipient",
        'không có đơn vị "tuyen-qang"',
    ),
    (
        "event: {type: hoi-nghi-tong-ket, date: 30/02/2017}",
        5,
        "event.date",
        'ngày "30/02/2017" không tồn tại',
    ),
    (
        "event: {type: hoi-nghi-tong-ket, date: 02/24/2017}",
        5,
        "event.date",
        '"02/24/2017"',
    ),
    (
        "event: {type: hoi-nghi-tong-kt}",
        5,
        "event.type",
        'không có loại sự kiện "hoi-nghi-tong-kt" trong content/data/event-types.yml'
        ' — có phải "hoi-nghi-tong-ket"',
    ),
    (
        "event: {type: hoi-nghi-tong-ket, bloc: khoi-tdmnpb}",
        5,
        "event.bloc",
        'không có khối thi đua "khoi-tdmnpb"',
    ),
    (
        "awards:\n  - {type: bang-khen-bo-truog, recipient: thai-nguyen}",
        6,
        "awards[0].type",
        'có phải "bang-khen-bo-truong"',
    ),
    (
        "awards:\n  - {type: giay-khen}",
        6,
        "awards[0]",
        "cần đúng một trong recipient (đơn vị), person (tên người) hoặc individuals",
    ),
    (
        "awards:\n  - {type: giay-khen, recipient: thai-nguyen, person: Nguyễn Văn A}",
        6,
        "awards[0]",
        "(đang ghi: recipient, person)",
    ),
    (
        "awards:\n  - {type: co-thi-dua-xuat-sac, person: Nguyễn Văn A}",
        6,
        "awards[0].person",
        '"Cờ Thi đua xuất sắc" chỉ trao cho tập thể',
    ),
    (
        "awards:\n  - {type: lao-dong-tien-tien, recipient: thai-nguyen}",
        6,
        "awards[0].recipient",
        '"Lao động tiên tiến" chỉ trao cho cá nhân',
    ),
    (
        "awards:\n  - {type: giay-khen, recipient: thai-nguyen, status: da-trao}",
        6,
        "awards[0].status",
        'giá trị "da-trao" không hợp lệ — chọn một trong: "de-nghi", "da-tang"',
    ),
    (
        "awards:\n  - {type: giay-khen, individuals: nhiều}",
        6,
        "awards[0].individuals",
        "cần một số nguyên",
    ),
    (
        "roles:\n  - {bloc: khoi-kcn-tdmnpb, year: 2020, head: thai-nguyen, deputy: thai-nguyen}",
        6,
        "roles[0].deputy",
        "Phó khối không thể trùng với Trưởng khối",
    ),
    (
        "roles:\n  - {bloc: khoi-kcn-tdmnpb, head: thai-nguyen}",
        6,
        "roles[0].year",
        "thiếu trường bắt buộc",
    ),
    (
        "unitz: [thai-nguyen]",
        5,
        "unitz",
        'không có trường "unitz" trong quy ước nội dung — có phải "units"?',
    ),
    ("status: nhap", 5, "status", 'chọn một trong: "published", "draft", "hidden"'),
    ("tags: Hội nghị", 5, "tags", "cần một danh sách"),
    ("slug: Bài Viết", 5, "slug", "chỉ được gồm chữ thường không dấu"),
    (
        "image: khong-co.jpg\nimage_alt: Ảnh",
        5,
        "image",
        'không tìm thấy ảnh "khong-co.jpg"'
        " (đã tìm trong content/articles/2020/ và content/images/)",
    ),
    (
        "images:\n  - {src: ../../../pelicanconf.py}",
        6,
        "images[0].src",
        "nằm ngoài thư mục content/",
    ),
    (
        "images:\n  - {src: ../data/units.yml}",
        6,
        "images[0].src",
        "không đọc được như một ảnh",
    ),
    (
        "image: ../2019/hoi-nghi-tong-ket-thi-dua-2016/toan-canh-hoi-nghi.jpg",
        5,
        "image",
        "ảnh đại diện cần image_alt",
    ),
    ("modified: 2020-13-01", 5, "modified", '"2020-13-01"'),
]


@pytest.mark.parametrize(
    ("extra", "line", "field", "message"),
    CASES,
    ids=[c[2] + ":" + c[3][:24] for c in CASES],
)
def test_front_matter_error(content, extra, line, field, message):
    problems = problems_for(content, GOOD.format(extra=extra))
    prefix = f"{SHOWN}:{line}: {field}: "
    matching = [p for p in problems if p.startswith(prefix)]
    assert len(matching) == 1, problems
    assert message in matching[0]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: [chưa đóng\ndate: 2020-01-01\n---\n", 2, "YAML không hợp lệ"),
        ("---\ntitle: a: b\n---\n", 2, "có dấu ':' đặt sai chỗ"),
        ("title: thiếu\n", 1, "tệp phải bắt đầu bằng dòng '---'"),
        ("---\ntitle: chưa đóng\n", 1, "chưa được đóng"),
        ("---\ntitle: a\ndate: 2020-01-01\ntitle: b\n---\n", 4, 'trường "title" được ghi hai lần'),
    ],
)
def test_unreadable_front_matter(content, text, line, message):
    problems = problems_for(content, text)
    assert any(p.startswith(f"{SHOWN}:{line}: ") and message in p for p in problems), problems


def test_missing_required_fields_are_all_reported(content):
    problems = problems_for(content, "---\nsummary: chỉ có tóm tắt\n---\n")
    for field in ("title", "date", "category"):
        assert f"{SHOWN}:2: {field}: thiếu trường bắt buộc" in problems, problems


def test_file_that_is_not_utf8_names_its_encoding(content):
    path = content / "articles" / REL
    path.write_bytes("---\ntitle: Thông báo\n---\n".encode("cp1258"))
    try:
        problems = [str(p) for p in load_site(content).report.problems]
    finally:
        path.unlink()
    assert any(
        p.startswith(f"{SHOWN}:2: ") and "không phải UTF-8" in p and "Windows-1258" in p
        for p in problems
    ), problems


def test_every_problem_of_every_file_at_once(content):
    write_article(content, "2020/mot.md", GOOD.format(extra="units: [khong-co]"))
    write_article(
        content,
        "2020/hai.md",
        GOOD.format(extra="category: x\nstatus: y").replace("category: tin-tuc-su-kien\n", ""),
    )
    try:
        report = load_site(content).report
    finally:
        for name in ("mot", "hai"):
            (content / "articles" / f"2020/{name}.md").unlink()
    fields = sorted((Path(p.path).name, p.field) for p in report.errors)
    assert fields == [
        ("hai.md", "category"),
        ("hai.md", "status"),
        ("mot.md", "units[0]"),
    ]


def test_duplicate_slugs_name_both_files(content):
    write_article(content, "2020/a.md", GOOD.format(extra=""))
    write_article(content, "2020/b.md", GOOD.format(extra=""))
    try:
        errors = [str(p) for p in load_site(content).report.errors]
    finally:
        for name in ("a", "b"):
            (content / "articles" / f"2020/{name}.md").unlink()
    assert errors == [
        "content/articles/2020/b.md:2: slug: địa chỉ /tin-tuc/2020/bai-viet-mau/ trùng với"
        " bài content/articles/2020/a.md:2 — đặt slug khác cho một trong hai bài"
    ]


def test_disagreeing_roles_name_both_files(content):
    role = "roles:\n  - {{bloc: khoi-kcn-tdmnpb, year: 2016, head: {head}, deputy: tuyen-quang}}"
    write_article(content, "2020/vai-tro.md", GOOD.format(extra=role.format(head="bac-giang")))
    try:
        errors = [str(p) for p in load_site(content).report.errors]
    finally:
        (content / "articles/2020/vai-tro.md").unlink()
    assert len(errors) == 1, errors
    assert errors[0].startswith("content/articles/2020/vai-tro.md:6: roles[0].head: ")
    assert '"bac-giang"' in errors[0] and '"thai-nguyen"' in errors[0]
    assert "content/articles/2019/hoi-nghi-tong-ket-thi-dua-2016/index.md:18" in errors[0]


def test_same_award_twice_is_a_warning(content):
    award = (
        "awards:\n  - {type: co-thi-dua-xuat-sac, recipient: thai-nguyen,"
        " year: 2016, status: de-nghi}"
    )
    write_article(content, "2020/trung.md", GOOD.format(extra=award))
    try:
        report = load_site(content).report
    finally:
        (content / "articles/2020/trung.md").unlink()
    assert not report.errors
    assert [str(w) for w in report.warnings] == [
        'content/articles/2020/trung.md:6: awards[0]: khen thưởng "Cờ Thi đua xuất sắc"'
        " năm 2016 này đã ghi ở content/articles/2019/hoi-nghi-tong-ket-thi-dua-2016/"
        "index.md:21 — chỉ tính một lần (cảnh báo)"
    ]
    assert report.failed(strict=True) and not report.failed()


def test_names_match_whatever_the_tone_placement_and_normalisation(content):
    nfd = unicodedata.normalize("NFD", "BQL các KCN Hoà Bình")
    assert nfd != "BQL các KCN Hòa Bình"
    write_article(
        content,
        "2020/ten.md",
        GOOD.format(extra=f'units: ["{nfd}", Ban Quản lý các KCN HÒA BÌNH, hoa-binh]'),
    )
    try:
        site = load_site(content)
    finally:
        (content / "articles/2020/ten.md").unlink()
    assert not site.report.problems
    article = next(a for a in site.articles if a.path.endswith("ten.md"))
    assert [u.id for u in article.units] == ["hoa-binh"] * 3


REGISTRY_CASES = [
    (
        "units.yml",
        "- id: thai-nguyen\n  name: Trùng\n  kind: khac\n",
        "[11].id",
        'mã "thai-nguyen" bị trùng',
    ),
    (
        "units.yml",
        "- id: moi\n  name: Mới\n  kind: khac\n  successor: thai-ngyen\n",
        "[11].successor",
        'không có đơn vị "thai-ngyen"',
    ),
    (
        "units.yml",
        "- id: moi\n  name: Mới\n  kind: khac\n  parent: bo-kh\n",
        "[11].parent",
        'không có đơn vị "bo-kh"',
    ),
    ("units.yml", "- id: moi\n  name: Mới\n  kind: so\n", "[11].kind", 'giá trị "so"'),
    (
        "blocs.yml",
        "- id: khoi-moi\n  name: Khối mới\n  members:\n    - unit: lao-cai\n",
        "[1].members[0].unit",
        'không có đơn vị "lao-cai"',
    ),
]


@pytest.mark.parametrize(("filename", "entry", "field", "message"), REGISTRY_CASES)
def test_registry_errors(tmp_path, filename, entry, field, message):
    content = copy_content(tmp_path / "content")
    registry = content / "data" / filename
    registry.write_text(registry.read_text(encoding="utf-8") + "\n" + entry, encoding="utf-8")
    errors = [p for p in load_site(content).report.errors if p.path.endswith(filename)]
    assert [(p.field, message in p.message) for p in errors] == [(field, True)], errors


def test_check_command_reports_json_and_fails(tmp_path):
    content = copy_content(tmp_path / "content")
    write_article(content, REL, GOOD.format(extra="units: [tuyen-qang]"))
    script = (
        "import sys, tasks; from pathlib import Path; from invoke import Context;"
        f"tasks.CONTENT = Path({str(content)!r}); tasks.check(Context(), format='json')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    [problem] = json.loads(result.stdout)
    assert problem["path"] == SHOWN and problem["line"] == 5
    assert problem["field"] == "units[0]" and problem["severity"] == "error"


def test_registry_that_is_not_a_list(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "data" / "blocs.yml").write_text("id: khoi\nname: Khối\n", encoding="utf-8")
    errors = [str(p) for p in load_site(content).report.errors]
    assert (
        "content/data/blocs.yml:1: danh mục phải là một danh sách (mỗi mục bắt đầu bằng '- ')"
        in errors
    )
    # Articles naming the bloc are reported too, not crashed on.
    assert any("event.bloc" in e and 'không có khối thi đua "khoi-kcn-tdmnpb"' in e for e in errors)
