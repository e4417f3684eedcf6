"""Checks across articles: what one file says must agree with the others."""

from collections.abc import Iterable, Sequence

from . import urls
from .articles import Article, Award, Document, Page
from .messages import format_loc
from .problems import Report
from .source import LineMap


def check_consistency(
    articles: Sequence[Article],
    pages: Sequence[Page],
    lines: dict[str, LineMap],
    report: Report,
) -> None:
    _unique_addresses([*articles, *pages], lines, report)
    _unique_legacy_urls(articles, pages, lines, report)
    _agreeing_roles(articles, lines, report)
    _awards_recorded_once(articles, lines, report)


def _where(document: Document, loc: tuple, lines: dict[str, LineMap]) -> str:
    return f"{document.path}:{lines[document.path].line(loc)}"


def _slug_line(document: Document, lines: dict[str, LineMap]) -> int:
    """The slug's line if the editor wrote one, else the title's it came from."""
    line_map = lines[document.path]
    return line_map.line(("slug",) if ("slug",) in line_map.lines else ("title",))


def _unique_addresses(
    documents: Iterable[Document], lines: dict[str, LineMap], report: Report
) -> None:
    seen: dict[str, Document] = {}
    for document in documents:
        url = document.address.url
        first = seen.setdefault(url, document)
        if first is document:
            continue
        report.error(
            document.path,
            _slug_line(document, lines),
            "slug",
            f"địa chỉ /{url} trùng với bài {_where(first, ('title',), lines)} —"
            " đặt slug khác cho một trong hai bài",
        )


def _unique_legacy_urls(
    articles: Sequence[Article], pages: Sequence[Page], lines: dict[str, LineMap], report: Report
) -> None:
    """One redirect per old address, and none where a page of the new site is."""
    addresses = {d.address.url: d for d in (*articles, *pages)}
    seen: dict[str, Article] = {}
    for article in articles:
        if article.legacy_url is None:
            continue
        redirect = urls.legacy(article.legacy_url).url
        if redirect in addresses:
            report.error(
                article.path,
                lines[article.path].line(("legacy_url",)),
                "legacy_url",
                f"địa chỉ cũ này trùng với địa chỉ mới /{redirect} của"
                f" {_where(addresses[redirect], ('title',), lines)} — địa chỉ cũ là"
                " địa chỉ của bài trên website cũ",
            )
        first = seen.setdefault(article.legacy_url, article)
        if first is not article:
            report.error(
                article.path,
                lines[article.path].line(("legacy_url",)),
                "legacy_url",
                f"địa chỉ cũ này đã được dùng ở {_where(first, ('legacy_url',), lines)}"
                " — mỗi địa chỉ cũ chỉ chuyển hướng tới một bài",
            )


def _agreeing_roles(articles: Iterable[Article], lines: dict[str, LineMap], report: Report) -> None:
    """Two articles recording a bloc's leadership for one year must agree."""
    seen: dict[tuple[str, int], tuple[Article, int]] = {}
    for article in articles:
        for index, role in enumerate(article.roles):
            key = (role.bloc.id, role.year)
            first = seen.setdefault(key, (article, index))
            other, other_index = first
            if other is article and other_index == index:
                continue
            other_role = other.roles[other_index]
            for part in ("head", "deputy"):
                mine, theirs = getattr(role, part), getattr(other_role, part)
                if (mine and mine.id) != (theirs and theirs.id):
                    loc = ("roles", index, part)
                    title = "Trưởng khối" if part == "head" else "Phó khối"
                    report.error(
                        article.path,
                        lines[article.path].line(loc),
                        format_loc(loc),
                        f"{title} {role.bloc.id} năm {role.year} ghi là"
                        f' "{mine.id if mine else "(trống)"}" nhưng'
                        f" {_where(other, ('roles', other_index, part), lines)} ghi là"
                        f' "{theirs.id if theirs else "(trống)"}" — sửa cho thống nhất',
                    )


def _award_key(award: Award) -> tuple:
    return (
        award.type.id,
        award.year,
        award.recipient.id if award.recipient else None,
        award.person,
        award.individuals,
        award.status,
    )


def _awards_recorded_once(
    articles: Iterable[Article], lines: dict[str, LineMap], report: Report
) -> None:
    """The same award in two articles is a warning: it is counted once."""
    seen: dict[tuple, tuple[Article, int]] = {}
    for article in articles:
        for index, award in enumerate(article.awards):
            if award.individuals is not None:
                continue  # unnamed people cannot be told apart
            first = seen.setdefault(_award_key(award), (article, index))
            if first[0] is article and first[1] == index:
                continue
            loc = ("awards", index)
            report.warning(
                article.path,
                lines[article.path].line(loc),
                format_loc(loc),
                f'khen thưởng "{award.type.name}" năm {award.year} này đã ghi ở'
                f" {_where(first[0], ('awards', first[1]), lines)} — chỉ tính một lần",
            )
