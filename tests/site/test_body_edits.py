"""Edits to bodies alone are brought into the pages that show them, without
Pelican, and the site is exactly what a cold build makes of the same content."""

import re

import pytest

from plugins.workflow.build import SETTINGS, build_site
from tests.conftest import copy_content
from tests.corpus import ArticleSpec, generate_corpus
from tests.site.live import Live, edit_body
from tests.trees import differences, files

QUICK = "Sửa thân bài"
"""What the build prints when it brought body edits in without Pelican."""


def rewrite(live: Live, article: ArticleSpec, change) -> None:
    path = live.corpus.file(article)
    path.write_text(change(path.read_text(encoding="utf-8")), "utf-8")


def body_start(text: str) -> int:
    """Where the body begins, after the closing ``---`` of the front matter."""
    return text.index("\n---\n", 4) + len("\n---\n")


def new_first_paragraph(text: str) -> str:
    """The first line of the body begins differently (the summary changes)."""
    front_end = body_start(text)
    body = text[front_end:]
    first = re.search(r"^\S", body, re.MULTILINE).start()
    return text[:front_end] + body[:first] + "Mở đầu viết lại & “sửa” " + body[first:]


def latest_with_own_summary(live: Live, own: bool) -> ArticleSpec:
    """The newest published article whose summary is (not) written in front matter."""
    ordered = sorted(live.corpus.published, key=lambda a: a.date, reverse=True)
    return next(a for a in ordered if (a.summary is not None) == own)


