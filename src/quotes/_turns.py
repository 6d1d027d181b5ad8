"""Interview turns: broadcast and radio transcripts set out speaker by speaker, without marks.

Contract: :func:`find_turns` reads the text of a :class:`~quotes._document.Doc` and
calls ``add`` (the recorder of :func:`quotes._transcripts.find_unmarked`) once per
turn, with the turn's span, the rule id and the span of the speaker's name:

* ``◇김OO: 질문`` / ``◆박OO: 답`` (also ``▷``/``▶``, a full-width colon, and turns run
  together on one line when a page lost its line breaks): each turn is the labelled
  person's speech up to the next turn or the end of its paragraph
  (``cue.transcript-turn``);
* a label line ``[박OO / 가온당 의원]`` with the turn in the paragraphs after it, up
  to the next bracketed line (``[앵커]``) and three paragraphs at most, when the text
  holds two such label lines or more (one alone is a caption) and the role is no
  reporter's (``[김OO / 한빛일보 기자]`` is a byline) -- ``cue.transcript-turn``.

The label must name a person (a Korean name, not a bare title: ``◆대표: …`` in a
notice is no turn); the host's turns are speech of the named host.  A turn must read as words said
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
    r"(?m)^[ \t]*\[[ \t]*(?P<name>[^\[\]/:\n]{2,20}?)[ \t]*/[ \t]*(?P<role>[^\[\]:\n]{1,40}?)[ \t]*\][ \t]*$"
)
#: A blank line (paragraph break).
BLANK = regex.compile(r"\n[ \t]*\n")
#: A label line's turn ends after this many paragraphs at the latest.
MAX_TURN_PARAGRAPHS = 3
#: Any bracketed line of its own (``[앵커]``, ``[기자]``, the next label): it ends a turn.
BRACKET_LINE = regex.compile(r"(?m)^[ \t]*\[[^\[\]\n]{1,60}\][ \t]*$")


def find_turns(
    text: str,
    add: Callable[..., None],
    speaks: Callable[[int, int], bool],
    said: Callable[[str], bool],
    byline: Callable[[int, int], bool],
) -> None:
    """Record every interview turn of ``text`` (see the module docstring).

    ``speaks(a, b)`` says whether the label ``text[a:b]`` names a person; ``said(body)``
    whether a turn reads as words said; ``byline(a, b)`` whether a role ``text[a:b]`` is a
    reporter's (``한빛일보 기자``: such a label line is a byline, never a turn).
    """
    for m in TURN.finditer(text):
        n0, n1 = m.span("name")
        if speaks(n0, n1) and said(m.group("body")):
            add(*m.span("body"), m.start(), "cue.transcript-turn", (n0, n1))
    labels = [m for m in LABEL_LINE.finditer(text) if not byline(m.start("role"), m.end("role"))]
    if len(labels) < 2:
        return  # one label line is a caption or a byline, not a transcript
    for m in labels:
        n0, n1 = m.span("name")
        if not speaks(n0, n1):
            continue
        nxt = BRACKET_LINE.search(text, m.end())
        a, b = m.end(), nxt.start() if nxt is not None else len(text)
        b = _within_paragraphs(text, a, b)
        if said(text[a:b]):
            add(a, b, m.start(), "cue.transcript-turn", (n0, n1))


def _within_paragraphs(text: str, a: int, b: int) -> int:
    """The end of the turn starting at ``a``: ``b``, or the end of its ``MAX_TURN_PARAGRAPHS``-th paragraph."""
    pos, seen = a, 0
    for blank in BLANK.finditer(text, a, b):
        if text[pos : blank.start()].strip():
            seen += 1
            if seen >= MAX_TURN_PARAGRAPHS:
                return blank.start()
        pos = blank.end()
    return b
