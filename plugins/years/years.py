"""Writes the years index and a page per year of the archive."""

from pelican import signals

from plugins.archive.archive import ArchivePageGenerator
from plugins.domain import urls


class YearPages(ArchivePageGenerator):
    def generate_output(self, writer) -> None:
        years = self.archive.years
        self.write(
            writer,
            urls.YEARS,
            "years",
            year_archives=sorted(years.values(), key=lambda y: y.year, reverse=True),
        )
        for year in years.values():
            self.write(writer, urls.year(year.year), "year", year_archive=year)


def add_generator(_pelican):
    return YearPages


def register() -> None:
    signals.get_generators.connect(add_generator)
