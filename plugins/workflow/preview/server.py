"""The preview's HTTP server: the built site, plus the reload script and error banner.

Everything the preview adds lives under ``/__preview__/`` or is inserted into
HTML as it is sent; the files of the build are never changed.
"""

import functools
import http.server
import json
import re
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .status import BuildStatus

PREFIX = "/__preview__/"
STATIC = Path(__file__).parent / "static"
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_HEARTBEAT_SECONDS = 10.0


def banner(status: dict) -> str:
    """The list of problems that stopped the last build, as HTML."""
    items = "".join(f"<li>{escape(line)}</li>" for line in status["problems"])
    return (
        '<link rel="stylesheet" href="/__preview__/preview.css">'
        '<section class="preview-errors" role="alert" aria-labelledby="preview-errors-title">'
        '<h2 id="preview-errors-title">Bản xem trước chưa cập nhật: nội dung có lỗi.'
        " Trang dưới đây là bản dựng tốt gần nhất.</h2>"
        f"<ol>{items}</ol></section>"
    )


def injection(status: dict) -> bytes:
    """What goes before ``</body>`` of every page the preview sends."""
    parts = [] if status["ok"] else [banner(status)]
    parts.append(f'<script src="/__preview__/preview.js" data-build="{status["build"]}"></script>')
    return "\n".join(parts).encode("utf-8")


def inject(html: bytes, status: dict) -> bytes:
    extra = injection(status)
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + extra
    at = matches[-1].start()
    return html[:at] + extra + html[at:]


def no_build_page(status: dict) -> bytes:
    """Shown for every page while no build has ever succeeded."""
    page = (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        "<title>Xem trước: nội dung có lỗi</title></head><body></body></html>"
    )
    return inject(page.encode("utf-8"), status)


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    status: BuildStatus

    def log_message(self, format: str, *args) -> None:  # the terminal is for build messages
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path.startswith(PREFIX):
            self._preview_resource(path.removeprefix(PREFIX))
            return
        output = Path(self.directory)
        status = self.status.as_dict()
        if not (output / "index.html").is_file():
            self._send(503, "text/html; charset=utf-8", no_build_page(status))
            return
        file = Path(self.translate_path(self.path))
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            self._send(200, "text/html; charset=utf-8", inject(file.read_bytes(), status))
            return
        if not file.exists() and (output / "404.html").is_file():
            page = inject((output / "404.html").read_bytes(), status)
            self._send(404, "text/html; charset=utf-8", page)
            return
        if self.command == "HEAD":
            super().do_HEAD()
        else:
            super().do_GET()

    def _preview_resource(self, name: str) -> None:
        if name == "events":
            self._events()
        elif name == "status":
            body = json.dumps(self.status.as_dict(), ensure_ascii=False).encode("utf-8")
            self._send(200, "application/json; charset=utf-8", body)
        elif name in ("preview.js", "preview.css"):
            kind = "text/javascript" if name.endswith(".js") else "text/css"
            self._send(200, f"{kind}; charset=utf-8", (STATIC / name).read_bytes())
        else:
            self.send_error(404)

    def _events(self) -> None:
        """Server-sent events: one ``build`` event when a build later than the page's ends."""
        query = parse_qs(urlsplit(self.path).query)
        try:
            seen = int(query.get("build", ["-1"])[0])
        except ValueError:
            seen = -1
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        try:
            while not self.status.wait_after(seen, _HEARTBEAT_SECONDS):
                self.wfile.write(b": ping\n\n")  # fails once the browser has gone
                self.wfile.flush()
            data = json.dumps(self.status.as_dict(), ensure_ascii=False)
            self.wfile.write(f"event: build\ndata: {data}\n\n".encode())
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # every rebuild must show at once
        super().end_headers()

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True  # event streams must not keep the preview from stopping

    def __init__(self, output: Path, status: BuildStatus, port: int) -> None:
        handler = functools.partial(
            type("Handler", (PreviewHandler,), {"status": status}), directory=str(output)
        )
        super().__init__(("127.0.0.1", port), handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"
