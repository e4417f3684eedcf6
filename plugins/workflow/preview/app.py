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

BUILD_TIMEOUT = 600  # seconds; a build that hangs is reported, not waited for
_SHOWN_TRACEBACK_LINES = 15


def build_once(root: Path, settings: Path, output: Path, content: Path) -> tuple[bool, tuple]:
    """One build in a fresh process; (worked, the lines that say why not)."""
    command = [
        sys.executable,
        "-m",
        "plugins.workflow.preview.rebuild",
        str(settings),
        str(output),
        str(content),
    ]
    try:
        result = subprocess.run(
            command, cwd=root, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return False, (f"quá {BUILD_TIMEOUT} giây mà chưa dựng xong — đã dừng",)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode == 0:
        return True, ()
    return False, problem_lines(result.stderr)


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
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    announce(f"Xem trước: {server.url}  (Ctrl+C để dừng)")
    try:
        _rebuild(root, settings, output, content, status, announce)
        for _changes in watch(*watched, stop_event=stop, debounce=300, step=50):
            _rebuild(root, settings, output, content, status, announce)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.shutdown()
        server.server_close()


def _rebuild(root, settings, output, content, status: BuildStatus, announce) -> None:
    announce("Đang dựng lại…")
    ok, problems = build_once(root, settings, output, content)
    status.finished(ok, problems)
    if ok:
        announce(f"Đã dựng lại (lần {status.number}); trình duyệt sẽ tự tải lại.")
    else:
        announce(
            f"Dựng lại không được (lần {status.number}); vẫn hiện bản dựng tốt gần nhất:\n"
            + "\n".join(problems)
        )
