"""Puts the :class:`~plugins.domain.archive.Archive` of the published articles
into the shared context as ``ARCHIVE``, and offers the generators of the
archive pages a common base.

Pelican decides which articles are published (status, date); the archive is
built from exactly those, so a draft can appear on no archive page.
"""

from typing import Any

from pelican import signals
from pelican.generators import Generator

from plugins.domain.archive import Archive, build_archive
from plugins.domain.site import Site
from plugins.domain.urls import Address
from plugins.model_loader.model_loader import SITE_MODEL

ARCHIVE = "ARCHIVE"
"""Context key of the :class:`Archive`."""
CONTENT_OF = "content_of"
"""Template global: the Pelican article of a record, for listings."""


class ArchiveBuilder(Generator):
    """Builds the archive once Pelican has read every article."""

    def generate_context(self) -> None:
        site: Site = self.settings[SITE_MODEL]
        published = self.context["articles"]
        self.context[ARCHIVE] = build_archive([a.record for a in published], site.registries)
        by_path = {a.record.path: a for a in published}
        self.context[CONTENT_OF] = by_path.__getitem__


class ArchivePageGenerator(Generator):
    """Base of the generators that write archive pages from ``ARCHIVE``."""

    @property
    def archive(self) -> Archive:
        return self.context[ARCHIVE]

    def write(self, writer, address: Address, template: str, **values: Any) -> None:
        writer.write_file(
            address.save_as,
            self.get_template(template),
            self.context,
            url=address.url,
            template_name=template,
            **values,
        )

    def write_listing(
        self, writer, address: Address, template: str, records, **values: Any
    ) -> None:
        """A page listing articles, paginated as ``…/trang/N/``."""
        content_of = self.context[CONTENT_OF]
        writer.write_file(
            address.save_as,
            self.get_template(template),
            self.context,
            paginated={"articles": [content_of(r.path) for r in records]},
            url=address.url,
            template_name=template,
            **values,
        )


def add_generator(_pelican):
    return ArchiveBuilder


def register() -> None:
    signals.get_generators.connect(add_generator)
