"""Writes the awards overview (by year, type, recipient, honour board) and a page
per award type."""

from collections import defaultdict

from pelican import signals

from plugins.archive.archive import ArchivePageGenerator
from plugins.domain import urls
from plugins.domain.archive import AwardEntry
from plugins.domain.text import vi_sort_key


def by_recipient(entries: list[AwardEntry]) -> list[tuple[str, list[AwardEntry]]]:
    """Awards grouped by who received them, names in Vietnamese order."""
    groups: dict[str, list[AwardEntry]] = defaultdict(list)
    for entry in entries:
        groups[entry.recipient_name].append(entry)
    return sorted(groups.items(), key=lambda item: vi_sort_key(item[0]))


class AwardPages(ArchivePageGenerator):
    def generate_output(self, writer) -> None:
        archive = self.archive
        entries = list(archive.awards)
        board_units = sorted(
            (archive.units[unit_id] for unit_id in archive.honour_board),
            key=lambda u: vi_sort_key(u.unit.name),
        )
        self.write(
            writer,
            urls.AWARDS,
            "awards",
            awards_by_year=[
                (year, [e for e in entries if e.year == year])
                for year in sorted({e.year for e in entries}, reverse=True)
            ],
            awards_by_type=[t for t in archive.award_types.values() if t.awards],
            awards_by_recipient=by_recipient([e for e in entries if e.award.individuals is None]),
            individuals=[e for e in entries if e.award.individuals is not None],
            board_units=board_units,
        )
        for award_type in archive.award_types.values():
            self.write(writer, award_type.type.address, "award_type", award_type=award_type)


def add_generator(_pelican):
    return AwardPages


def register() -> None:
    signals.get_generators.connect(add_generator)
