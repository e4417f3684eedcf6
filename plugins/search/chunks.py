"""Index chunks of even size for Vietnamese, which Pagefind 1.5 cannot make.

Pagefind splits its word index into chunk files (``pagefind/index/*.pf_index``)
of about 20,000 word locations each, and a query downloads the chunks that hold
its words. Pagefind 1.5 counts only the locations of words written without
marks, but it files a Vietnamese word's locations under its marked forms
("nhất", "nhật" under "nhat"), so nearly every word counts as empty and a
chunk takes in words until it reaches hundreds of kilobytes: 340 kB for the
chunk of "nguyen" on 10,000 generated articles. Pagefind counts every form
since its pull request 1316, not yet released on PyPI.

:func:`rebalance_chunks` regroups the same words, in the same order, into
chunks counted with every form, as the fixed Pagefind does, and rewrites the
chunk list of each language's ``pf_meta`` file. Indexes of other Pagefind
versions are left as they are.
"""

from itertools import pairwise, takewhile
from pathlib import Path

from .bundle_files import read_entry, read_index_file, write_entry, write_index_file

CHUNK_LOCATIONS = 10_000
"""Half Pagefind's own target: on 10,000 articles a first query then downloads
about 240 kB in all, not 300 (docs/tim-kiem.md)."""

_AFFECTED_VERSIONS = frozenset({"1.5.0", "1.5.1", "1.5.2"})
_CHUNKS = 2  # position of the chunk list in the pf_meta record


def rebalance_chunks(bundle: Path, size: int = CHUNK_LOCATIONS) -> None:
    """Regroup the word index in ``bundle`` (a ``pagefind/`` folder) if needed."""
    entry = read_entry(bundle)
    if entry["version"] not in _AFFECTED_VERSIONS:
        return
    for language in entry["languages"].values():
        language["hash"] = _rebalance_language(bundle, language["hash"], size)
    write_entry(bundle, entry)


def _rebalance_language(bundle: Path, meta_hash: str, size: int) -> str:
    """Rewrite one language's chunks and pf_meta; the pf_meta's new hash."""
    language = meta_hash.split("_")[0]
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_index_file(meta_file)
    old_chunks = [bundle / "index" / f"{chunk[2]}.pf_index" for chunk in meta[_CHUNKS]]
    words = [word for path in old_chunks for word in read_index_file(path)[0]]
    for path in [*old_chunks, meta_file]:
        path.unlink()
    groups = _group(words, size)
    meta[_CHUNKS] = [
        [first, last, write_index_file(bundle / "index", language, "{}.pf_index", [group])]
        for group, (first, last) in zip(groups, _ranges(groups), strict=True)
    ]
    return write_index_file(bundle, language, "pagefind.{}.pf_meta", meta)


def _locations(word: list) -> int:
    """Pagefind's measure of a word (its ``chunk_index``), every form counted."""
    _, pages, variants = word
    postings = [*pages, *(page for variant in variants for page in variant[1])]
    return sum(1 + sum(len(part) for part in page[1:]) for page in postings) + len(variants)


def _group(words: list, size: int) -> list[list]:
    groups: list[list] = [[]]
    total = 0
    for word in words:
        groups[-1].append(word)
        total += _locations(word)
        if total >= size:
            groups.append([])
            total = 0
    return [group for group in groups if group]


def _ranges(groups: list[list]) -> list[tuple[str, str]]:
    """Each chunk's first and last word, trimmed as Pagefind's ``chunk_meta`` does.

    Neighbouring bounds are cut to one character past their common prefix, so
    that a query for the start of a word also finds the chunks of its endings.
    """
    ranges = [[group[0][0], group[-1][0]] for group in groups]
    for current, following in pairwise(ranges):
        pairs = zip(current[1], following[0], strict=False)
        common = sum(1 for _ in takewhile(lambda pair: pair[0] == pair[1], pairs))
        if current[1][: common + 1] >= current[0]:
            current[1] = current[1][: common + 1]
        following[0] = following[0][: common + 1]
    return [(first, last) for first, last in ranges]