def test_body_edit_is_brought_in_without_pelican(live, capsys):
    capsys.readouterr()
    edit_body(live)
    live.build()
    assert QUICK in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_first_paragraph_edit_reaches_description_cards_and_feeds(live, capsys):
    article = latest_with_own_summary(live, own=False)
    feed_before = (live.output / "feed.xml").read_bytes()
    capsys.readouterr()
    rewrite(live, article, new_first_paragraph)
    live.build()
    assert QUICK in capsys.readouterr().out
    page = (live.output / article.url.strip("/") / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Mở đầu viết lại &amp; “sửa”' in page
    assert (live.output / "feed.xml").read_bytes() != feed_before
    assert "Mở đầu viết lại &amp;amp; “sửa”" in (live.output / "feed.xml").read_text(
        encoding="utf-8"
    )
    assert differences(live.output, live.cold()) == []


def test_edit_of_an_article_with_its_own_summary(live, capsys):
    capsys.readouterr()
    rewrite(live, latest_with_own_summary(live, own=True), new_first_paragraph)
    live.build()
    assert QUICK in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_successive_edits_then_a_full_build(live, capsys):
    first, second = live.corpus.published[:2]
    rewrite(live, first, new_first_paragraph)
    rewrite(live, second, lambda text: text + "\nThêm một đoạn.\n")
    live.build()
    rewrite(live, first, lambda text: text.replace("Mở đầu viết lại", "Lần thứ hai: mở đầu"))
    live.build()
    assert capsys.readouterr().out.count(QUICK) == 2
    assert differences(live.output, live.cold()) == []
    rewrite(live, second, lambda text: text.replace("title: ", "title: Sửa tên ", 1))
    live.build()
    assert QUICK not in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_page_body_edit(live, capsys):
    page = live.content / "pages" / "gioi-thieu.md"
    page.write_text(new_first_paragraph(page.read_text(encoding="utf-8")), "utf-8")
    capsys.readouterr()
    live.build()
    assert QUICK in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_front_matter_edit_takes_the_full_build(live, capsys):
    rewrite(live, live.corpus.published[4], lambda text: text.replace("title: ", "title: Mới ", 1))
    capsys.readouterr()
    live.build()
    assert QUICK not in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_link_to_another_document_takes_the_full_build(live, capsys):
    """Pelican resolves ``{filename}`` links against the whole site."""
    target = live.corpus.published[9].path.removeprefix("articles/")
    rewrite(
        live,
        live.corpus.published[4],
        lambda text: text + f"\nXem [bài trước]({{filename}}/articles/{target}).\n",
    )
    capsys.readouterr()
    live.build()
    assert QUICK not in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_added_file_takes_the_full_build(live, capsys):
    edit_body(live)
    (live.content / "pages" / "moi.md").write_text(
        (live.content / "pages" / "lien-he.md")
        .read_text(encoding="utf-8")
        .replace("title: ", "title: Trang mới ", 1),
        "utf-8",
    )
    capsys.readouterr()
    live.build()
    assert QUICK not in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_article_with_photos_takes_the_full_build(tmp_path, capsys):
    """Its body places its photos as figures, which the full build makes."""
    content = copy_content(tmp_path / "content")
    site = Live(None, tmp_path / "site" / "output", tmp_path, content=content)
    photo_article = next((content / "articles").rglob("index.md"))
    assert "images:" in photo_article.read_text(encoding="utf-8")
    site.build()
    photo_article.write_text(new_first_paragraph(photo_article.read_text("utf-8")), "utf-8")
    capsys.readouterr()
    site.build()
    assert QUICK not in capsys.readouterr().out
    assert differences(site.output, site.cold()) == []


def test_body_left_without_a_paragraph_and_given_one_again(live, capsys):
    """The summary (the first paragraph) goes empty, then comes back: a feed
    writes an empty summary as an empty element, and an empty view has no
    place on a page to come back to, so both take the full build."""
    article = latest_with_own_summary(live, own=False)

    def only_a_list(text: str) -> str:
        return text[: body_start(text)] + "\n## Nội dung\n\n- Một mục\n- Hai mục\n"

    rewrite(live, article, only_a_list)
    live.build()
    assert differences(live.output, live.cold()) == []
    rewrite(live, article, lambda text: text + "\nĐoạn văn trở lại.\n")
    live.build()
    assert differences(live.output, live.cold()) == []
    assert QUICK not in capsys.readouterr().out


def test_body_edit_with_the_publishing_settings(tmp_path, capsys):
    """Absolute addresses, feeds on the site's domain: the same exact result."""
    corpus = generate_corpus(tmp_path / "content")
    output, cold = tmp_path / "site" / "output", tmp_path / "cold" / "output"
    build_site(SETTINGS["publish"], output, PATH=str(corpus.root))
    article = max(corpus.published, key=lambda a: a.date)
    path = corpus.file(article)
    path.write_text(new_first_paragraph(path.read_text(encoding="utf-8")), "utf-8")
    capsys.readouterr()
    build_site(SETTINGS["publish"], output, PATH=str(corpus.root))
    assert QUICK in capsys.readouterr().out
    build_site(SETTINGS["publish"], cold, PATH=str(corpus.root))
    assert differences(output, cold) == []


def test_body_edit_under_other_build_options_takes_the_full_build(live, capsys):
    """Pages are made by the settings too: an edit built with other options is
    no edit of the last build's pages."""
    edit_body(live)
    capsys.readouterr()
    live.build(DEFAULT_PAGINATION=7)
    assert QUICK not in capsys.readouterr().out
    assert differences(live.output, live.cold(DEFAULT_PAGINATION=7)) == []


def test_page_changed_in_the_output_takes_the_full_build(live, capsys):
    """A page that shows the edited body is not as the last build left it."""
    article = latest_with_own_summary(live, own=False)
    page = live.output / article.url.strip("/") / "index.html"
    page.write_bytes(page.read_bytes() + "<!-- sửa tay -->".encode())
    rewrite(live, article, new_first_paragraph)
    capsys.readouterr()
    live.build()
    assert QUICK not in capsys.readouterr().out
    assert differences(live.output, live.cold()) == []


def test_broken_front_matter_in_an_edited_file_is_reported_by_the_full_build(live):
    article = live.corpus.published[3]
    before = files(live.output)
    rewrite(live, article, lambda text: text.replace("title: ", "title: [chưa đóng ", 1))
    with pytest.raises(SystemExit, match=re.escape(article.path)):
        live.build()
    assert files(live.output) == before
