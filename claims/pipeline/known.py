"""Speakers the desk has seen with a title in earlier articles.

"President Ana Ruiz" yesterday, "Ruiz said" today: the detector asks a lookup for the
title, and the reason says where it came from. The lookup is an argument, so the pure
detector knows nothing of the database; the Django side builds one from the speaker table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol


@dataclass(frozen=True)
class KnownTitle:
    phrase: str  # the description read before: "President Ana Ruiz"
    where: str  # "an earlier article (Harbour Gazette, 2026-12-01)"
    name: str = ""  # the full name it was read with: "Ruiz said" is Ana Ruiz's statement


class KnownSpeakers(Protocol):
    def title_of(self, name: str) -> KnownTitle | None: ...


def _key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.lower().replace("’", "'")))


class KnownTitles:
    """Known titled speakers by full name, and by family name where only one has it."""

    def __init__(self, speakers: Iterable[tuple[str, KnownTitle]]) -> None:
        self._by_name: dict[str, KnownTitle] = {}
        surnames: dict[str, list[KnownTitle]] = {}
        for name, known in speakers:
            key = _key(name)
            if not key:
                continue
            known = replace(known, name=known.name or name)
            self._by_name[key] = known
            surnames.setdefault(key.split()[-1], []).append(known)
        # "Ruiz said" finds Ana Ruiz only when no other known Ruiz could be meant.
        self._by_surname = {s: found[0] for s, found in surnames.items() if len(found) == 1}

    def title_of(self, name: str) -> KnownTitle | None:
        key = _key(name)
        if key in self._by_name:
            return self._by_name[key]
        return self._by_surname.get(key) if " " not in key else None
