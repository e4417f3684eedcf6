"""Edits to document bodies alone, brought into the pages without Pelican.

When the only inputs changed since the output's last build are Markdown files
whose front matter is as it was, of documents without photos
(``BuildState.editable``), nothing can change on any page but the views of
those bodies (:mod:`.views`), and the last build noted every page and feed
that shows them and where (``BuildState.views``, :mod:`.spans`). Each changed
body is converted again, as the build's reader converts it, and its new views
replace the old ones in those files, which go to the staging folder as any
incremental build's changes do (:mod:`.apply`).

Anything out of the ordinary is left to the full build: a file added, removed
or changed other than such a body, a scheduled article due, a body with
Pelican's ``{filename}`` links (resolved against the whole site), an empty
body or summary or a summary that is the whole body (which feeds leave out or
write as empty elements), a changed view that some page does not show as it
is, a page not as the last build left it.
"""

from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pelican.contents import Content

from plugins.domain.source import SourceError, read_text, split_front_matter
from plugins.model_loader.conversion import Converter
from plugins.model_loader.model_loader import build_time

from .spans import Placement, digest, replace_views
from .stamp import Inputs
from .state import BuildState
from .views import body_views


@dataclass(frozen=True)
class Edit:
    document: str
    """Relative to the content folder, as ``BuildState.bodies`` names it."""
    body_digest: str
    views: dict[str, str]


@dataclass(frozen=True)
class BodyEdits:
    state: BuildState
    """The state of the output once the changed files are in."""
    documents: list[str]
    files: list[str]
    """The files written to the staging folder."""


def edit_bodies(
    settings: dict[str, Any],
    inputs: Inputs,
    last: BuildState,
    output: Path,
    staging: Path,
    remade: tuple[str, ...] = (),
) -> BodyEdits | None:
    """Bring body edits into the pages, in ``staging``; None when the full build must.

    ``remade``: folders of the output that the build makes again whole after
    this (the search index); every other file the last build made is kept.
    """
    edits = _edits(settings, inputs, last)
    if edits is None:
        return None
    changed = _changed_files(output, last, {edit.document: edit.views for edit in edits})
    if changed is None:
        return None
    for name, (data, _placement) in sorted(changed.items()):
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    remade_files = tuple(f"{folder}/" for folder in remade)
    state = replace(
        last,
        stamp=inputs.stamp,
        inputs=inputs.files,
        bodies=last.bodies | {edit.document: edit.body_digest for edit in edits},
        views=last.views | {name: placement for name, (_data, placement) in changed.items()},
        kept=[
            name
            for name in last.files
            if name not in last.pages and not name.startswith(remade_files)
        ],
        in_place=True,
    )
    return BodyEdits(state, [edit.document for edit in edits], sorted(changed))


def _edits(settings: dict[str, Any], inputs: Inputs, last: BuildState) -> list[Edit] | None:
    due = last.is_due(build_time(settings))
    if not last.files or last.setup != inputs.setup or due or settings["TYPOGRIFY"]:
        return None
    paths = inputs.changed_since(last.inputs)
    if not paths:
        return None
    root, converter, edits = Path(settings["PATH"]), None, []
    links = Content._get_intrasite_link_regex(SimpleNamespace(settings=settings))
    for path in map(Path, paths):
        document = path.relative_to(root).as_posix() if path.is_relative_to(root) else ""
        editable = last.editable.get(document)  # Markdown documents only
        if editable is None:
            return None
        front_digest, summary_is_first_paragraph = editable
        try:
            source = split_front_matter(read_text(path))
        except SourceError:
            return None  # the full build reports it
        if source.front_digest != front_digest:
            return None
        converter = converter or Converter(settings["MARKDOWN"])
        html, first_paragraph = converter(source.body)
        if links.search(html):
            return None
        summary = first_paragraph if summary_is_first_paragraph else None
        if not html or summary in ("", html):
            return None  # an Atom feed leaves such a summary out, or writes an empty element
        edits.append(Edit(document, source.body_digest, body_views(html, summary)))
    return edits


def _changed_files(
    output: Path, last: BuildState, new: dict[str, dict[str, str]]
) -> dict[str, tuple[bytes, Placement]] | None:
    """Every file that shows a changed view → its new bytes and placement."""
    changed = {}
    for name, placement in last.views.items():
        if not _shows(placement, new):
            continue
        for document, view, was in placement["fixed"]:
            text = new.get(document, {}).get(view)
            if text is not None and digest(text) != was:
                return None
        try:
            data = (output / name).read_bytes()
        except OSError:
            return None
        if len(data) != placement["size"]:
            return None
        result, moved = replace_views(data, placement, new)
        if result != data:
            changed[name] = (result, moved)
    return changed


def _shows(placement: Placement, documents: dict[str, Any]) -> bool:
    return any(span[2] in documents for span in placement["spans"]) or any(
        fixed[0] in documents for fixed in placement["fixed"]
    )
