"""Datelines: the place(s) and agency that open an article's first body row.

Two forms exist. The usual one ends in `` | ``: places, a space, agencies in
lower case joined by ``/``, and the bar — ``Berlin taz | ``, ``MOSKAU rtr |
``, ``Nur-Sultan dpa/rtr/afp | ``, ``Kyjiw, Lwiw und Slowjansk taz | ``,
``WITTENBERG/MAGDEBURG taz | ``. A looser one opens reportage: ``Aus
<places>`` running straight into the first sentence (``Aus N’Djamena und
Adré Lachen.``); it has no agency and is marked ``loose``. The places of
the loose form are capitalised words joined by ``, `` or `` und ``, and a
capitalised word must follow them (``Aus Angst vor …`` is no dateline).

A place in capitals (``BERLIN``, ``NEW YORK``, ``WITTENBERG/MAGDEBURG``)
is a dateline without ``taz |`` too: followed by `` | `` (no agency), or
by a dash or nothing and then the capitalised first word (``MOSKAU – Die``,
``KIEL Der``); without the bar it is marked ``loose``. It has no agency.
It fails on a body that opens with an acronym of three letters or more
followed by a capitalised word (``NATO Gipfel``).
"""

from __future__ import annotations

import re

import attrs

_STRICT = re.compile(r"(?P<place>[^\s|][^|]{0,80}?) (?P<agency>[a-z]{2,}(?:/[a-z]{2,})*) \| ")
_PLACE_WORD = r"[A-ZÄÖÜ][^\s,.;:!?|]*"
_LOOSE = re.compile(rf"Aus (?P<place>{_PLACE_WORD}(?:(?:, | und ){_PLACE_WORD})*) (?=[A-ZÄÖÜ„\"])")
_CAPITALS = r"[A-ZÄÖÜ][A-ZÄÖÜ.’'-]+"
_CAPITAL_PLACE = re.compile(
    rf"(?P<place>{_CAPITALS}(?:(?:[ /]|, | UND ){_CAPITALS})*)"
    r"(?:(?P<bar> \| )|(?: [–—])? )"
    r"(?=[A-ZÄÖÜ„\"»\d])"
)
_SEPARATORS = re.compile(r", | und | UND |/")


@attrs.frozen
class Dateline:
    """The place(s) and agency that open the body (``Berlin taz | ``)."""

    place: str
    """The place or places, as written (``Kyjiw, Lwiw und Slowjansk``)."""
    agency: str | None
    """The agency or agencies (``taz``, ``dpa/rtr/afp``); ``None`` when none is named."""
    loose: bool = False
    """True for a form without the bar: ``Aus <Ort> …``, or a place in capitals."""

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
    match = _CAPITAL_PLACE.match(row)
    if match is not None and sum(c.isalpha() for c in match.group("place")) >= 3:
        return Dateline(match.group("place"), None, loose=not match.group("bar"))
    return None
