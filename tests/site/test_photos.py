"""Photos are published resized, upright, in sRGB, without metadata, and encoded once."""

import re
from pathlib import Path

import pytest
from PIL import Image

from plugins.workflow.build import SETTINGS, build_site
from tests.conftest import BuiltSite, copy_content, write_article
from tests.imaging import camera_jpeg, swapped_primaries_profile, transparent_png

ARTICLE = "/tin-tuc/2020/hoi-nghi-co-anh/"
FOLDER = "2020/hoi-nghi-co-anh"
TEXT = """
---
title: Hội nghị có ảnh
date: 2020-03-05 08:00
category: tin-tuc-su-kien
image: bia.jpg
image_alt: Quang cảnh hội trường
images:
  - {src: dung.jpg, caption: Ảnh chụp dọc bằng điện thoại}
  - {src: nho.jpg, caption: Ảnh nhỏ}
  - {src: mau.jpg, caption: Ảnh có hồ sơ màu, alt: Một ô màu}
  - {src: logo.png, caption: Biểu trưng trong suốt}
---
Đoạn mở đầu.

![](dung.jpg)

Đoạn giữa.

![](nho.jpg)
"""


def make_content(root: Path) -> Path:
    """The sample content plus one article with every kind of photo (generated)."""
    content = copy_content(root / "content")
    folder = write_article(content, f"{FOLDER}/index.md", TEXT).parent
    camera_jpeg(folder / "dung.jpg", (4000, 3000), orientation=6)
    camera_jpeg(folder / "nho.jpg", (700, 500))
    red = Image.new("RGB", (800, 600), (255, 0, 0))
    red.save(folder / "mau.jpg", quality=95, icc_profile=swapped_primaries_profile())
    transparent_png(folder / "logo.png", (1200, 800))
    camera_jpeg(content / "images" / "bia.jpg", (2000, 1500))
    return content


def build(content: Path, output: Path, cache: Path) -> BuiltSite:
    build_site(SETTINGS["dev"], output, PATH=str(content), PHOTOS={"CACHE_PATH": str(cache)})
    return BuiltSite(output)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> BuiltSite:
    root = tmp_path_factory.mktemp("photos")
    return build(make_content(root), root / "output", root / "cache")


@pytest.fixture(scope="module")
def page(site):
    return site.html(ARTICLE)


def srcset(tag) -> list[tuple[str, int]]:
    return [(url, int(w.rstrip("w"))) for url, w in (c.split() for c in tag["srcset"].split(", "))]


def opened(site: BuiltSite, url: str) -> Image.Image:
    return Image.open(site.file(url))


def figure(page, caption: str):
    return next(f for f in page.select("figure.photo") if f.figcaption.string == caption)


def test_sideways_camera_photo_comes_out_upright_in_three_widths(site, page):
    picture = figure(page, "Ảnh chụp dọc bằng điện thoại").picture
    webp, img = picture.source, picture.img
    assert webp["type"] == "image/webp"
    assert [w for _, w in srcset(webp)] == [w for _, w in srcset(img)] == [480, 960, 1600]
    for (webp_url, width), (jpeg_url, _) in zip(srcset(webp), srcset(img), strict=True):
        expected = (width, round(width * 4000 / 3000))  # portrait, as the phone was held
        with opened(site, webp_url) as a, opened(site, jpeg_url) as b:
            assert (a.format, a.size) == ("WEBP", expected)
            assert (b.format, b.size) == ("JPEG", expected)
    assert (img["width"], img["height"]) == ("1600", "2133")
    assert img["src"] == srcset(img)[-1][0]
    assert webp["sizes"] == img["sizes"]


def test_small_photo_is_never_upscaled(site, page):
    img = figure(page, "Ảnh nhỏ").img
    assert [w for _, w in srcset(img)] == [480, 700]
    assert (img["width"], img["height"]) == ("700", "500")
    with opened(site, img["src"]) as largest:
        assert largest.size == (700, 500)


def test_nothing_published_carries_metadata(site):
    folder = site.output / ARTICLE.strip("/")
    files = [p for p in folder.iterdir() if p.suffix in (".jpg", ".webp", ".png")]
    assert len(files) > 20
    for path in files:
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert not image.getexif().get_ifd(0x8825), path.name
            assert not {"xmp", "icc_profile", "exif", "XML:com.adobe.xmp"} & image.info.keys()
        data = path.read_bytes()
        assert b"Exif\x00\x00" not in data and b"Generated camera" not in data, path.name
        assert b"<x:xmpmeta" not in data, path.name
    with Image.open(folder / "dung.jpg") as full:  # the full size, not the original
        assert full.size == (1600, 2133)


