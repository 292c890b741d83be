"""Interview turns, read from the labels and the order of an article's blocks.

A **block** is a paragraph (where blank rows were dropped, also ended by
the wrap rule of ``tazformat.wrapping`` and by a row that opens with a
speaker label); a label opening a row inside one also starts a block.

- A block that opens with a speaker label (``taz:``, ``Anna Berger
  (lacht):``; ``tazformat.speakers``) is a **marked** turn. Blocks before the
  first one are an introduction.
- The **questioner** is the publication (``taz:``, ``taz am wochenende:``)
  where it is labelled, else the first labelled speaker whose turn asks
  (ends in ``?``), else the side that opens. All other people answer; one
  person may be labelled under a full and a short name.
- Unmarked blocks take their role from the turn before: a block after a
  question is an **answer**, whatever its punctuation. After an answer, a
  block that looks like a question (at most ``QUESTION_ROWS`` rows, ending
  in ``?`` or, not cut, in ``…``, with a block after it) is a question;
  so is any short block, in a run of unmarked blocks that **alternates**
  (read one block a turn, every block on a question turn is short, and the
  blocks that look like questions fall on question turns, more than twice
  as many as on answer turns).
  Other blocks continue the answer.
- A block that is only a stage note in brackets (``(lacht)``) stays in the
  turn before it, and so does a counter-question (``Gegenfrage: …``) after
  an answer: the one who answers asks back.

Turns are reported only when at least two labels are found and they are no
``Term:`` glossary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from .damage import is_cut_row
from .models import Article, Line
from .references import strip_references
from .speakers import is_publication, label, people
from .vocabulary import Found
from .walk import stretches

QUESTION_ROWS = 4
"""An unmarked question is at most this many rows."""
_QUESTION = re.compile(r"(?:\?|…)[“”\"«»)]?$")
"""How a question ends: ``?`` or ``…``, a closing quote may follow."""
_ASKS = re.compile(r"\?[“”\"«»)]?$")
_NOTE = re.compile(r"[(\[][^()\[\]]{1,60}[)\]]\.?")
"""A block that is only a stage note: ``(lacht)``, ``[Pause.]``."""
_ASKED_BACK = re.compile(r"(?:Gegen|Rück)frage: ")
"""A counter-question's label: the one who answers asks back."""
_EMPTY_SUBHEAD = "##"
"""An empty subhead whose blank the capture trimmed: read as a text row."""

ASKS, ANSWERS = "question", "answer"

Turn = dict[str, str | None]
MARKED, INFERRED = str(Found.MARKED), str(Found.INFERRED)


def _turn(speaker: str | None, note: str | None, role: str, found: str, text: str) -> Turn:
    """One turn as ``to_dict`` gives it."""
    return {"speaker": speaker, "note": note, "role": role, "found": found, "text": text}


def _clean(text: str) -> str:
    """``text`` with references resolved and blanks single."""
    return " ".join(strip_references(text).split())


def _blocks(lines: Sequence[Line]) -> list[list[str]]:
    """A paragraph's rows as blocks: a new one starts at each speaker label."""
    blocks: list[list[str]] = [[]]
    rows = [line.text for line in lines if line.text.strip() != _EMPTY_SUBHEAD]
    for row in rows:
        if blocks[-1] and label(row) is not None:
            blocks.append([])
        blocks[-1].append(row)
    return [block for block in blocks if block]


def article_blocks(article: Article) -> list[list[str]]:
    """The body's blocks in order, each a list of rows."""
    return [
        block
        for stretch in stretches(article)
        for paragraph in stretch.paragraphs
        for block in _blocks(list(paragraph.lines))
    ]


def looks_like_question(block: list[str]) -> bool:
    """A short block ending in ``?``, or in a ``…`` that no proxy cut."""
    last = block[-1].rstrip()
    return len(block) <= QUESTION_ROWS and bool(_QUESTION.search(last)) and not is_cut_row(last)


def asks_back(block: list[str]) -> bool:
    """A block opened by a counter-question (``Gegenfrage:``): the answerer asks back."""
    return _ASKED_BACK.match(block[0]) is not None


def _is_note(block: list[str]) -> bool:
    return _NOTE.fullmatch(_clean(" ".join(block))) is not None


@attrs.frozen
class _Cast:
    """Who asks and who answers, from the labels."""

    person: dict[str, str]
    questioner: str
    answerer: str | None


