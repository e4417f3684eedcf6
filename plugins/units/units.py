"""Writes the units index, a page per unit (its articles paginated) and its feed."""

from itertools import groupby

from pelican import signals

from plugins.archive.archive import CONTENT_OF, ArchivePageGenerator
from plugins.domain import urls
from plugins.domain.registries import UNIT_KIND_NAMES


class UnitPages(ArchivePageGenerator):
    def generate_output(self, writer) -> None:
        units = self.archive.units
        kinds = list(UNIT_KIND_NAMES)
        ordered = sorted(units.values(), key=lambda u: kinds.index(u.unit.kind))
        groups = [
            (UNIT_KIND_NAMES[kind], list(members))
            for kind, members in groupby(ordered, key=lambda u: u.unit.kind)
        ]
        self.write(writer, urls.UNITS, "units", unit_groups=groups)
        content_of = self.context[CONTENT_OF]
        for unit_id, unit in units.items():
            self.write_listing(writer, unit.unit.address, "unit", unit.articles, unit_archive=unit)
            if not unit.articles:
                continue  # an empty feed would only carry the build time
            feed = urls.unit_feed(unit_id)
            writer.write_feed(
                [content_of(a.path) for a in unit.articles],
                self.context,
                feed.save_as,
                feed.url,
                feed_title=unit.unit.name,
            )


def add_generator(_pelican):
    return UnitPages


def register() -> None:
    signals.get_generators.connect(add_generator)
