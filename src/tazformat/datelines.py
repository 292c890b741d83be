"""Datelines: the place(s) and agency that open an article's first body row.

Two forms exist. The usual one ends in `` | ``: places, a space, agencies in
lower case joined by ``/``, and the bar — ``Berlin taz | ``, ``MOSKAU rtr |
``, ``Nur-Sultan dpa/rtr/afp | ``, ``Kyjiw, Lwiw und Slowjansk taz | ``,
``WITTENBERG/MAGDEBURG taz | ``. A looser one opens reportage: ``Aus
<places>`` running straight into the first sentence (``Aus N’Djamena und
Adré Lachen.``); it has no agency and is marked ``loose``. The places of
the loose form are capitalised words joined by ``, `` or `` und ``, and a
capitalised word must follow them (``Aus Angst vor …`` is no dateline).
"""

from __future__ import annotations

import re

import attrs

_STRICT = re.compile(r"(?P<place>[^\s|][^|]{0,80}?) (?P<agency>[a-z]{2,}(?:/[a-z]{2,})*) \| ")
_PLACE_WORD = r"[A-ZÄÖÜ][^\s,.;:!?|]*"
_LOOSE = re.compile(rf"Aus (?P<place>{_PLACE_WORD}(?:(?:, | und ){_PLACE_WORD})*) (?=[A-ZÄÖÜ„\"])")
_SEPARATORS = re.compile(r", | und |/")


@attrs.frozen
class Dateline:
    """The place(s) and agency that open the body (``Berlin taz | ``)."""

    place: str
    """The place or places, as written (``Kyjiw, Lwiw und Slowjansk``)."""
    agency: str | None
    """The agency or agencies (``taz``, ``dpa/rtr/afp``); ``None`` when loose."""
    loose: bool = False
    """True for the looser ``Aus <Ort> …`` form without bar and agency."""

    @property
    def places(self) -> tuple[str, ...]:
        """The places one by one, split at ``, ``, `` und `` and ``/``."""
        return tuple(part for part in _SEPARATORS.split(self.place) if part)


def read_dateline(row: str) -> Dateline | None:
    """The dateline that opens ``row``, or ``None``."""
    match = _STRICT.match(row)
    if match is not None:
        return Dateline(match.group("place"), match.group("agency"))
    match = _LOOSE.match(row)
    if match is not None:
        return Dateline(match.group("place"), None, loose=True)
    return None
