"""Markdown bodies to HTML and summary.

Each body is converted by a freshly reset :class:`markdown.Markdown`, so the
result depends on the body and the settings only: whichever process converts
it, in whatever order, the bytes are the same.
"""

from typing import Any

from markdown import Markdown

from .plain_text import PlainTextExtension
from .summary import first_paragraph

Rendered = tuple[str, str]
"""A body's HTML and its first paragraph with text (``""`` if none)."""


class Converter:
    """One Markdown instance, reset before every body; plain text is left to
    the inline processor only when it could hold inline markup (:mod:`.plain_text`)."""

    def __init__(self, markdown_settings: dict[str, Any]) -> None:
        extensions = [*markdown_settings.get("extensions", ()), PlainTextExtension()]
        self._markdown = Markdown(**{**markdown_settings, "extensions": extensions})

    def __call__(self, body: str) -> Rendered:
        self._markdown.reset()
        html = self._markdown.convert(body)
        return html, first_paragraph(html)
