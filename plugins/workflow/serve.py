"""``invoke serve`` (``make serve``): the built site on http://127.0.0.1:8000/.

Pelican's own server, which finds ``/tin-tuc/`` as ``tin-tuc/index.html``, with
one change: an address that names no file gets the site's ``404.html`` with
status 404, as nginx (``deploy/``) and the live preview give it, not an empty
reply.
"""

from http.server import BaseHTTPRequestHandler
from pathlib import Path

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer


def send_not_found_page(handler: BaseHTTPRequestHandler, site: Path) -> bool:
    """Answer with the site's ``404.html`` and status 404, as nginx does;
    False, and nothing sent, if the site has no such page."""
    page = site / "404.html"
    if not page.is_file():
        return False
    body = page.read_bytes()
    handler.send_response(404)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)
    return True


class SiteHandler(ComplexHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server names it so)
        super().do_GET()
        # Pelican found no file, and answered nothing.
        if self.path is None and not send_not_found_page(self, Path(self.base_path)):
            self.send_error(404)


def site_server(output: Path, port: int) -> RootedHTTPServer:
    """The server of ``output`` on 127.0.0.1 (``port`` 0: any free port)."""
    return RootedHTTPServer(str(output), ("127.0.0.1", port), SiteHandler)