def _cast(marked: list[tuple[str, str]]) -> _Cast:
    """The cast from the labelled turns ``(speaker, text)``, in order."""
    person = people(name for name, _ in marked)
    names = [person[name] for name, _ in marked]
    asking = [person[name] for name, text in marked if _ASKS.search(text)]
    publication = [name for name in names if is_publication(name)]
    questioner = (publication or asking or names)[0]
    others = list(dict.fromkeys(name for name in names if name != questioner))
    return _Cast(person, questioner, others[0] if len(others) == 1 else None)


def _is_glossary(marked: list[tuple[str, str]]) -> bool:
    """Say whether the labels are ``Term:`` entries rather than speakers.

    A glossary names each term once, and either asks nothing or lists its
    terms in alphabetical order (three or more); the publication's label
    always marks an interview.
    """
    names = [name for name, _ in marked]
    if len(set(names)) < len(names) or any(is_publication(name) for name in names):
        return False
    asks = any("?" in text for _, text in marked)
    ordered = len(names) >= 3 and names == sorted(names, key=str.casefold)
    return not asks or ordered


def alternates(run: Sequence[list[str]], before: str) -> bool:
    """Say whether a run of unmarked blocks reads one block a turn.

    ``before`` is the role of the turn before the run. Read so, every block
    on a question turn must be short (``QUESTION_ROWS``), and the blocks
    that look like questions must fall on question turns: one or more, and
    more than twice as many as fall on answer turns.
    """
    blocks = [block for block in run if not _is_note(block)]
    first = ANSWERS if before == ASKS else ASKS
    on_questions = on_answers = 0
    for index, block in enumerate(blocks):
        asks = (index % 2 == 0) == (first == ASKS)
        if asks and len(block) > QUESTION_ROWS:
            return False
        if looks_like_question(block):
            on_questions += asks
            on_answers += not asks
    return on_questions >= 1 and on_questions > 2 * on_answers


def _unmarked(blocks: list[list[str]], start: int) -> int:
    """The end of the run of unmarked blocks that starts at ``start``."""
    end = start
    while end < len(blocks) and label(blocks[end][0]) is None:
        end += 1
    return end


def _roles(blocks: list[list[str]], before: str, last: bool) -> Iterator[str | None]:
    """The role of each block of an unmarked run: a new turn's, or ``None`` to continue."""
    alternating = alternates(blocks, before)
    role = before
    for index, block in enumerate(blocks):
        has_next = index + 1 < len(blocks) or not last
        if _is_note(block) or (role == ANSWERS and asks_back(block)):
            yield None
            continue
        if role == ASKS:
            role = ANSWERS
        elif has_next and (
            looks_like_question(block) or (alternating and len(block) <= QUESTION_ROWS)
        ):
            role = ASKS
        else:
            yield None
            continue
        yield role


def turns(article: Article, *, cut: bool = False) -> list[Turn]:
    """The interview turns: ``{"speaker", "note", "role", "found", "text"}``, in order.

    ``speaker`` is ``None`` for an unmarked answer when more than one person
    answers; ``note`` is a stage note (``lacht``) or ``None``; ``role`` is
    ``question`` or ``answer``; ``found`` is ``marked`` for a turn a speaker
    label opens and ``inferred`` for one the alternation gives (spec § 2.9).
    ``cut``: the capture was cut where the body ends, so its last block may
    have had a turn after it (a question there needs no answer in sight).
    """
    blocks = article_blocks(article)
    marked: list[tuple[str, str]] = []
    for block in blocks:
        match = label(block[0])
        if match is not None:
            marked.append((match.group("speaker"), _clean(" ".join(block)[match.end() :])))
    if len(marked) < 2 or _is_glossary(marked):
        return []
    cast = _cast(marked)
    names = {ASKS: cast.questioner, ANSWERS: cast.answerer}
    found: list[Turn] = []
    role = ANSWERS
    index = next(i for i, block in enumerate(blocks) if label(block[0]) is not None)
    while index < len(blocks):
        match = label(blocks[index][0])
        if match is not None:
            speaker = match.group("speaker")
            role = ASKS if cast.person[speaker] == cast.questioner else ANSWERS
            text = " ".join(blocks[index])[match.end() :]
            found.append(_turn(speaker, match.group("note"), role, MARKED, _clean(text)))
            index += 1
            continue
        end = _unmarked(blocks, index)
        run = blocks[index:end]
        for block, new in zip(run, _roles(run, role, end == len(blocks) and not cut), strict=True):
            if new is not None:
                role = new
                found.append(_turn(names[new], None, new, INFERRED, ""))
            found[-1]["text"] = _clean(" ".join(filter(None, [found[-1]["text"], *block])))
        index = end
    return found
