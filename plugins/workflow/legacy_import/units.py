"""Units a text mentions, found through the registry's names and aliases.

Matching uses the domain's ``match_key`` (case, NFC/NFD and tone placement do
not matter) on whole words, longest name first, so "Ban Thi đua – Khen thưởng
tỉnh Thái Nguyên" is that unit and not also the province. A province named on
its own ("7 tỉnh: Thái Nguyên, Tuyên Quang, …") stands for its industrial-zone
board, the kind of unit this site's archive is about.
"""

import re
from dataclasses import dataclass

from plugins.domain.registries import Registries, Unit
from plugins.domain.text import match_key

BOARD_KIND = "ban-quan-ly-kcn"
# Letters and the combining tone marks that match_key leaves after a syllable.
_WORD = r"\w\u0300-\u036f"


@dataclass(frozen=True)
class Mentions:
    boards: tuple[Unit, ...]
    """Industrial-zone boards: proposed as the article's ``units``."""
    others: tuple[Unit, ...]
    """Ministries, departments…: named for the editor, who may add them."""


class UnitFinder:
    def __init__(self, registries: Registries) -> None:
        self.registries = registries
        names = dict(registries.unit_names)
        for unit in registries.units.values():
            if unit.kind == BOARD_KIND and unit.province:
                names.setdefault(match_key(unit.province), unit.id)
        self.names = names
        alternatives = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(
            rf"(?<![{_WORD}])(?:{'|'.join(map(re.escape, alternatives))})(?![{_WORD}])"
        )

    def find(self, *texts: str) -> Mentions:
        """Units mentioned in ``texts``, in the registry's order."""
        found: set[str] = set()
        for text in texts:
            found.update(self.names[m.group()] for m in self.pattern.finditer(match_key(text)))
        units = [u for u in self.registries.units.values() if u.id in found]
        return Mentions(
            boards=tuple(u for u in units if u.kind == BOARD_KIND),
            others=tuple(u for u in units if u.kind != BOARD_KIND),
        )
