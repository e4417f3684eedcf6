"""Writes the conference archive: every event by year with its outcomes."""

from itertools import groupby

from pelican import signals

from plugins.archive.archive import ArchivePageGenerator
from plugins.domain import urls


class ConferencePages(ArchivePageGenerator):
    def generate_output(self, writer) -> None:
        events = self.archive.events  # newest first
        by_year = [(year, list(group)) for year, group in groupby(events, key=lambda e: e.year)]
        self.write(writer, urls.CONFERENCES, "conferences", events_by_year=by_year)


def add_generator(_pelican):
    return ConferencePages


def register() -> None:
    signals.get_generators.connect(add_generator)
