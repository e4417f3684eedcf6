"""Tasks for editors and the administrator (``invoke --list``).

The Makefile calls these; each one explains itself with ``invoke --help NAME``.
"""

import json
import shutil
import sys
import tempfile
from pathlib import Path

from invoke import Context, task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
SETTINGS = {"dev": ROOT / "pelicanconf.py", "publish": ROOT / "publishconf.py"}


def build_site(settings_file: Path, output: Path, **overrides) -> None:
    """Build into a fresh folder beside ``output``, then swap it in.

    A build that fails, for bad content or anything else, leaves ``output`` as
    it was: the half-built folder is removed and nothing else is touched.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    from plugins.domain.problems import InvalidContentError

    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    try:
        settings = read_settings(
            str(settings_file), override={"OUTPUT_PATH": str(staging), **overrides}
        )
        Pelican(settings).run()
    except InvalidContentError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        sys.exit(str(exc))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = output.with_name(f".{output.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


@task(help={"publish": "dùng publishconf.py (địa chỉ tuyệt đối, cảnh báo cũng dừng)"})
def build(c: Context, publish: bool = False) -> None:
    """Dựng website từ content/ vào output/ (build the site)."""
    build_site(SETTINGS["publish" if publish else "dev"], OUTPUT)


@task(help={"port": "cổng (mặc định 8000)"})
def serve(c: Context, port: int = 8000) -> None:
    """Dựng rồi mở website tại http://127.0.0.1:8000/ (build and serve)."""
    build_site(SETTINGS["dev"], OUTPUT)
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    server = RootedHTTPServer(str(OUTPUT), ("127.0.0.1", port), ComplexHTTPRequestHandler)
    print(f"Website: http://127.0.0.1:{port}/  (Ctrl+C để dừng)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(
    help={
        "format": "text (mặc định) hoặc json",
        "strict": "coi cảnh báo là lỗi",
    }
)
def check(c: Context, format: str = "text", strict: bool = False) -> None:
    """Kiểm tra nội dung, không dựng trang (validate content without building)."""
    from plugins.domain.site import load_site

    report = load_site(CONTENT).report
    if format == "json":
        print(
            json.dumps(
                [p.as_dict() for p in report.errors + report.warnings],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(report.render() if report.problems else "Nội dung hợp lệ: không có lỗi.")
    if report.failed(strict=strict):
        sys.exit(1)


@task(
    help={
        "articles": "số bài của kho thử (mặc định 10000)",
        "runs": "số lần đo mỗi trường hợp (mặc định 3)",
        "json-file": "ghi kết quả ra tệp JSON này",
    }
)
def bench(c: Context, articles: int = 10_000, runs: int = 3, json_file: str = "") -> None:
    """Đo tốc độ dựng so với Pelican gốc (build benchmark; see tests/benchmark/)."""
    from tests.benchmark.bench import main

    main(articles=articles, runs=runs, json_path=json_file or None)


@task
def clean(c: Context) -> None:
    """Xóa output/ (remove the built site)."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def lint(c: Context) -> None:
    """Ruff: lỗi mã và định dạng."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
    c.run(f"{sys.executable} -m ruff format --check .", pty=False)


@task(pre=[lint])
def test(c: Context) -> None:
    """Chạy toàn bộ kiểm thử (lint, then pytest)."""
    c.run(f"{sys.executable} -m pytest", pty=False)
