"""``invoke livereload`` as a real process on a free port, for the tests."""

import contextlib
import json
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

STARTUP_SECONDS = 60
REBUILD_SECONDS = 90


@dataclass
class Preview:
    url: str
    process: subprocess.Popen
    lines: list[str]

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def status(self) -> dict:
        return json.loads(self.get("/__preview__/status")[1])

    def wait_for(self, condition: Callable[[], bool], what: str, timeout=REBUILD_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; output:\n" + "".join(self.lines))


@contextlib.contextmanager
def running_preview(content: Path, output: Path) -> Iterator[Preview]:
    command = [
        sys.executable, "-m", "invoke", "livereload",
        "--port", "0", "--content", str(content), "--output", str(output),
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: list[str] = []
    urls: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            lines.append(line)
            if found := re.search(r"Xem trước: (http://127\.0\.0\.1:\d+/)", line):
                urls.put(found.group(1))

    threading.Thread(target=read, daemon=True).start()
    try:
        try:
            url = urls.get(timeout=STARTUP_SECONDS)
        except queue.Empty:
            raise AssertionError("the preview did not start:\n" + "".join(lines)) from None
        preview = Preview(url, process, lines)
        preview.wait_for(lambda: preview.status()["build"] >= 1, "the first build")
        yield preview
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=REBUILD_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
