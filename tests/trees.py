"""Comparing two built sites file by file."""

import difflib
from pathlib import Path


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def differences(left: Path, right: Path) -> list[str]:
    """What differs between two output folders, with each file's first changed lines."""
    a, b = files(left), files(right)
    found = [f"only in {left.name}: {n}" for n in sorted(a.keys() - b.keys())]
    found += [f"only in {right.name}: {n}" for n in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        if a[name] != b[name]:
            diff = difflib.unified_diff(
                a[name].decode(errors="replace").splitlines(),
                b[name].decode(errors="replace").splitlines(),
                lineterm="",
                n=0,
            )
            found.append(f"{name} differs:\n    " + "\n    ".join(list(diff)[2:6]))
    return found
