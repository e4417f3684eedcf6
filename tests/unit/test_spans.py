"""Where views of bodies stand in a written file, and replacing them there."""

from plugins.incremental.spans import digest, place, printed, replace_views

CONTENT = "<p>Đoạn đầu.</p>\n<p>Đoạn hai &amp; ba.</p>"
SUMMARY = "<p>Đoạn đầu.</p>"


def test_views_printed_as_they_are_are_placed():
    page = f"<main>{CONTENT}</main><aside>{SUMMARY}</aside>".encode()
    placement = place(page, [("a.md", "content", CONTENT), ("a.md", "summary", SUMMARY)], xml=False)
    assert placement["fixed"] == []
    starts = {view: start for start, _end, _doc, view in placement["spans"]}
    # The summary inside the content is not taken for the summary the page shows.
    assert page[starts["summary"] :].startswith(SUMMARY.encode() + b"</aside>")


def test_a_view_read_but_not_shown_as_it_is_is_fixed():
    page = f"<meta content='Đoạn đầu.'><main>{SUMMARY}</main>".encode()
    views = [("a.md", "summary", SUMMARY), ("a.md", "summary", SUMMARY)]
    placement = place(page, views, xml=False)
    assert placement["spans"] == []
    assert placement["fixed"] == [["a.md", "summary", digest(SUMMARY)]]


def test_same_text_of_two_documents_is_fixed():
    page = f"<li>{SUMMARY}</li><li>{SUMMARY}</li>".encode()
    placement = place(page, [("a.md", "summary", SUMMARY), ("b.md", "summary", SUMMARY)], xml=False)
    assert [fixed[0] for fixed in placement["fixed"]] == ["a.md", "b.md"]


def test_feeds_show_views_escaped():
    feed = "<content type='html'>&lt;p&gt;Đoạn đầu.&lt;/p&gt;</content>".encode()
    assert place(feed, [("a.md", "summary", SUMMARY)], xml=False)["spans"] == []
    placement = place(feed, [("a.md", "summary", SUMMARY)], xml=True)
    new, moved = replace_views(feed, placement, {"a.md": {"summary": "<p>Mới & lạ</p>"}})
    assert new == "<content type='html'>&lt;p&gt;Mới &amp; lạ&lt;/p&gt;</content>".encode()
    assert moved["size"] == len(new)


def test_replacing_moves_the_spans_after_it():
    page = f"<h1>{SUMMARY}</h1><main>{CONTENT}</main><p>cuối</p>".encode()
    views = [("a.md", "summary", SUMMARY), ("b.md", "content", CONTENT)]
    placement = place(page, views, xml=False)
    new, moved = replace_views(page, placement, {"a.md": {"summary": "<p>Ngắn</p>"}})
    assert new == f"<h1><p>Ngắn</p></h1><main>{CONTENT}</main><p>cuối</p>".encode()
    assert moved == place(new, [("a.md", "summary", "<p>Ngắn</p>"), views[1]], xml=False)


WORDS = ("Ban", "quản", "lý", "<p>", "</p>", "&amp;", "khu", "công", "nghiệp", " ", "\n", "<")


def _random_page(rng, xml: bool):
    """A page of filler and views printed in it, as a template would show them;
    also what the page read, and a way to print it again with other texts."""
    texts = {
        (doc, view): "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
        for doc in ("a.md", "b.md", "c.md")
        for view in ("content", "summary")
    }
    if rng.random() < 0.5:  # a summary that is the start of its content, as in life
        texts["a.md", "content"] = texts["a.md", "summary"] + texts["a.md", "content"]
    layout = [
        rng.choice(list(texts)) if rng.random() < 0.5 else "".join(rng.sample(WORDS, 3))
        for _ in range(rng.randint(1, 8))
    ]

    def render(current: dict) -> bytes:
        return b"".join(
            printed(current[part], xml) if isinstance(part, tuple) else part.encode()
            for part in layout
        )

    reads = [(*part, texts[part]) for part in layout if isinstance(part, tuple)]
    return texts, render, reads


def test_replacing_views_prints_the_page_as_rendering_it_again_would():
    """Random pages: wherever a changed view is placed (not fixed), putting the
    new texts in place gives the bytes of the page printed with them."""
    import random

    rng = random.Random(20261129)
    checked = 0
    for _ in range(400):
        xml = rng.random() < 0.3
        texts, render, reads = _random_page(rng, xml)
        data = render(texts)
        placement = place(data, reads, xml=xml)
        if placement is None:
            continue
        changed = {key: texts[key] + rng.choice(WORDS) for key in rng.sample(list(texts), 2)}
        fixed = {(doc, view) for doc, view, _digest in placement["fixed"]}
        if fixed & set(changed):
            continue  # a full build's work
        new: dict[str, dict[str, str]] = {}
        for (doc, view), text in changed.items():
            new.setdefault(doc, {})[view] = text
        result, moved = replace_views(data, placement, new)
        assert result == render(texts | changed)
        assert moved["size"] == len(result)
        checked += 1
    assert checked > 100
