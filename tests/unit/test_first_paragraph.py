"""The cheap first-paragraph finder gives BeautifulSoup's answer, byte for byte."""

import random
from pathlib import Path

import pytest
from pelican.settings import read_settings

from plugins.domain.site import load_site
from plugins.model_loader.conversion import Converter
from plugins.model_loader.summary import first_paragraph, first_paragraph_soup
from plugins.workflow.build import SETTINGS
from tests.conftest import CONTENT

HTML = [
    "",
    "<p></p>",
    "<p> </p>\n<p>second</p>",
    "<p>a &amp; b &lt; c &gt; d</p>",
    "<p>x &copy; &#169; &#xA9; &nbsp;y</p>",
    "<p>a < b & c</p>",
    "<p>line<br>break<br/>again</p>",
    "<p class=\"lead\" id=x title='a>b'>attributes</p>",
    "<P CLASS=a>upper case</P>",
    "<h1>title</h1>\n<p>after a heading</p>",
    "<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>then</p>",
    "<ul>\n<li>\n<p>in a list</p>\n</li>\n</ul>",
    "<table><tr><td><p>in a cell</p></td></tr></table>",
    "<div><p>closed by the div</div>outside</p>",
    "<pre><p>  </p><p> kept spaces </p></pre>",
    "<textarea><p>raw</p></textarea><p>after</p>",
    "<template><p>template</p></template>",
    "<br><p>a</br>  </br>b</p>",
    "<p>a</br>b</p>",
    "<p><img src=a.jpg></img>after</p>",
    "<!-- <p>commented</p> --><p>real</p>",
    "<p><!-- only a comment --></p><p>next</p>",
    "<script>'<p>not a tag</p>'</script><p>real</p>",
    "<p><![CDATA[data]]></p>",
    "<p>unclosed",
    "<p>x</p><p>",
    "<p><p>nested</p></p>",
    "<p/><p>after an empty one</p>",
    "<p></p><p>\xa0</p><p>\t</p><p>text</p>",
    "<p>a<b>b<i>c</b>d</p>e</p>",
    "<p>x<span>open</p>z",
    "<p>end tag with space</p  >",
    "<p>end tag with junk</p junk>",
    "<p>multi\nline</p\n>",
    "<p>crlf\r\nline</p>",
    "<o:p>prefixed</o:p><p>plain</p>",
    "<p>stray</div></p>",
]

MARKDOWN = [
    "Hello *world* & friends",
    '# Title\n\nA [link](http://example.com/?a=1&b=2 "t") here',
    "> quote\n\nnext",
    "- item\n\n    para in item\n- two",
    '<div markdown="1">\ninside *md*\n</div>\n\nafter',
    "<div>\n<p>raw</p>\n</div>\n\nafter",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\ntext",
    "Note[^1]\n\n[^1]: the footnote",
    "```\n<p>code</p>\n```\n\nafter",
    "    indented code\n\ntext",
    "Term\n:   definition\n\nx",
    "*[HTML]: HyperText\n\nHTML here",
    "![](a.jpg)\n\ntext",
    '![alt](a.jpg "t")',
    "text  \nhard break",
    "&copy; &amp; < > \"q\" 'a'",
    "<!-- comment -->\n\nx",
    "<span>inline</span> html",
    "para {: #id .c }",
    "<pre>\n<p>  </p>\n</pre>\n\nz",
    "\\<p> escaped",
    "<p>raw para</p>\n\nmarkdown",
    "    \n\n",
]

PIECES = (
    "<p>", "</p>", "<p class=\"a\">", "</P>", "<p/>", "<div>", "</div>", "<b>", "</b>",
    "<span>", "</span>", "<pre>", "</pre>", "<textarea>", "</textarea>", "<script>",
    "</script>", "<!--", "-->", "<br>", "</br>", "<img src=a>", "x", " ", "\n", "\xa0",
    "&amp;", "&", "<", ">",
)  # fmt: skip


@pytest.fixture(scope="module")
def convert() -> Converter:
    return Converter(read_settings(str(SETTINGS["dev"]))["MARKDOWN"])


def assert_same(html: str) -> None:
    assert first_paragraph(html) == first_paragraph_soup(html), repr(html)


@pytest.mark.parametrize("html", HTML)
def test_hand_written_html(html):
    assert_same(html)


@pytest.mark.parametrize("text", MARKDOWN)
def test_markdown_output(text, convert):
    html, summary = convert(text)
    assert summary == first_paragraph_soup(html)


def test_random_markup():
    rng = random.Random(8)
    for _ in range(5000):
        assert_same("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))))


@pytest.mark.parametrize("tree", ["content", "corpus"])
def test_every_document_of_the_sample_and_the_corpus(tree, generated_corpus, convert):
    root = CONTENT if tree == "content" else generated_corpus.root
    documents = load_site(Path(root)).by_file.values()
    assert documents
    for document in documents:
        html, summary = convert(document.body)
        assert summary == first_paragraph_soup(html), document.path
