"""Where each view of a body (:mod:`.views`) stands in a written file.

A view's text is found in the file as the page printed it: as is in HTML, with
``&``, ``<`` and ``>`` escaped in a feed. A view is *placed* when its text
occurs in the file, apart from longer views already placed, exactly as many
times as the page read it; then each occurrence is a span that an edit of the
body can replace. Any other read (a view tested but not shown, shown through
another filter, or whose text occurs elsewhere too) is *fixed*: its digest is
kept, and an edit that changes it needs the page rendered again. The one case
this cannot tell: a view read and not shown whose text the page happens to
show once elsewhere; the theme's templates show every view they read.
"""

import hashlib
from collections import Counter
from typing import Any
from xml.sax.saxutils import escape as xml_escape

Placement = dict[str, Any]
"""``{"size": bytes, "xml": bool, "spans": [[start, end, document, view]…],
"fixed": [[document, view, digest]…]}``, as the build state keeps it (JSON)."""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def printed(text: str, xml: bool) -> bytes:
    """``text`` as a file shows it."""
    return (xml_escape(text) if xml else text).encode()


def place(data: bytes, views: list[tuple[str, str, str]], *, xml: bool) -> Placement | None:
    """The placement of the ``views`` (document, view, text) a page read in
    its bytes ``data``; None if it read none."""
    if not views:
        return None
    texts: dict[tuple[str, str], set[str]] = {}
    for document, view, text in views:
        texts.setdefault((document, view), set()).add(text)
    reads = Counter((document, view) for document, view, _ in views)
    spans: list[list[Any]] = []
    fixed: list[list[Any]] = []
    taken: list[tuple[int, int]] = []
    by_length = sorted(texts.items(), key=lambda item: -max(map(len, item[1])))
    for (document, view), seen in by_length:
        text = next(iter(seen))
        found = _occurrences(data, printed(text, xml), taken) if len(seen) == 1 and text else []
        taken.extend(found)
        if found and len(found) == reads[document, view]:
            spans.extend([start, end, document, view] for start, end in found)
        else:
            fixed.append([document, view, digest(text) if len(seen) == 1 else ""])
    spans.sort()
    return {"size": len(data), "xml": xml, "spans": spans, "fixed": sorted(fixed)}


def _occurrences(data: bytes, needle: bytes, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    start = data.find(needle)
    while start >= 0:
        end = start + len(needle)
        if not any(start < t_end and t_start < end for t_start, t_end in taken):
            found.append((start, end))
        start = data.find(needle, end)
    return found


def replace_views(
    data: bytes, placement: Placement, new: dict[str, dict[str, str]]
) -> tuple[bytes, Placement]:
    """``data`` with the views of ``new`` (document → view → text) in place of
    the old ones, and the placement of the result."""
    pieces, spans, at, shift = [], [], 0, 0
    for start, end, document, view in placement["spans"]:
        text = new.get(document, {}).get(view)
        if text is None:
            spans.append([start + shift, end + shift, document, view])
            continue
        replacement = printed(text, placement["xml"])
        pieces += [data[at:start], replacement]
        spans.append([start + shift, start + shift + len(replacement), document, view])
        shift += len(replacement) - (end - start)
        at = end
    pieces.append(data[at:])
    result = b"".join(pieces)
    return result, {**placement, "size": len(result), "spans": spans}
