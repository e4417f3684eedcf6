"""The command line around the importer: which files, and what happened to each."""

import glob
from pathlib import Path

from .run import ImportResult


def paths(pattern: str) -> list[Path]:
    """A file, a folder, or files named by a pattern in their last part ("luu/*.html")."""
    path = Path(pattern)
    if glob.has_magic(path.name):
        return sorted(path.parent.glob(path.name))
    return [path]


def render(result: ImportResult, content_root: Path) -> str:
    lines = []
    for page, article, written in result.written:
        shown = (
            written.relative_to(content_root.parent)
            if written.is_relative_to(content_root.parent)
            else written
        )
        missing = sum(1 for p in article.photos if not p.available)
        note = f" — thiếu {missing} ảnh, xem TODO trong bài" if missing else ""
        lines.append(f"Đã nhập {page} → {shown}{note}")
    for page, reason in result.failed:
        lines.append(f"KHÔNG nhập được {page}: {reason}")
    if not result.written and not result.failed:
        lines.append("Không có trang nào để nhập (.html, .htm, .txt).")
    lines.append(
        f"{len(result.written)} bài đã nhập, {len(result.failed)} trang không nhập được."
        + (" Kiểm tra lại các bài rồi chạy: make check" if result.written else "")
    )
    return "\n".join(lines)
