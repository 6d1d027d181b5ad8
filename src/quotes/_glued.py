"""A reporting ending glued to the next word by a lost space: ``"…"고말했다``, ``"…"며웃었다``.

Contract: :func:`glued_particle` takes the offset right after a closing mark and,
when the particle table's ending there runs straight into a Hangul word with no
space (crawled news loses spaces: ``"사실무근"이라고밝혔다``), returns the ending's
match and the rest of the glued word as a :class:`~quotes._document.Word` of its
own (its tokens only), so that the cue stage reads it as if the space were there
(quotative and connective endings only).
It does so only when the analyser cut the word there (a particle or ending token
at the particle's offset) and the rest holds a predicate (``말했다``, ``웃었다``:
not ``며느리``); otherwise ``(None, None)``.  ``cue.glued-predicate`` in the rule
catalogue.
"""

from __future__ import annotations

import regex

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._phrases import predicate_of

__all__ = ["glued_particle"]


def glued_particle(
    doc: Doc, sentence: int, after: int, pattern: regex.Pattern[str], lex: Lexicon
) -> tuple[regex.Match[str] | None, Word | None]:
    """The ending at ``after`` and the predicate word glued to it (see the module docstring)."""
    m = pattern.match(doc.text, after)
    if m is None or lex.particles[m.group("p")].kind not in ("quotative", "connective"):
        return None, None  # (an adnominal ending glued to a noun, "…"라는말: left as it was)
    word = next((w for w in doc.words(sentence) if w.start <= after < w.end), None)
    pstart, pend = m.start("p"), m.end("p")
    if word is None or not any(t.start == pstart and t.tag.startswith(("J", "E")) for t in word.tokens):
        return None, None
    rest = Word(pend, word.end, doc.text[pend : word.end], tuple(t for t in word.tokens if t.start >= pend))
    if not rest.tokens or predicate_of(rest, lex) is None:
        return None, None
    return m, rest
