"""Speaker labels: who a ``Name:`` at the start of a row names.

German interviews mark a turn with the speaker's name and a colon
(``taz:``, ``taz am wochenende:``, ``Anna Berger (lacht):``). This module
reads such a label (:func:`label`), tells the publication's own label
(:func:`is_publication`), words that name an utterance rather than a person
(``Gegenfrage:``), and one person under a full and a short name
(:func:`people`). :func:`starts_turn` is the paragraph rule built on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .damage import is_cut_row
from .wording import SENTENCE_ENDS

_WORD = r"(?:[A-ZÄÖÜ][\w.’'-]*|taz|wochentaz)"
LABEL = re.compile(
    rf"(?P<speaker>{_WORD}(?: (?:{_WORD}|am|von|van|de|der|wochenende)){{0,3}})"
    r"(?: \((?P<note>[^()]{1,40})\))?: "
)
"""A speaker label: one to four name words, an optional stage note, then ``: ``."""

_UTTERANCE = re.compile(r"\w*(?:frage|antwort)", re.IGNORECASE)
"""A word that names what is said (``Frage``, ``Gegenfrage``, ``Antwort``), not who says it."""

_PUBLICATION = ("taz", "wochentaz")
"""The first word of the publication's label: its interviewer asks."""


def label(row: str) -> re.Match[str] | None:
    """The speaker label opening ``row``, or ``None`` (also for ``Gegenfrage:``)."""
    match = LABEL.match(row)
    if match is None or _UTTERANCE.fullmatch(match.group("speaker")):
        return None
    return match


def is_publication(name: str) -> bool:
    """Say whether ``name`` is the publication's own label (``taz am wochenende``)."""
    return name.split(" ", 1)[0] in _PUBLICATION


def people(names: Iterable[str]) -> dict[str, str]:
    """Each name mapped to its person, given by the person's longest name.

    A short name is the same person as the one longer name whose words start
    or end with its words (``Werner`` and ``Jan Werner``, ``taz`` and ``taz am
    wochenende``). Where two longer names fit (``Werner`` with ``Jan Werner``
    and ``Ute Werner``) the short name stays a person of its own.
    """
    distinct = list(dict.fromkeys(names))
    found: dict[str, str] = {}
    for name in distinct:
        words = name.split()
        longer = [
            other
            for other in distinct
            if len(other.split()) > len(words)
            and (other.split()[: len(words)] == words or other.split()[-len(words) :] == words)
        ]
        found[name] = longer[0] if len(longer) == 1 else name
    return {name: found.get(person, person) for name, person in found.items()}


def starts_turn(row: str, following: str) -> bool:
    """Say whether ``following`` opens a new turn after ``row``: it starts a paragraph.

    It does when ``following`` opens with a speaker label and ``row`` ends a
    sentence (a turn ends with one), whether or not ``row`` is full; not
    after a row a proxy cut, whose ``…`` is no sentence end.
    """
    if label(following) is None or is_cut_row(row):
        return False
    return row.rstrip().endswith(SENTENCE_ENDS)
