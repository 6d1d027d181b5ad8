"""Interview turns: broadcast and radio transcripts set out speaker by speaker, without marks.

Contract: :func:`find_turns` reads the text of a :class:`~quotes._document.Doc` and
calls ``add`` (the recorder of :func:`quotes._transcripts.find_unmarked`) once per
turn, with the turn's span, the rule id and the span of the speaker's name:

* ``◇김OO: 질문`` / ``◆박OO: 답`` (also ``▷``/``▶``, a full-width colon, and turns run
  together on one line when a page lost its line breaks): each turn is the labelled
  person's speech up to the next turn or the end of its paragraph
  (``cue.transcript-turn``);
* a label line ``[박OO / 가온당 의원]`` with the turn in the paragraphs after it, up
  to the next bracketed label line (``[앵커]``) -- ``cue.transcript-turn``.

The label must name a person (a Korean name or a title: ``_label_speaks``); the
host's turns are speech of the named host.  A turn must read as words said
(``_said``).  The anchor's own lines (``[앵커]``, no name) are not speech.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

__all__ = ["TURN_BULLETS", "find_turns"]

#: Bullets that open a speaker's turn (host and guest alike).
TURN_BULLETS = "\N{WHITE DIAMOND}\N{BLACK DIAMOND}\N{WHITE RIGHT-POINTING TRIANGLE}\N{BLACK RIGHT-POINTING TRIANGLE}"
_LABEL = r"(?P<name>[^\s:\N{FULLWIDTH COLON}" + TURN_BULLETS + r"]{2,12})"
#: ``◆김민수: …``: a bullet, a name, a colon; the turn runs to the next turn or a blank line.
TURN = regex.compile(
    r"[" + TURN_BULLETS + r"][ \t]*" + _LABEL + r"[ \t]*[:\N{FULLWIDTH COLON}][ \t]*"
    r"(?P<body>(?:(?![" + TURN_BULLETS + r"][ \t]*[^\s:\N{FULLWIDTH COLON}]{2,12}[ \t]*[:\N{FULLWIDTH COLON}])"
    r"[^\n]|\n(?!\s*\n))+)"
)
#: ``[김민수 / 가온당 대표]`` on a line of its own; the turn follows in the next paragraphs.
LABEL_LINE = regex.compile(
    r"(?m)^[ \t]*\[[ \t]*(?P<name>[^\[\]/:\n]{2,20}?)[ \t]*/[ \t]*[^\[\]:\n]{1,40}?[ \t]*\][ \t]*$"
)
#: Any bracketed line of its own (``[앵커]``, ``[기자]``, the next label): it ends a turn.
BRACKET_LINE = regex.compile(r"(?m)^[ \t]*\[[^\[\]\n]{1,60}\][ \t]*$")


def find_turns(
    text: str,
    add: Callable[..., None],
    speaks: Callable[[int, int], bool],
    said: Callable[[str], bool],
) -> None:
    """Record every interview turn of ``text`` (see the module docstring).

    ``speaks(a, b)`` says whether the label ``text[a:b]`` names a person; ``said(body)``
    whether a turn reads as words said.
    """
    for m in TURN.finditer(text):
        n0, n1 = m.span("name")
        if speaks(n0, n1) and said(m.group("body")):
            add(*m.span("body"), m.start(), "cue.transcript-turn", (n0, n1))
    for m in LABEL_LINE.finditer(text):
        n0, n1 = m.span("name")
        if not speaks(n0, n1):
            continue
        nxt = BRACKET_LINE.search(text, m.end())
        a, b = m.end(), nxt.start() if nxt is not None else len(text)
        if said(text[a:b]):
            add(a, b, m.start(), "cue.transcript-turn", (n0, n1))
