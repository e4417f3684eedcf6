"""Writes a page per emulation bloc: members, leadership by year, conferences, awards."""

from pelican import signals

from plugins.archive.archive import ArchivePageGenerator


class BlocPages(ArchivePageGenerator):
    def generate_output(self, writer) -> None:
        for bloc in self.archive.blocs.values():
            self.write(writer, bloc.bloc.address, "bloc", bloc_archive=bloc)


def add_generator(_pelican):
    return BlocPages


def register() -> None:
    signals.get_generators.connect(add_generator)
