"""``invoke serve`` (``make serve``): the built site on http://127.0.0.1:8000/.

Pelican's own server, which finds ``/tin-tuc/`` as ``tin-tuc/index.html``, with
one change: an address that names no file gets the site's ``404.html`` with
status 404, as nginx (``deploy/``) and the live preview give it, not an empty
reply.
"""

from pathlib import Path

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer


class SiteHandler(ComplexHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server names it so)
        super().do_GET()
        if self.path is None:  # Pelican found no file, and answered nothing
            self._not_found()

    def _not_found(self) -> None:
        page = Path(self.base_path, "404.html")
        if not page.is_file():
            self.send_error(404)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def site_server(output: Path, port: int) -> RootedHTTPServer:
    """The server of ``output`` on 127.0.0.1 (``port`` 0: any free port)."""
    return RootedHTTPServer(str(output), ("127.0.0.1", port), SiteHandler)
