"""Tasks for editors and the administrator (``invoke --list``).

The Makefile calls these; each one explains itself with ``invoke --help NAME``.
"""

import json
import shutil
import sys
from pathlib import Path

from invoke import Context, task

from plugins.workflow.build import ROOT, SETTINGS, build_site

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"


@task(
    help={
        "publish": "dùng publishconf.py (địa chỉ tuyệt đối, cảnh báo cũng dừng)",
        "no-search": "không dựng chỉ mục tìm kiếm (nhanh hơn; trang Tìm kiếm không chạy)",
    }
)
def build(c: Context, publish: bool = False, no_search: bool = False) -> None:
    """Dựng website từ content/ vào output/ (build the site)."""
    build_site(SETTINGS["publish" if publish else "dev"], OUTPUT, search=not no_search)


@task(help={"port": "cổng (mặc định 8000)"})
def serve(c: Context, port: int = 8000) -> None:
    """Dựng rồi mở website tại http://127.0.0.1:8000/ (build and serve)."""
    build_site(SETTINGS["dev"], OUTPUT, search=True)
    from plugins.workflow.serve import site_server

    server = site_server(OUTPUT, port)
    print(f"Website: http://127.0.0.1:{port}/  (Ctrl+C để dừng)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(
    help={
        "format": "text (mặc định) hoặc json",
        "strict": "coi cảnh báo là lỗi",
        "path": "thư mục nội dung khác content/",
    }
)
def check(c: Context, format: str = "text", strict: bool = False, path: str = "") -> None:
    """Kiểm tra nội dung, không dựng trang (validate content without building)."""
    from pelican.settings import read_settings

    from plugins.domain.site import load_site
    from plugins.model_loader.model_loader import domain_cache

    # The build's cache of validated files: a check after a build reads only what changed.
    cache = domain_cache(read_settings(str(SETTINGS["dev"])))
    report = load_site(Path(path) if path else CONTENT, cache_dir=cache).report
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


@task(help={"title": "tiêu đề bài viết, trong ngoặc kép"})
def new(c: Context, title: str) -> None:
    """Tạo bài viết mới từ mẫu: invoke new "Tiêu đề bài viết" (new article)."""
    from plugins.workflow.new_article import ArticleExistsError, create_article

    try:
        path = create_article(CONTENT, title)
    except (ArticleExistsError, ValueError) as exc:
        sys.exit(f"Chưa tạo bài: {exc}")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"Đã tạo {shown} — mở tệp để viết bài, rồi: make preview")


@task
def install_hook(c: Context) -> None:
    """Cài hook kiểm tra nội dung trước mỗi lần commit (pre-commit hook)."""
    from plugins.workflow.hook import HookError, install_hook

    try:
        print(f"Đã cài {install_hook(ROOT)}: mỗi commit có tệp content/ sẽ chạy make check.")
    except HookError as exc:
        sys.exit(f"Chưa cài hook: {exc}")


@task(
    help={
        "port": "cổng (mặc định 8000; 0: cổng trống bất kỳ)",
        "content": "thư mục nội dung (mặc định content/)",
        "output": "thư mục dựng (mặc định output/)",
    }
)
def livereload(c: Context, port: int = 8000, content: str = "", output: str = "") -> None:
    """Xem trước: dựng lại khi sửa content/, theme/, plugins/; trình duyệt tự tải lại."""
    from plugins.workflow.preview import run_preview

    run_preview(
        ROOT,
        SETTINGS["dev"],
        Path(output) if output else OUTPUT,
        Path(content) if content else CONTENT,
        port,
        watched=(Path(content) if content else CONTENT, ROOT / "theme", ROOT / "plugins"),
        announce=lambda message: print(message, flush=True),
    )


