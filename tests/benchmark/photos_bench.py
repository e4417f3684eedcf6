"""Benchmark of plugins.photos: 200 camera-sized photos, built cold and warm.

Run from the project root (not collected by pytest)::

    .venv/bin/python -m tests.benchmark.photos_bench [--photos 200]

It generates 4000×3000 JPEGs (gradient and noise, EXIF orientation and GPS:
nothing real) into a temporary content tree beside a copy of the sample
content, 10 photos an article, then builds the site twice into the same photo
cache, each build in its own process so that its peak memory is its own.
Prints time and peak memory of both builds, and the bytes an article page
downloads against the original photos.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import copy_content, write_article
from tests.imaging import camera_jpeg

PER_ARTICLE = 10
PLACED = 4
"""Photos an article places in its body; the others make its gallery."""
VIEWPORTS = {"desktop 1×": (720, 352), "phone 2×": (720, 720)}
"""Pixels a body photo and a gallery thumbnail need (from the CSS ``sizes``)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--build", nargs=3, metavar=("CONTENT", "OUTPUT", "CACHE"))
    args = parser.parse_args()
    if args.build:
        print(json.dumps(build(*map(Path, args.build))))
        return
    with tempfile.TemporaryDirectory(prefix="photos-bench-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        content, originals = generate(root, args.photos)
        print(f"generated {args.photos} photos in {time.perf_counter() - started:.1f} s,")
        print(f"  {sum(originals.values()) / args.photos / 1e6:.1f} MB each on average")
        for label in ("cold", "warm"):
            result = run_build(content, root / f"output-{label}", root / "cache")
            print(
                f"{label} build: {result['seconds']:.1f} s ({result['cpu_seconds']:.1f} s of"
                " CPU, all processes), peak memory"
                f" {result['self_mb']:.0f} MB (build) / {result['workers_mb']:.0f} MB"
                " (largest encoding worker)"
            )
        report_page_bytes(root / "output-warm", originals)


def generate(root: Path, count: int) -> tuple[Path, dict[str, int]]:
    """Articles of generated photos; the original bytes of each photo by name."""
    content = copy_content(root / "content")
    names = [f"anh-{i:03d}.jpg" for i in range(count)]
    folder = content / "images"
    with ProcessPoolExecutor() as pool:
        list(pool.map(_camera_photo, [folder / n for n in names], range(count)))
    for start in range(0, count, PER_ARTICLE):
        number = start // PER_ARTICLE + 1
        photos = names[start : start + PER_ARTICLE]
        images = "\n".join(f"  - {{src: {n}, caption: Ảnh tạo tự động {n}}}" for n in photos)
        body = "\n\n".join(f"Đoạn {i}.\n\n![]({n})" for i, n in enumerate(photos[:PLACED]))
        text = (
            f"---\ntitle: Bài thử ảnh {number}\ndate: 2021-01-{number % 28 + 1:02d} 08:00\n"
            f"category: tin-tuc-su-kien\nimages:\n{images}\n---\n{body}\n"
        )
        write_article(content, f"2021/bai-thu-anh-{number}.md", text)
    return content, {n: (folder / n).stat().st_size for n in names}


def _camera_photo(path: Path, index: int) -> None:
    camera_jpeg(path, (4000, 3000), orientation=6 if index % 3 == 0 else 1, noise=True)


def run_build(content: Path, output: Path, cache: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "tests.benchmark.photos_bench", "--build"]
    done = subprocess.run(
        [*command, str(content), str(output), str(cache)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def build(content: Path, output: Path, cache: Path) -> dict[str, float]:
    """One build in this process: its time (wall and CPU, a fairer figure on a busy
    machine) and the peak memory of it and of its largest worker."""
    from plugins.workflow.build import SETTINGS, build_site

    started = time.perf_counter()
    build_site(SETTINGS["dev"], output, PATH=str(content), PHOTOS={"CACHE_PATH": str(cache)})
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu_seconds": sum(u.ru_utime + u.ru_stime for u in (own, workers)),
        "self_mb": own.ru_maxrss / 1024,
        "workers_mb": workers.ru_maxrss / 1024,
    }


def report_page_bytes(output: Path, originals: dict[str, int]) -> None:
    """What the first generated article's page downloads, against its originals."""
    page = output / "tin-tuc/2021/bai-thu-anh-1/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    pictures = soup.select(".article-body picture, .gallery picture")
    first = sorted(originals)[:PER_ARTICLE]
    original = sum(originals[n] for n in first)
    published = sum(p.stat().st_size for p in page.parent.iterdir() if p.name != "index.html")
    print(f"article page with {len(pictures)} photos; originals {original / 1e6:.1f} MB")
    print(f"  all files published for it: {published / 1e6:.2f} MB")
    for label, (body, thumb) in VIEWPORTS.items():
        for fmt, selector in (("WebP", "source"), ("JPEG", "img")):
            total = sum(
                _chosen_bytes(
                    output, p.select_one(selector)["srcset"], body if i < PLACED else thumb
                )
                for i, p in enumerate(pictures)
            )
            share = total / original * 100
            print(f"  {label}, {fmt}: {total / 1e3:.0f} kB ({share:.1f} % of the originals)")


def _chosen_bytes(output: Path, srcset: str, needed: int) -> int:
    """The size of the candidate a browser picks: the narrowest wide enough."""
    candidates = sorted(
        (int(w.rstrip("w")), url) for url, w in (c.split() for c in srcset.split(", "))
    )
    url = next((u for w, u in candidates if w >= needed), candidates[-1][1])
    return (output / url.lstrip("/")).stat().st_size


if __name__ == "__main__":
    main()
