"""A photo that cannot be published: one message naming file, line, field and photo."""

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from plugins.domain.site import load_site
from plugins.workflow.build import SETTINGS, build_site
from tests.conftest import copy_content, write_article
from tests.imaging import camera_jpeg, png_declaring, transparent_png

SHOWN = "content/articles/2020/bai-anh/index.md"
TEXT = """\
---
title: Bài có ảnh
date: 2020-03-05 08:00
category: tin-tuc-su-kien
images:
  - {{src: tot.jpg, caption: Ảnh tốt}}
  - {{src: {name}, caption: Ảnh lỗi}}
---
Nội dung.
"""
FIELD = f"{SHOWN}:7: images[1].src: "


@pytest.fixture
def content(tmp_path) -> Path:
    content = copy_content(tmp_path / "content")
    camera_jpeg(content / "articles/2020/bai-anh/tot.jpg", (800, 600))
    return content


def add_bad_photo(content: Path, name: str, data: bytes) -> None:
    write_article(content, "2020/bai-anh/index.md", TEXT.format(name=name))
    (content / "articles/2020/bai-anh" / name).write_bytes(data)


def load_errors(content: Path) -> list[str]:
    return [str(p) for p in load_site(content).report.errors]


def image_bytes(format: str, size=(40, 30)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, "red").save(buffer, format, quality=90)
    return buffer.getvalue()


LOAD_CASES = [
    (
        "van-ban.jpg",
        "Đây là một văn bản, không phải ảnh.\n".encode(),
        'tệp "van-ban.jpg" không đọc được như một ảnh (hỏng hoặc không phải JPEG/PNG/WebP)',
    ),
    (
        "anh.bmp",
        image_bytes("BMP"),
        'ảnh "anh.bmp" ở định dạng BMP, website chỉ nhận JPEG, PNG hoặc WebP',
    ),
    (
        "iphone.heic",
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
        'ảnh "iphone.heic" ở định dạng HEIC/HEIF (ảnh iPhone), website chưa dùng được'
        " — hãy xuất ảnh sang JPEG",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), LOAD_CASES, ids=[c[0] for c in LOAD_CASES])
def test_unreadable_photo_is_reported_when_loading(content, name, data, message):
    add_bad_photo(content, name, data)
    [error] = load_errors(content)
    assert error.startswith(FIELD + message)


def test_decompression_bomb_is_refused_before_decoding(content):
    add_bad_photo(content, "bom.png", b"")
    png_declaring(content / "articles/2020/bai-anh/bom.png", (100_000, 100_000))
    [error] = load_errors(content)
    assert error.startswith(FIELD + 'ảnh "bom.png" có quá nhiều điểm ảnh (giới hạn 89 triệu)')


def test_photo_over_the_pixel_limit_is_an_error_not_a_warning(content, monkeypatch):
    add_bad_photo(content, "lon.jpg", image_bytes("JPEG", (2000, 1500)))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 2_000_000)  # 3 Mpx: Pillow only warns
    [error] = load_errors(content)
    assert error.startswith(FIELD + 'ảnh "lon.jpg" có quá nhiều điểm ảnh (giới hạn 2 triệu)')


def test_truncated_photo_stops_the_build_and_output_stays(content, tmp_path):
    add_bad_photo(content, "cut.jpg", image_bytes("JPEG", (800, 600))[:-2000])
    assert not load_errors(content), "only the header is read when loading"
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("bản đang chạy", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        build_site(
            SETTINGS["dev"],
            output,
            PATH=str(content),
            PHOTOS={"CACHE_PATH": str(tmp_path / "cache")},
        )
    message = str(stopped.value.code)
    assert FIELD + 'ảnh "cut.jpg" bị cắt cụt: tệp chưa được chép hết' in message
    assert "1 lỗi" in message
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "bản đang chạy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "content", "output"]


def test_two_photos_published_under_one_name(content, tmp_path):
    transparent_png(content / "images/tot.png", (800, 600))
    write_article(content, "2020/bai-anh/index.md", TEXT.format(name="../../../images/tot.png"))
    with pytest.raises(SystemExit) as stopped:
        build_site(
            SETTINGS["dev"],
            tmp_path / "output",
            PATH=str(content),
            PHOTOS={"CACHE_PATH": str(tmp_path / "cache")},
        )
    assert (
        FIELD + 'ảnh "../../../images/tot.png" và ảnh "tot.jpg" là hai tệp khác nhau nhưng'
        " cùng được đăng thành /tin-tuc/2020/bai-co-anh/tot.jpg — hãy đổi tên một ảnh"
    ) in str(stopped.value.code)
