"""Headlines glued to the body: a crawl that lost the line breaks after the title block.

Contract: :func:`glued_headline` decides a closed quote whose closing mark is glued to a
word that is no particle (``…제기"교사 포함돼야"2027학년도 입시를 앞두고 …``,
``"…""…"박민수 위원장이 …``) and returns a :class:`~quotes._cues.CueMatch`
(``cue.headline``, ``cue.headline-glued``) or ``None``.  It is tried only where the
ending stage would call the glued word a case particle.

The quote is a subheading that lost its line break when it reads as a clause, opens
within a headline's length of its story's first line, and nothing before it on that line
ends a sentence; the glued word is a noun (a name, a date: ``"…"2위에 그친 뒤`` is running
text), and the line goes on with a finished sentence (the body glued to it).  Its speaker
is a person-like subject or topic that begins right at the glued word (``"…"박민수 교원노조
위원장이 3일 …``: the photo lede under the title names who spoke); otherwise it has none.
"""

from __future__ import annotations

import regex

from ._cues import CueMatch, Grammar, sentence_like
from ._document import Doc, Word
from ._headlines import HEADLINE_MAX, SENTENCE_END, bare_noun
from ._marks import QuotedSpan
from ._mentions import is_korean_name
from ._phrases import person_like, subject_candidates
from .records import CueKind

__all__ = ["glued_headline"]

#: A finished sentence of the body after the quote (``…나섰다.``), read within :data:`BODY_REACH`.
FINISHED = regex.compile(r"[.?!](?:\s|$)")
BODY_REACH = 2000
NON_SPACE = regex.compile(r"\S")
#: How far after the glued word its subject may end (``박민수 한빛교사노조 위원장이``).
SUBJECT_REACH = 40


def glued_headline(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """``…제기"…"2027학년도 …``: a clause glued to the body after a title block (see the module)."""
    after = doc.span_end(span)
    if after >= len(doc.text) or not doc.text[after].isalnum() or not sentence_like(doc, span, g):
        return None
    lo = max(0, span.open - HEADLINE_MAX - 1)
    line_start = doc.text.rfind("\n", lo, span.open) + 1
    if line_start == 0 and lo > 0:
        return None  # the quote opens further into its line than a headline runs
    nl = doc.text.find("\n", after, after + BODY_REACH)  # (bounded: a long line is read once per quote)
    line_end = nl if nl >= 0 else min(len(doc.text), after + BODY_REACH)
    ends_line = nl >= 0 or line_end == len(doc.text)
    first = NON_SPACE.search(doc.text, doc.story_start(span.open))
    first_line = first is None or first.start() >= line_start
    finished = FINISHED.search(doc.text, after, line_end) or (
        ends_line and doc.text[max(after, line_end - 40) : line_end].rstrip()[-1:].isalpha()
    )
    if not first_line or not finished:
        return None  # not the story's first line, or no body glued after it (a finished sentence)
    if SENTENCE_END.search(doc.text, line_start, span.open):
        return None  # running text before the quote: the glued word is a particle the table lacks
    glued = next((w for w in doc.words(sentence) if w.end > after), None)  # (analysed only now)
    if glued is None or not _noun_word(glued, after, g):
        return None  # ``"…"2위에 그친 뒤``: the glued word goes on with a particle, inside running text
    where: tuple[int, int, int] | None = None
    for c in subject_candidates(doc, sentence, after, min(line_end, after + SUBJECT_REACH), g.lex):
        nouns = all(_noun_word(w, after, g) for w in doc.words(sentence) if after <= w.start < c.start)
        if nouns and person_like(c, g.lex):  # (the phrase starts at the glued word: 박서연 한빛노조 위원장이)
            where = (sentence, after, c.end)
        break
    return CueMatch(
        speech=True,
        rules=("cue.headline", "cue.headline-glued"),
        kind=CueKind.HEADLINE,
        speaker_span=where,
        speaker_rule="speaker.headline" if where else None,
    )


def _noun_word(w: Word, start: int, g: Grammar) -> bool:
    """Nouns only from ``start`` (a name, a date, a number): no particle, ending or predicate.

    A Korean name counts whatever the analysis (``최교진`` glued to a mark: 최/XPN 교지/NNG ㄴ/JX).
    """
    return bare_noun(w, w.end, start) or is_korean_name(w.text[max(0, start - w.start) :], g.lex, "NNP")
