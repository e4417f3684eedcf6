"""Screenshots of the main kinds of page at desktop and phone width, for the README
and for reviews (``invoke screenshots``): the sample site built afresh, served on
loopback and shot by Debian's Chromium, viewport only, in few colours to stay small."""

import io
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from plugins.workflow.build import SETTINGS, build_site
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SiteServer
from tests.page_types import SAMPLE

KINDS = ("home", "article", "unit", "awards", "year")
VIEWPORTS = {1280: 800, 360: 740}  # width: height
COLOURS = 96


def small_png(png: bytes, target: Path) -> None:
    """``png`` reduced to a palette of :data:`COLOURS` colours and written to ``target``."""
    with Image.open(io.BytesIO(png)) as image:
        reduced = image.convert("RGB").quantize(COLOURS, method=Image.Quantize.MEDIANCUT)
        reduced.save(target, optimize=True)


def take_screenshots(target: Path) -> list[Path]:
    """Write ``{kind}-{width}.png`` into ``target``; return the files written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "output"
        build_site(SETTINGS["dev"], output)
        with SiteServer(output) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            for width, height in VIEWPORTS.items():
                context = browser.new_context(
                    locale="vi-VN", viewport={"width": width, "height": height}
                )
                page = context.new_page()
                for kind in KINDS:
                    page.goto(server.url(SAMPLE[kind]), wait_until="networkidle")
                    path = target / f"{kind}-{width}.png"
                    small_png(page.screenshot(), path)
                    written.append(path)
                context.close()
            browser.close()
    return written
