"""Skipping plain text in the inline processor changes no byte of the HTML."""

import random
from pathlib import Path

import pytest
from markdown import Markdown
from pelican.settings import read_settings

from plugins.domain.site import load_site
from plugins.model_loader.conversion import Converter
from plugins.model_loader.plain_text import NEEDS, PlainTextExtension, needed
from plugins.workflow.build import SETTINGS
from tests.conftest import CONTENT

MARKDOWN_SETTINGS = read_settings(str(SETTINGS["dev"]))["MARKDOWN"]

# Each inline pattern at work, and the tree processors that run after it,
# which must see the text unmarked: (Markdown, what its HTML must hold).
PATTERNS = {
    "backtick": ("Lệnh `make serve` chạy", "<code>make serve</code>"),
    "escape": (r"Không \*nhấn\* mạnh", "Không *nhấn* mạnh"),
    "footnote": ("Có chú thích[^1]\n\n[^1]: Ghi chú.", 'class="footnote-ref"'),
    "reference": (
        "Xem [trang][r]\n\n[r]: https://example.vn/",
        '<a href="https://example.vn/">trang</a>',
    ),
    "link": ("Xem [trang](https://example.vn/)", '<a href="https://example.vn/">trang</a>'),
    "image_link": ("![Ảnh](anh.jpg)", '<img alt="Ảnh" src="anh.jpg">'),
    "image_reference": ("![Ảnh][a]\n\n[a]: anh.jpg", '<img alt="Ảnh" src="anh.jpg">'),
    "short_reference": (
        "Xem [r]\n\n[r]: https://example.vn/",
        '<a href="https://example.vn/">r</a>',
    ),
    "short_image_ref": ("![a]\n\n[a]: anh.jpg", '<img alt="a" src="anh.jpg">'),
    "autolink": ("<https://example.vn/>", '<a href="https://example.vn/">'),
    "automail": ("<ban@example.vn>", "<a href="),
    "html": ("chữ <b>đậm</b>", "<b>đậm</b>"),
    "entity": ("a &copy; b", "&copy;"),
    "linebreak": ("dòng một  \ndòng hai", "dòng một<br>"),
    "em_strong": ("*nghiêng* **đậm** _nghiêng_ __đậm__", "<strong>đậm</strong>"),
    "abbr": ("Ban QL KCN\n\n*[KCN]: Khu công nghiệp", '<abbr title="Khu công nghiệp">KCN</abbr>'),
    "attr_list": ("## Tiêu đề {#tieu-de}", '<h2 id="tieu-de">Tiêu đề</h2>'),
    "def_list": ("Thuật ngữ\n:   Định nghĩa", "<dd>Định nghĩa</dd>"),
    "table": ("| A | B |\n|---|---|\n| *x* | y |", "<td><em>x</em></td>"),
    "md_in_html": ('<div markdown="1">\n*trong* khối\n</div>', "<em>trong</em>"),
    "fenced_code": ("```\n*không* xử lý\n```", "<code>*không* xử lý"),
}

# Pieces of Markdown put together at random: every character a pattern needs, and
# the block syntax around it.
PIECES = (
    "chữ", "Việt", " ", "  ", "\n", "\n\n", "*", "**", "_", "`", "\\", "[", "]", "(",
    ")", "![", "](a.jpg)", "[^1]", "\n[^1]: ghi\n", "<", ">", "<b>", "</b>", "&",
    "&amp;", "&#169;", "<https://x.vn/>", "<a@x.vn>", "  \n", "# ", "## ", "- ", "1. ",
    "> ", "    ", "| a | b |\n|---|---|\n", "{#x}", "{: .c}", "*[HTML]: Ngôn ngữ\n",
    "HTML", "\n:   ", "```\n", "~~~", '<div markdown="1">\n', "\n</div>\n", "\x02",
)  # fmt: skip


@pytest.fixture(scope="module")
def plain() -> Markdown:
    return Markdown(**MARKDOWN_SETTINGS)


@pytest.fixture(scope="module")
def convert() -> Converter:
    return Converter(MARKDOWN_SETTINGS)


def plain_html(md: Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)


@pytest.mark.parametrize("name", PATTERNS)
def test_each_pattern_still_applies(name, plain, convert):
    text, expected = PATTERNS[name]
    html, _ = convert(text)
    assert expected in html
    assert html == plain_html(plain, text)


def test_every_pattern_of_the_settings_is_known(convert):
    """The site's settings get the shortcut: no inline pattern turns it off."""
    md = Markdown(**MARKDOWN_SETTINGS)
    assert needed(md) is not None
    assert {name for name in NEEDS if name in md.inlinePatterns} <= PATTERNS.keys()


def test_random_markdown(plain, convert):
    rng = random.Random(11)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 16)))
        assert convert(text)[0] == plain_html(plain, text), repr(text)


@pytest.mark.parametrize("tree", ["content", "corpus"])
def test_every_body_of_the_sample_and_the_corpus(tree, generated_corpus, plain, convert):
    root = CONTENT if tree == "content" else generated_corpus.root
    documents = load_site(Path(root)).by_file.values()
    assert documents
    for document in documents:
        assert convert(document.body)[0] == plain_html(plain, document.body), document.path


def test_an_unknown_inline_pattern_turns_the_shortcut_off():
    """``nl2br`` makes a line break of any newline: a text with no character the
    known patterns need still changes, so nothing may be skipped."""
    settings = {"extensions": ["nl2br"], "output_format": "html"}
    md = Markdown(extensions=["nl2br", PlainTextExtension()], output_format="html")
    assert needed(md) is None
    assert plain_html(md, "dòng một\ndòng hai") == "<p>dòng một<br>\ndòng hai</p>"
    assert Converter(settings)("dòng một\ndòng hai")[0] == "<p>dòng một<br>\ndòng hai</p>"


def test_a_pattern_registered_after_the_first_body_turns_the_shortcut_off():
    """What the patterns need is worked out once, and again when they change."""
    from markdown.inlinepatterns import SubstituteTagInlineProcessor

    md = Markdown(extensions=[PlainTextExtension()], output_format="html")
    assert plain_html(md, "dòng một\ndòng hai") == "<p>dòng một\ndòng hai</p>"
    md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\n", "br"), "nl", 5)
    assert plain_html(md, "dòng một\ndòng hai") == "<p>dòng một<br>\ndòng hai</p>"
