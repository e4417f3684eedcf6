"""One build in its own process, for the benchmark: prints wall time and peak memory.

``python -m tests.benchmark.run_build ours|plain CONTENT OUTPUT``
"""

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def plain_settings(content: Path, output: Path) -> dict:
    """Pelican's defaults (default theme, no plugins), dated URLs so slugs that
    repeat across years do not collide."""
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "DEFAULT_LANG": "vi",
        "SITEURL": "",
        "PLUGINS": [],
        "ARTICLE_URL": "{date:%Y}/{slug}/",
        "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
        "ARTICLE_TRANSLATION_ID": None,
        "CACHE_PATH": str(output.parent / "plain-cache"),
    }


def build(kind: str, content: Path, output: Path) -> None:
    if kind == "ours":
        sys.path.insert(0, str(ROOT))
        from tasks import SETTINGS, build_site

        build_site(SETTINGS["dev"], output, PATH=str(content))
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        settings = read_settings(None, override=plain_settings(content, output))
        Pelican(settings).run()


def main() -> None:
    kind, content, output = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    started = time.perf_counter()
    build(kind, content, output)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"build_seconds": seconds, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main()
