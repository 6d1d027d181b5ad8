"""Foreign names in a mention (a step of :func:`quotes._mentions.parse_mention`).

Contract: :func:`foreign_name_and_title` reads the name of a mention with no Korean
name (the last run of proper nouns, cut to given + family name);
:func:`first_name_before` says whether a word before a foreign middle and family
name is its first name (``세라 허커비 샌더스``).  Both read a ``_Mention`` and
return what :mod:`quotes._mentions` builds its ``Parts`` from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._mention_words import HANGUL_WORD, org_like, title_of, typical_korean_name
from .records import SpeakerKind

if TYPE_CHECKING:  # pragma: no cover
    from ._mentions import Parts, _Mention

__all__ = ["first_name_before", "foreign_name_and_title"]


def first_name_before(m: _Mention, k: int) -> bool:
    """Is the word before a foreign middle + family name its first name (``세라`` 허커비 샌더스)?

    A proper noun of at most four syllables that opens the mention or follows an
    organisation or country, and is not itself an organisation, title, country or Korean name.
    """
    lex, ws = m.lex, m.ws
    if k < 1 or (k >= 2 and not (org_like(ws[k - 2], lex) or lex.word_kind(ws[k - 2], "country"))):
        return False
    w = ws[k - 1]
    tag = m.tags[k - 1] if k - 1 < len(m.tags) else ""
    return (
        tag == "NNP"
        and bool(HANGUL_WORD.match(w))
        and len(w) <= 4
        and w not in m.glossed
        and not org_like(w, lex)
        and not title_of(w, lex)
        and not lex.word_kind(w, "country")
        and (len(w) == 1 or not typical_korean_name(w, lex))  # 존, 앤: no Korean full name
    )


def foreign_name_and_title(m: _Mention) -> Parts:
    """Foreign names: the last run of words that are neither organisations nor common nouns,
    cut to its first two words (given + family name; an unknown company may follow)."""
    lex, ws, tags = m.lex, m.ws, m.tags
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(ws):
        j = i
        while j < len(ws) and not org_like(ws[j], lex) and ws[j] not in m.glossed and tags[j] != "NNG":
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    if not runs:
        return m.done(None, " ".join(ws), SpeakerKind.PERSON)
    a, b = runs[-1]
    if runs[0] == (0, 1) and len(ws) > 2 and lex.word_kind(ws[1], "country"):
        a, b = runs[0]  # 리창 중국 국무원 총리: wire copy puts a foreign name before its country
    if (a, b) == (1, 2) == (1, len(ws)) and HANGUL_WORD.match(ws[0]) and not title_of(ws[0], lex):
        a = 0  # 악셀 팀머만: the given name read as a common noun
    b = min(b, a + 2)
    aff = " ".join(w for k, w in enumerate(ws) if not a <= k < b) or None
    return m.done(" ".join(ws[a:b]), aff, SpeakerKind.PERSON)
