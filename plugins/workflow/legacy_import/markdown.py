"""Old text and HTML as Markdown that renders to the same words.

Characters Markdown would read as formatting are escaped; inline HTML keeps
its bold, italics, links and line breaks.
"""

import re

from bs4 import NavigableString, Tag

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(\s)")
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def escape_text(text: str) -> str:
    """Plain text with Markdown's inline markers and raw HTML escaped."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("<", "&lt;")


def escape_block_start(markdown: str) -> str:
    """Keep a paragraph that starts like a heading, quote or list a paragraph."""
    match = _BLOCK_START.match(markdown)
    if match is None:
        return markdown
    marker = match.group(2)
    escaped = marker[:-1] + "\\" + marker[-1] if marker[-1] in ".)" else "\\" + marker
    return markdown[: match.start(2)] + escaped + markdown[match.end(2) :]


def escape_paragraph(text: str) -> str:
    return escape_block_start(escape_text(_SPACES.sub(" ", text).strip()))


def inline(node: Tag) -> str:
    """The Markdown of an element's inline content (text, b/strong, i/em, a, br)."""
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, CDATA, doctype
                parts.append(escape_text(_SPACES.sub(" ", str(child))))
            continue
        if not isinstance(child, Tag) or child.name in ("script", "style", "img"):
            continue
        if child.name == "br":
            parts.append("  \n")
            continue
        inner = inline(child)
        if not inner.strip():
            parts.append(inner)
            continue
        lead, text, trail = _split_spaces(inner)
        if child.name in ("strong", "b"):
            parts.append(f"{lead}**{text}**{trail}")
        elif child.name in ("em", "i"):
            parts.append(f"{lead}*{text}*{trail}")
        elif child.name == "a" and _linkable(child.get("href")):
            parts.append(f"{lead}[{text}](<{child['href'].strip()}>){trail}")
        else:
            parts.append(inner)
    return "".join(parts)


def inline_paragraph(node: Tag) -> str:
    """A block's inline Markdown, trimmed, with runs of spaces collapsed."""
    text = inline(node)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("  \n")]
    return escape_block_start("  \n".join(line for line in lines if line))


def _split_spaces(text: str) -> tuple[str, str, str]:
    stripped = text.strip(" ")
    start = text.find(stripped)
    return text[:start], stripped, text[start + len(stripped) :]


def _linkable(href: object) -> bool:
    return (
        isinstance(href, str)
        and bool(href.strip())
        and not href.strip().startswith(("javascript:", "#"))
    )