@task(
    help={
        "path": "trang đã lưu (.html, .txt), thư mục chứa chúng, hoặc mẫu như 'luu/*.html'",
        "category": "chuyên mục cho các bài (mặc định: chuyên mục đầu tiên)",
        "portlet": "mã asset publisher của website cũ (mặc định ndELOWDiCSjm)",
        "base-url": "địa chỉ website cũ, ví dụ http://bqlkcnthainguyen.gov.vn/",
        "content": "thư mục nội dung (mặc định content/)",
    }
)
def import_legacy(
    c: Context,
    path: str,
    category: str = "",
    portlet: str = "",
    base_url: str = "",
    content: str = "",
) -> None:
    """Nhập bài từ trang đã lưu của website cũ (import pages of the old site)."""
    from plugins.workflow.legacy_import import ImportOptions, import_pages, report

    options = ImportOptions.from_cli(category, portlet, base_url)
    root = Path(content) if content else CONTENT
    result = import_pages(report.paths(path), root, options)
    print(report.render(result, root))
    if not result.ok:
        sys.exit(1)


@task(
    help={
        "deploy-root": "thư mục trên máy chủ (mặc định DEPLOY_ROOT của publishconf.py)",
        "keep": "số bản giữ lại để quay lại (mặc định DEPLOY_KEEP)",
    }
)
def publish(c: Context, deploy_root: str = "", keep: int = 0) -> None:
    """Dựng bản mới vào releases/, kiểm tra, rồi chuyển website sang bản đó."""
    from plugins.workflow.publish import PublishError, publish, publish_options

    options = publish_options(SETTINGS["publish"], deploy_root, keep)
    try:
        publish(lambda release: build_site(SETTINGS["publish"], release, search=True), options)
    except PublishError as exc:
        sys.exit(str(exc))


@task(help={"deploy-root": "thư mục trên máy chủ (mặc định DEPLOY_ROOT của publishconf.py)"})
def rollback(c: Context, deploy_root: str = "") -> None:
    """Quay website về bản đã đăng trước đó (undo the last publish)."""
    from plugins.workflow.publish import PublishError, publish_options, rollback

    try:
        rollback(publish_options(SETTINGS["publish"], deploy_root))
    except PublishError as exc:
        sys.exit(str(exc))


@task(
    help={
        "deploy-root": "thư mục trên máy chủ (mặc định DEPLOY_ROOT của publishconf.py)",
        "listen": "cổng hoặc địa chỉ:cổng (mặc định 80)",
        "server-name": "tên miền (mặc định bqlkcnthainguyen.gov.vn)",
    }
)
def nginx_config(
    c: Context, deploy_root: str = "", listen: str = "80", server_name: str = ""
) -> None:
    """In cấu hình nginx của website (deploy/nginx) cho máy chủ này."""
    from plugins.workflow.publish import NginxSite, publish_options

    root = publish_options(SETTINGS["publish"], deploy_root).deploy_root
    names = {"server_name": server_name} if server_name else {}
    print(NginxSite(deploy_root=root, listen=listen, **names).render(), end="")


@task(help={"publish": "kiểm tra bản dựng bằng publishconf.py (địa chỉ tuyệt đối)"})
def links(c: Context, publish: bool = False) -> None:
    """Dựng rồi kiểm tra mọi liên kết nội bộ; liệt kê liên kết ngoài (check links)."""
    from pelican.settings import read_settings

    from tests.quality.links import check_links

    settings_file = SETTINGS["publish" if publish else "dev"]
    build_site(settings_file, OUTPUT, search=True)
    report = check_links(OUTPUT, read_settings(str(settings_file))["SITE_ORIGIN"])
    listed = ROOT / "build" / "links-external.txt"
    listed.parent.mkdir(exist_ok=True)
    listed.write_text(report.external_text(), encoding="utf-8")
    print(f"{report.checked} liên kết nội bộ; liên kết ngoài: {listed.relative_to(ROOT)}")
    if report.problems:
        sys.exit("\n".join(map(str, report.problems)))


@task
def screenshots(c: Context) -> None:
    """Chụp màn hình các trang chính vào docs/screenshots/ (Chromium, 1280 và 360 px)."""
    from tests.quality.screenshots import take_screenshots

    for path in take_screenshots(ROOT / "docs" / "screenshots"):
        print(path.relative_to(ROOT))


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
