"""A real nginx with the shipped configuration, over a release in a temporary deploy root.

nginx runs in the foreground on 127.0.0.1 and a free port, with its prefix,
pid, logs and temporary folders in the test's folder. As root (CI), the
workers run as root too, so that they can read pytest's private temp folders.
"""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from plugins.workflow.build import SETTINGS, build_site
from plugins.workflow.publish import NginxSite, Releases
from plugins.workflow.publish.compress import compress_tree
from plugins.workflow.publish.nginx import DEPLOY

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
START_SECONDS = 15

MAIN_CONF = """\
{user}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/bqlkcn.conf;
}}
"""


@dataclass(frozen=True)
class Served:
    port: int
    release: Path
    """The folder ``current`` points to."""

    def request(self, path: str, headers: dict[str, str] | None = None) -> tuple:
        """(status, headers, body) without following redirects."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def deploy_dev_build(deploy_root: Path) -> Path:
    """A development build (site-relative links) as the live release, compressed."""
    releases = Releases(deploy_root)
    release = releases.new_path()
    build_site(SETTINGS["dev"], release, search=True)
    compress_tree(release)
    releases.switch(release)
    return release


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("nginx stopped:\n" + log.read_text(errors="replace"))
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise RuntimeError("nginx did not listen in time:\n" + log.read_text(errors="replace"))


@contextlib.contextmanager
def running_nginx(prefix: Path, deploy_root: Path) -> Iterator[Served]:
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site = NginxSite(
        deploy_root=deploy_root,
        listen=f"127.0.0.1:{port}",
        server_name="localhost",
        snippets=DEPLOY,
    )
    (prefix / "bqlkcn.conf").write_text(site.render(), encoding="utf-8")
    conf = prefix / "nginx.conf"
    conf.write_text(
        MAIN_CONF.format(
            user="user root;" if os.geteuid() == 0 else "",
            prefix=prefix,
            mime_types=MIME_TYPES,
        ),
        encoding="utf-8",
    )
    command = [NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    assert "[warn]" not in checked.stderr and "[emerg]" not in checked.stderr, checked.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_listening(port, process, prefix / "error.log")
        release = Releases(deploy_root).current()
        assert release is not None
        yield Served(port, release)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
