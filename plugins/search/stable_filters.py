"""Pagefind's filters in a fixed order, so that the same pages give the same index.

Pagefind 1.5 writes the values of each filter (``filter/*.pf_filter``), and the
list of filters in the ``pf_meta`` file, in the order of a Rust hash map,
which changes from run to run: two indexes of the same site differ in those
files and in the hashes that name them. Sorting both makes the bundle
reproducible, byte for byte. The search page takes its filter menus from the
site's own HTML, not from these files.
"""

from pathlib import Path

from .bundle_files import read_entry, read_index_file, write_entry, write_index_file

_FILTERS = 3  # position of the filter list in the pf_meta record: [name, file hash]


def sort_filters(bundle: Path) -> None:
    """Rewrite the filter files of ``bundle`` (a ``pagefind/`` folder) in sorted order."""
    entry = read_entry(bundle)
    for language in entry["languages"].values():
        language["hash"] = _sort_language(bundle, language["hash"])
    write_entry(bundle, entry)


def _sort_language(bundle: Path, meta_hash: str) -> str:
    """Rewrite one language's filter files and pf_meta; the pf_meta's new hash."""
    language = meta_hash.split("_")[0]
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_index_file(meta_file)
    sorted_filters = []
    for name, file_hash in sorted(meta[_FILTERS]):
        path = bundle / "filter" / f"{file_hash}.pf_filter"
        filter_name, values = read_index_file(path)
        path.unlink()
        written = write_index_file(
            bundle / "filter", language, "{}.pf_filter", [filter_name, sorted(values)]
        )
        sorted_filters.append([name, written])
    meta[_FILTERS] = sorted_filters
    meta_file.unlink()
    return write_index_file(bundle, language, "pagefind.{}.pf_meta", meta)
