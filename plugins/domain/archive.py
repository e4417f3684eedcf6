"""The archive readers browse: units, blocs, years, awards and conferences.

Pure functions over the *published* article records (the build decides which
those are) and the registries; the page generators only render what is here.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, TypeVar

from .articles import Article, Award, Event, Role
from .registries import AwardType, Bloc, BlocMember, Registries, Unit
from .text import vi_sort_key


@dataclass(frozen=True)
class AwardEntry:
    """One award as an article records it."""

    award: Award
    article: Article

    @property
    def year(self) -> int:
        return self.award.year or self.article.emulation_year

    @property
    def recipient_name(self) -> str:
        award = self.award
        if award.recipient is not None:
            return award.recipient.label
        if award.person is not None:
            return award.person
        return f"{award.individuals} cá nhân"

    @property
    def sort_key(self) -> tuple:
        """Newest year, then award rank, then units, named people, counted people."""
        award = self.award
        kind = 0 if award.recipient else 1 if award.person else 2
        return (-self.year, award.type.rank, kind, vi_sort_key(self.recipient_name))


@dataclass(frozen=True)
class RoleEntry:
    role: Role
    article: Article


@dataclass(frozen=True)
class EventEntry:
    event: Event
    article: Article

    @property
    def date(self) -> date:
        return self.event.date or self.article.date.date()

    @property
    def year(self) -> int:
        """The year the event was held (not the emulation year it concerns)."""
        return self.date.year

    @property
    def elected(self) -> tuple[Role, ...]:
        """Leadership the event chose for the following emulation year."""
        if self.event.year is None:
            return ()
        return tuple(r for r in self.article.roles if r.year == self.event.year + 1)

    @property
    def awards(self) -> tuple[Award, ...]:
        return self.article.awards


@dataclass(frozen=True)
class Membership:
    bloc: Bloc
    member: BlocMember


@dataclass(frozen=True)
class UnitRole:
    entry: RoleEntry
    part: Literal["head", "deputy"]

    @property
    def title(self) -> str:
        return "Trưởng khối" if self.part == "head" else "Phó khối"


@dataclass(frozen=True)
class UnitArchive:
    unit: Unit
    parent: Unit | None
    children: tuple[Unit, ...]
    successor: Unit | None
    predecessors: tuple[Unit, ...]
    memberships: tuple[Membership, ...]
    roles: tuple[UnitRole, ...]
    awards: tuple[AwardEntry, ...]
    articles: tuple[Article, ...]

    def awards_by_year(self) -> list[tuple[int, list[AwardEntry]]]:
        return group_by_year(self.awards)


@dataclass(frozen=True)
class BlocArchive:
    bloc: Bloc
    members: tuple[tuple[Unit, BlocMember], ...]
    roles: tuple[RoleEntry, ...]  # newest year first
    events: tuple[EventEntry, ...]
    awards: tuple[AwardEntry, ...]


@dataclass(frozen=True)
class YearArchive:
    year: int
    articles: tuple[Article, ...]
    events: tuple[EventEntry, ...]
    awards: tuple[AwardEntry, ...]
    roles: tuple[RoleEntry, ...]
    previous: int | None = None
    next: int | None = None

    def articles_by_month(self) -> list[tuple[int, list[Article]]]:
        months: dict[int, list[Article]] = defaultdict(list)
        for article in self.articles:
            months[article.date.month].append(article)
        return sorted(months.items(), reverse=True)


@dataclass(frozen=True)
class AwardTypeArchive:
    type: AwardType
    awards: tuple[AwardEntry, ...]

    def by_year(self) -> list[tuple[int, list[AwardEntry]]]:
        return group_by_year(self.awards)


@dataclass(frozen=True)
class Archive:
    articles: tuple[Article, ...]
    awards: tuple[AwardEntry, ...]
    roles: tuple[RoleEntry, ...]
    events: tuple[EventEntry, ...]
    units: dict[str, UnitArchive]
    blocs: dict[str, BlocArchive]
    years: dict[int, YearArchive]
    award_types: dict[str, AwardTypeArchive]
    honour_board: dict[str, dict[int, list[AwardEntry]]] = field(repr=False)

    @property
    def board_years(self) -> list[int]:
        return sorted({e.year for e in self.awards if e.award.recipient}, reverse=True)


def group_by_year(entries: Iterable[AwardEntry]) -> list[tuple[int, list[AwardEntry]]]:
    years: dict[int, list[AwardEntry]] = defaultdict(list)
    for entry in entries:
        years[entry.year].append(entry)
    return sorted(years.items(), reverse=True)


def award_key(award: Award) -> tuple:
    """What makes two records of an award the same award."""
    return (
        award.type.id,
        award.year,
        award.recipient.id if award.recipient else None,
        award.person,
        award.status,
    )


def publication_order(article: Article) -> tuple[datetime, str]:
    """The archive's order: by publication time, then by file, so that articles
    published at the same minute always come in the same order."""
    return article.date, article.path


def _awards(articles: Sequence[Article]) -> tuple[AwardEntry, ...]:
    """Every award once, oldest article first wins; unnamed counts never merge."""
    seen: set[tuple] = set()
    entries = []
    for article in sorted(articles, key=publication_order):
        for award in article.awards:
            key = award_key(award)
            if award.individuals is None and key in seen:
                continue
            seen.add(key)
            entries.append(AwardEntry(award, article))
    return tuple(sorted(entries, key=lambda e: e.sort_key))


def _roles(articles: Sequence[Article]) -> tuple[RoleEntry, ...]:
    """One entry per bloc and year (articles agree: the model checked)."""
    found: dict[tuple[str, int], RoleEntry] = {}
    for article in sorted(articles, key=publication_order):
        for role in article.roles:
            found.setdefault((role.bloc.id, role.year), RoleEntry(role, article))
    return tuple(sorted(found.values(), key=lambda e: (-e.role.year, e.role.bloc.id)))


def concerned_units(article: Article) -> dict[str, Unit]:
    """Every unit an article is about, named in any field, by id.

    A unit's page lists the article, and search filters it under the unit.
    """
    units = list(article.units)
    if article.event and article.event.host:
        units.append(article.event.host)
    units += [a.recipient for a in article.awards if a.recipient]
    units += [a.unit for a in article.awards if a.unit]
    for role in article.roles:
        units += [role.head, *([role.deputy] if role.deputy else [])]
    return {unit.id: unit for unit in units}


def _unit_archives(
    registries: Registries,
    articles: Sequence[Article],
    awards: Sequence[AwardEntry],
    roles: Sequence[RoleEntry],
) -> dict[str, UnitArchive]:
    units = registries.units
    by_unit: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for unit_id in concerned_units(article):
            by_unit[unit_id].append(article)
    out = {}
    for unit in registries.units_sorted():
        out[unit.id] = UnitArchive(
            unit=unit,
            parent=units.get(unit.parent) if unit.parent else None,
            children=tuple(u for u in registries.units_sorted() if u.parent == unit.id),
            successor=units.get(unit.successor) if unit.successor else None,
            predecessors=tuple(u for u in registries.units_sorted() if u.successor == unit.id),
            memberships=tuple(
                Membership(bloc, member)
                for bloc in registries.blocs.values()
                for member in bloc.members
                if member.unit == unit.id
            ),
            roles=tuple(
                UnitRole(entry, part)
                for entry in roles
                for part in ("head", "deputy")
                if (getattr(entry.role, part) and getattr(entry.role, part).id) == unit.id
            ),
            awards=tuple(
                e
                for e in awards
                if (e.award.recipient and e.award.recipient.id == unit.id)
                or (e.award.unit and e.award.unit.id == unit.id)
            ),
            articles=tuple(by_unit.get(unit.id, ())),
        )
    return out


def _years(
    articles: Sequence[Article],
    events: Sequence[EventEntry],
    awards: Sequence[AwardEntry],
    roles: Sequence[RoleEntry],
) -> dict[int, YearArchive]:
    numbers = sorted(
        {a.year for a in articles}
        | {e.year for e in events}
        | {e.year for e in awards}
        | {e.role.year for e in roles}
    )
    by_year = _by_year(articles, lambda a: a.year)
    events_by_year = _by_year(events, lambda e: e.year)
    awards_by_year = _by_year(awards, lambda e: e.year)
    roles_by_year = _by_year(roles, lambda e: e.role.year)
    out = {}
    for index, year in enumerate(numbers):
        out[year] = YearArchive(
            year=year,
            articles=tuple(by_year.get(year, ())),
            events=tuple(events_by_year.get(year, ())),
            awards=tuple(awards_by_year.get(year, ())),
            roles=tuple(roles_by_year.get(year, ())),
            previous=numbers[index - 1] if index > 0 else None,
            next=numbers[index + 1] if index + 1 < len(numbers) else None,
        )
    return out


Entry = TypeVar("Entry")


def _by_year(entries: Iterable[Entry], year: Callable[[Entry], int]) -> dict[int, list[Entry]]:
    """The entries of each year, in their order."""
    grouped: dict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[year(entry)].append(entry)
    return grouped


def build_archive(articles: Sequence[Article], registries: Registries) -> Archive:
    """The archive of ``articles``: the published ones, newest first."""
    articles = tuple(sorted(articles, key=publication_order, reverse=True))
    awards = _awards(articles)
    roles = _roles(articles)
    events = tuple(
        sorted(
            (EventEntry(a.event, a) for a in articles if a.event is not None),
            key=lambda e: (e.date, e.article.path),
            reverse=True,
        )
    )
    blocs = {
        bloc.id: BlocArchive(
            bloc=bloc,
            members=tuple(
                (registries.units[m.unit], m)
                for m in sorted(
                    bloc.members, key=lambda m: vi_sort_key(registries.units[m.unit].name)
                )
            ),
            roles=tuple(e for e in roles if e.role.bloc.id == bloc.id),
            events=tuple(e for e in events if e.event.bloc and e.event.bloc.id == bloc.id),
            awards=tuple(
                e
                for e in awards
                if e.award.recipient and any(m.unit == e.award.recipient.id for m in bloc.members)
            ),
        )
        for bloc in registries.blocs.values()
    }
    by_type: dict[str, list[AwardEntry]] = defaultdict(list)
    board: dict[str, dict[int, list[AwardEntry]]] = defaultdict(lambda: defaultdict(list))
    for entry in awards:
        by_type[entry.award.type.id].append(entry)
        if entry.award.recipient:
            board[entry.award.recipient.id][entry.year].append(entry)
    award_types = {
        t.id: AwardTypeArchive(t, tuple(by_type.get(t.id, ())))
        for t in sorted(registries.awards.values(), key=lambda t: t.rank)
    }
    return Archive(
        articles=articles,
        awards=awards,
        roles=roles,
        events=events,
        units=_unit_archives(registries, articles, awards, roles),
        blocs=blocs,
        years=_years(articles, events, awards, roles),
        award_types=award_types,
        honour_board={k: dict(v) for k, v in board.items()},
    )
