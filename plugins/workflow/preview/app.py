"""The preview loop: build, serve, watch, rebuild."""

import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import watch

from .server import PreviewServer
from .status import BuildStatus

WHEN_TOLD = "--when-told"
"""The build process (:mod:`.rebuild`) loads its code, then waits for a line."""
BUILD_TIMEOUT = 600  # seconds; a build that hangs is reported, not waited for
_SHOWN_TRACEBACK_LINES = 15


class Builds:
    """The preview's builds, each in a fresh process (:mod:`.rebuild`).

    The process of the next build is started as soon as a build ends and
    waits, its code loaded, until an edit asks for it: the editor does not
    wait for Python to start and import. When Python code changes (plugins,
    settings), the waiting process is stale and a new one is started instead.
    """

    def __init__(self, root: Path, settings: Path, output: Path, content: Path) -> None:
        self._root = root
        self._command = [
            sys.executable,
            *("-m", "plugins.workflow.preview.rebuild", WHEN_TOLD),
            *(str(settings), str(output), str(content)),
        ]
        self._next: subprocess.Popen | None = None

    def run(self) -> tuple[bool, tuple[str, ...]]:
        """One build; (worked, the lines that say why not)."""
        process, self._next = self._next or self._start(), None
        try:
            stdout, stderr = process.communicate("\n", timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return False, (f"quá {BUILD_TIMEOUT} giây mà chưa dựng xong — đã dừng",)
        finally:
            self._next = self._start()
        sys.stdout.write(stdout)
        sys.stderr.write(stderr)
        if process.returncode == 0:
            return True, ()
        return False, problem_lines(stderr)

    def code_changed(self) -> None:
        self.close()
        self._next = self._start()

    def close(self) -> None:
        if self._next is not None:
            self._next.kill()
            self._next.communicate()
            self._next = None

    def _start(self) -> subprocess.Popen:
        return subprocess.Popen(
            self._command,
            cwd=self._root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


def problem_lines(stderr: str) -> tuple[str, ...]:
    """The editor's problem lines, or the end of a traceback for anything else."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    if lines and lines[0].startswith("Nội dung có lỗi"):
        return tuple(lines[1:])
    return tuple(lines[-_SHOWN_TRACEBACK_LINES:]) or ("lỗi không rõ khi dựng trang",)


def run_preview(
    root: Path,
    settings: Path,
    output: Path,
    content: Path,
    port: int,
    *,
    watched: tuple[Path, ...],
    announce: Callable[[str], None] = print,
) -> None:
    """Serve ``output`` on ``port`` and rebuild it whenever ``watched`` changes.

    Runs until interrupted (Ctrl+C or SIGTERM).
    """
    status = BuildStatus()
    try:
        server = PreviewServer(output, status, port)
    except OSError as exc:
        raise SystemExit(
            f"Không mở được cổng {port} ({exc.strerror}) — thử: invoke livereload --port 8080"
        ) from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    # Ctrl+C and SIGTERM both end the loop the same way: the watcher stops
    # within its 50 ms step, or after the build under way, which a Ctrl+C
    # in the terminal ends too (it reaches the whole process group).
    previous = {
        number: signal.signal(number, lambda *_: stop.set())
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    announce(f"Xem trước: {server.url}  (Ctrl+C để dừng)")
    builds = Builds(root, settings, output, content)
    try:
        _rebuild(builds, status, announce)
        for changes in watch(*watched, stop_event=stop, debounce=300, step=50):
            if stop.is_set():
                break
            if any(path.endswith(".py") for _, path in changes):
                builds.code_changed()
            _rebuild(builds, status, announce)
    finally:
        builds.close()
        for number, handler in previous.items():
            signal.signal(number, handler)
        server.shutdown()
        server.server_close()


def _rebuild(builds: Builds, status: BuildStatus, announce) -> None:
    announce("Đang dựng lại…")
    ok, problems = builds.run()
    status.finished(ok, problems)
    if ok:
        announce(f"Đã dựng lại (lần {status.number}); trình duyệt sẽ tự tải lại.")
    else:
        announce(
            f"Dựng lại không được (lần {status.number}); vẫn hiện bản dựng tốt gần nhất:\n"
            + "\n".join(problems)
        )
