"""The reader's cache of rendered bodies, and conversion on several cores."""

import json
from pathlib import Path

import pytest
from markdown.extensions.toc import TocExtension
from pelican.settings import read_settings

from plugins.common.processes import Background
from plugins.domain.site import load_site
from plugins.model_loader.conversion import Converter
from plugins.model_loader.render_cache import (
    RenderCache,
    UnkeyableError,
    conversion_salt,
)
from plugins.model_loader.render_cache import cache_file as cache_file_of
from plugins.workflow.build import SETTINGS

MARKDOWN = read_settings(str(SETTINGS["dev"]))["MARKDOWN"]


def settings(root: Path, markdown: dict | None = None) -> dict:
    return {
        "CACHE_PATH": str(root),
        "PATH": str(root / "content"),
        "MARKDOWN": markdown or MARKDOWN,
    }


def open_cache(root: Path, markdown: dict | None = None) -> RenderCache:
    return RenderCache.for_settings(settings(root, markdown))


def cache_file(root: Path) -> Path:
    return cache_file_of(settings(root))


def test_an_entry_comes_back_in_the_next_build(tmp_path):
    first = open_cache(tmp_path)
    first.put(first.key("body"), ("<p>body</p>", "<p>body</p>"))
    first.save()
    again = open_cache(tmp_path)
    assert again.get(again.key("body")) == ("<p>body</p>", "<p>body</p>")
    assert list(tmp_path.rglob("*.tmp")) == []


def test_entries_not_used_by_a_build_are_dropped(tmp_path):
    first = open_cache(tmp_path)
    for body in ("kept", "dropped"):
        first.put(first.key(body), (body, body))
    first.save()
    second = open_cache(tmp_path)
    assert second.get(second.key("kept")) == ("kept", "kept")
    second.save()
    entries = json.loads(cache_file(tmp_path).read_text(encoding="utf-8"))["entries"]
    assert list(entries) == [second.key("kept")]


@pytest.mark.parametrize(
    "garbage",
    [b"\x00\xff not json", b"[1, 2]", b'{"format": 1, "entries": []}', b"", b'{"format": 99}'],
)
def test_a_corrupt_file_is_an_empty_cache(tmp_path, garbage):
    cache_file(tmp_path).parent.mkdir(parents=True)
    cache_file(tmp_path).write_bytes(garbage)
    cache = open_cache(tmp_path)
    assert cache.get(cache.key("body")) is None


def test_a_malformed_entry_is_a_miss(tmp_path):
    cache = open_cache(tmp_path)
    data = {"format": 1, "entries": {cache.key("a"): ["only html"], cache.key("b"): [1, 2]}}
    cache_file(tmp_path).parent.mkdir(parents=True)
    cache_file(tmp_path).write_text(json.dumps(data), encoding="utf-8")
    cache = open_cache(tmp_path)
    assert cache.get(cache.key("a")) is None
    assert cache.get(cache.key("b")) is None


def test_the_key_changes_with_the_markdown_settings(tmp_path):
    other = {**MARKDOWN, "output_format": "xhtml"}
    assert open_cache(tmp_path).key("x") != open_cache(tmp_path, other).key("x")
    assert open_cache(tmp_path).key("x") == open_cache(tmp_path).key("x")


def test_extension_objects_are_keyed_by_class_and_configuration():
    """Their repr holds a memory address: the key must not."""
    settings = {"extensions": [TocExtension(permalink=True)]}
    assert conversion_salt(settings) == conversion_salt(
        {"extensions": [TocExtension(permalink=True)]}
    )
    assert conversion_salt(settings) != conversion_salt(
        {"extensions": [TocExtension(permalink=False)]}
    )


def test_settings_that_cannot_be_keyed_turn_the_cache_off(tmp_path):
    settings = {"extensions": [TocExtension(slugify=lambda text, sep: text)]}
    with pytest.raises(UnkeyableError):
        conversion_salt(settings)
    cache = open_cache(tmp_path, settings)
    cache.put(cache.key("x"), ("x", "x"))
    cache.save()
    assert not cache_file(tmp_path).exists()


def test_a_background_conversion_gives_the_serial_html(generated_corpus):
    bodies = [d.body for d in load_site(generated_corpus.root).by_file.values()]
    serial = [Converter(MARKDOWN)(body) for body in bodies]
    background = Background(Converter(MARKDOWN), bodies, 2)
    last = len(bodies) - 1
    assert background.result(last) == serial[last]  # asked for out of order
    assert background.results() == serial


def test_each_content_folder_keeps_its_own_entries(tmp_path):
    site = RenderCache.for_settings({**settings(tmp_path), "PATH": str(tmp_path / "site")})
    site.put(site.key("site body"), ("<p>site</p>", "<p>site</p>"))
    site.save()
    other = RenderCache.for_settings({**settings(tmp_path), "PATH": str(tmp_path / "test")})
    other.put(other.key("test body"), ("<p>test</p>", "<p>test</p>"))
    other.save()
    again = RenderCache.for_settings({**settings(tmp_path), "PATH": str(tmp_path / "site")})
    assert again.get(again.key("site body")) == ("<p>site</p>", "<p>site</p>")
