"""Owned speech nouns: the noun phrase between an adnominal quote and its speech-noun head.

Contract: :func:`owned_noun` reads up to :data:`MAX_SKIPPED` noun-phrase words after an
adnominal ending (``"…"는 미국 시사 주간지 뉴스위크의 보도``, ``"…"는 한 외신 기자 질문``)
and returns the head's index, the noun and the owner's span (a genitive ``X의``, or bare
nouns that name a speaker), or ``None`` when the words are no such phrase.  A genitive
that names the text (``제목의``, ``내용의``: ``not_owner`` rows) makes the quote a title; a
gist noun (``취지의``, ``요지의``: ``gist_noun`` rows) says what the words were about and owns
nothing (``"…"는 취지의 민원``: the complainers are not named).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ._document import Doc, Word
from ._mentions import speaker_like
from ._phrases import NOMINAL

if TYPE_CHECKING:
    from ._cues import Grammar

__all__ = ["MAX_SKIPPED", "np_word", "owned_noun"]

#: Noun-phrase words an adnominal ending may skip before its speech-noun head
#: (``"…"는 미국 시사 주간지 뉴스위크의 보도``).
MAX_SKIPPED = 4
#: Tags of the words inside such a noun phrase: determiners and the adnominal
#: ending of a modifier (``한``, ``격앙된``), the genitive ``의``.
DETERMINER, ADNOMINAL_ETM, GENITIVE = "MM", "ETM", "JKG"
PAST_ETM = frozenset({"\N{HANGUL JONGSEONG NIEUN}", "\N{HANGUL SYLLABLE EUN}"})


def np_word(w: Word) -> str | None:
    """The role of ``w`` inside a noun phrase before its head (``None``: not such a word)."""
    toks = [t for t in w.tokens if not t.tag.startswith("S") or t.tag in ("SL", "SH", "SN")]
    if not toks:
        return None
    last = toks[-1].tag
    if last == GENITIVE and len(toks) > 1:
        return "owner"
    if last == DETERMINER:
        return "determiner"
    if last == ADNOMINAL_ETM and toks[-1].form in PAST_ETM and any(t.tag.startswith(("V", "XS")) for t in toks):
        return "modifier"  # 격앙된, 짧은 (not a relative clause in the present: 대화하는)
    if all(t.tag in NOMINAL for t in toks):
        return "noun"
    return None


def owned_noun(
    doc: Doc, sentence: int, words: list[Word], g: Grammar, head_noun: Callable[[Word], str | None]
) -> tuple[int, str, tuple[int, int] | None] | None:
    """A speech-noun head after one to :data:`MAX_SKIPPED` noun-phrase words.

    Returns the head's index in ``words``, the noun and the owner's span: the
    genitive ``X의`` (``한 남성의 신고``), or the bare nouns before the head
    when they name a speaker (``한 외신 기자 질문``); ``None`` without one.
    """
    roles: list[str] = []
    for j, w in enumerate(words[: MAX_SKIPPED + 1]):
        if j and doc.text[words[j - 1].end : w.start].strip():
            return None  # a quote or a mark between: not one phrase
        noun = head_noun(w) if j else None
        if noun is not None:
            return j, noun, _owner(doc, words[:j], roles, g)
        role = np_word(w)
        if role is None or (role == "modifier" and roles and roles[-1] != "determiner"):
            return None  # 주어 없는 질문: a relative clause, not a modifier of the head
        if role == "owner" and _stem_of(w) in g.not_owners:
            return None  # '…'라는 제목의 글: the quote names the text
        if role == "owner" and _stem_of(w) in g.gist_nouns:
            role = "gist"  # "…"는 취지의 민원: what the words were about, no owner
        roles.append(role)
    return None


def _owner(doc: Doc, skipped: list[Word], roles: list[str], g: Grammar) -> tuple[int, int] | None:
    if "owner" in roles:
        k = len(roles) - 1 - roles[::-1].index("owner")
        first = max((i + 1 for i in range(k) if roles[i] == "modifier"), default=0)
        return skipped[first].start, skipped[k].end - 1
    if "modifier" in roles or "gist" in roles:
        return None
    texts = [w.text for w in skipped]
    if speaker_like(texts, [w.tokens[0].tag for w in skipped], g.lex):
        return skipped[0].start, skipped[-1].end
    return None


def _stem_of(w: Word) -> str:
    """``w`` up to its first particle (``제목의`` -> ``제목``)."""
    return next((w.text[: t.start - w.start] for t in w.tokens if t.tag.startswith("J")), w.text)
