"""A Python-Markdown extension that lets the inline processor skip plain text.

The inline processor tries each of its fifteen patterns on every element's
text, one regular expression search after another, although each pattern can
only match where its own characters are (``[`` for a link, ``*`` or ``_`` for
emphasis…). Most of a news article's paragraphs hold none of them: the search
took a third of the time of converting a body.

Before the inline processor runs, the text of each element that holds none of
the characters the registered patterns need is marked atomic, which the
inline processor leaves as it is; right after, the marks are taken off again,
so that the later tree processors (abbreviations, attribute lists) see the
tree they would have seen. The HTML is the same, byte for byte.

An inline pattern this module does not know (added by another extension)
turns the shortcut off: it converts exactly as before, only not faster.
"""

import re
from xml.etree.ElementTree import Element

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

NEEDS = {
    "backtick": r"[`\\]",
    "escape": r"\\",
    "footnote": r"\[",
    "reference": r"\[",
    "link": r"\[",
    "image_link": r"\[",
    "image_reference": r"\[",
    "short_reference": r"\[",
    "short_image_ref": r"\[",
    "autolink": "<",
    "automail": "<",
    "html": "<",
    "entity": "&",
    "linebreak": "  \n",
    "em_strong": "[*_]",
    "em_strong2": "[*_]",
    "not_strong": "[*_]",
}
"""What any match of each of Python-Markdown's inline patterns holds, by name."""

PLACEHOLDERS = "[\x02\x03]"
"""The start and end of Python-Markdown's placeholders: text holding one is
never skipped."""

INLINE = "inline"
MARK_PRIORITY = 20.5
"""Just before the inline processor (20), after the footnotes' (50)."""
UNMARK_PRIORITY = 19.5
"""Just after it, before the footnotes' duplicate check (15)."""


def needed(md: Markdown) -> re.Pattern[str] | None:
    """What a text must hold for an inline pattern of ``md`` to match it;
    None if a pattern is unknown (then no text is skipped)."""
    names = [name for name in NEEDS if name in md.inlinePatterns]
    if len(names) != len(md.inlinePatterns):
        return None
    return re.compile("|".join(sorted({NEEDS[name] for name in names} | {PLACEHOLDERS})))


class _Mark(Treeprocessor):
    def __init__(self, md: Markdown, marked: list[Element]) -> None:
        super().__init__(md)
        self._marked = marked
        self._needed: tuple[int, re.Pattern[str] | None] | None = None
        """(number of inline patterns, :func:`needed`): worked out again only
        if patterns are registered or removed (6 µs a body, of 255)."""

    def run(self, root: Element) -> None:
        self._marked.clear()
        count = len(self.md.inlinePatterns)
        if self._needed is None or self._needed[0] != count:
            self._needed = count, needed(self.md)
        pattern = self._needed[1]
        if pattern is None:
            return
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, util.AtomicString) and not pattern.search(text):
                element.text = util.AtomicString(text)
                self._marked.append(element)


class _Unmark(Treeprocessor):
    def __init__(self, md: Markdown, marked: list[Element]) -> None:
        super().__init__(md)
        self._marked = marked

    def run(self, root: Element) -> None:
        for element in self._marked:
            element.text = str(element.text)
        self._marked.clear()


class PlainTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        marked: list[Element] = []
        md.treeprocessors.register(_Mark(md, marked), "plain_text_mark", MARK_PRIORITY)
        md.treeprocessors.register(_Unmark(md, marked), "plain_text_unmark", UNMARK_PRIORITY)


def makeExtension(**kwargs: object) -> PlainTextExtension:  # noqa: N802 (Python-Markdown's name)
    return PlainTextExtension(**kwargs)