def test_colours_are_converted_to_srgb(site, page):
    img = figure(page, "Ảnh có hồ sơ màu").img
    with opened(site, srcset(img)[0][0]) as small:
        red, green, blue = small.convert("RGB").getpixel((10, 10))
    assert green > 200 and red < 60 and blue < 60  # tagged red in swapped primaries


def test_transparent_photo_falls_back_to_png(site, page):
    picture = figure(page, "Biểu trưng trong suốt").picture
    assert all(url.endswith(".png") for url, _ in srcset(picture.img))
    assert [w for _, w in srcset(picture.img)] == [480, 960, 1200]
    with opened(site, srcset(picture.source)[0][0]) as webp:
        assert webp.mode == "RGBA" and webp.getpixel((0, 0))[3] == 0


def test_first_photo_loads_at_once_the_others_lazily(page):
    images = page.select(".article-body img, .gallery img")
    assert len(images) == 4
    first, *rest = images
    assert "loading" not in first.attrs and "decoding" not in first.attrs
    assert all(i["loading"] == "lazy" and i["decoding"] == "async" for i in rest)
    assert all(i["alt"] for i in images)


def test_body_photos_become_figures_and_the_rest_a_gallery(site, page):
    body = [f.figcaption.string for f in page.select(".article-body figure.photo")]
    assert body == ["Ảnh chụp dọc bằng điện thoại", "Ảnh nhỏ"]
    assert not page.select(".article-body p > figure, .article-body p > picture")
    gallery = page.select(".gallery figure")
    assert [f.figcaption.string for f in gallery] == ["Ảnh có hồ sơ màu", "Biểu trưng trong suốt"]
    assert gallery[0].img["alt"] == "Một ô màu"
    for item in gallery:
        link = item.a["href"]
        assert link == f"{ARTICLE}{Path(link).name}" and link.endswith(".jpg")
        with opened(site, link) as full:
            assert full.format == "JPEG"
            assert full.width == int(item.img["width"])


def test_listing_card_shows_the_lead_photo_small(site):
    card = next(c for c in site.html("/tin-tuc/").select(".card") if c.a["href"] == ARTICLE)
    img = card.picture.img
    assert img["alt"] == "Quang cảnh hội trường"
    assert (img["width"], img["height"]) == ("480", "360")
    assert img["loading"] == "lazy"
    assert re.search(r"/bia-480\.[0-9a-f]{10}\.jpg$", img["src"])
    assert site.exists(img["src"])


def test_open_graph_image_is_a_1200x630_crop_at_a_stable_address(site, page):
    meta = page.select_one('meta[property="og:image"]')["content"]
    assert meta == f"http://127.0.0.1:8000{ARTICLE}anh-chia-se.jpg"
    with opened(site, f"{ARTICLE}anh-chia-se.jpg") as share:
        assert (share.format, share.size) == ("JPEG", (1200, 630))
        assert not share.getexif()


def test_every_photo_address_is_published(site):
    assert not {
        page: refs
        for page, refs in site.broken_links().items()
        if any(r.endswith((".jpg", ".png", ".webp")) for r in refs)
    }
    page = site.html(ARTICLE)
    for source in page.select("source[srcset], img[srcset]"):
        for url, _ in srcset(source):
            assert site.exists(url), url


def cache_files(cache: Path) -> dict[str, tuple[int, int]]:
    """Every encoded file of the cache, with what changes if it is written again."""
    return {
        p.relative_to(cache).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in cache.rglob("*")
        if p.is_file() and p.name != "sources.json"
    }


def test_rebuilds_encode_only_what_changed(tmp_path):
    content = make_content(tmp_path)
    cache = tmp_path / "cache"
    build(content, tmp_path / "output", cache)
    first = cache_files(cache)
    assert len(first) > 20

    site = build(content, tmp_path / "output", cache)
    assert cache_files(cache) == first, "an unchanged photo was encoded again"
    published = site.output / ARTICLE.strip("/")
    linked = {p.stat().st_ino for p in published.iterdir() if p.suffix != ".html"}
    assert linked <= {ino for ino, _ in first.values()}, "published from the cache"

    camera_jpeg(content / "articles" / FOLDER / "nho.jpg", (700, 500), gps=False, quality=70)
    build(content, tmp_path / "output", cache)
    after = cache_files(cache)
    assert {k: v for k, v in after.items() if k in first} == first
    added = sorted(after.keys() - first.keys())
    assert len({Path(k).parent for k in added}) == 1, added  # one photo's entry
    assert sorted(Path(k).name.split("-")[0] for k in added) == [
        "480x343",
        "480x343",
        "700x500",
        "700x500",
    ]
