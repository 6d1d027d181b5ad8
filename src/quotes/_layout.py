"""Layout: speech decided by position when nothing is glued to the closing mark.

Contract: :func:`unattached` decides a top-level quote with no ending after
its closing mark (or with no closing mark) from where it stands, and returns a
:class:`~quotes._cues.CueMatch`:

* coordinated with the next quote (``"A", "B"면서``) -- ``cue.coordinated``;
* ``"A", "B" 등의 반응`` -- ``cue.etc``; ``X의 말이다`` after it --
  ``cue.noun-predicate``;
* a subject and reporting predicate after it (``"…" 김 대표는 말했다``) --
  ``cue.bare-quote-first``;
* a caption (``<김OO / 연구원> "…"``), a headline (``김 대표 "…"``), an
  introduction (``이렇게 말했다. "…"``, ``다음과 같이 밝혔다: "…"``) or one
  after (``"…" 김 회장은 이렇게 말했다.``), a titled name after it
  (``"…" 김경문 감독``);
* a collection item, its speaker after (``▲ "…" (김 대표, 총회에서)``, ``"…" = 김 장관.``) --
  ``cue.collection-after`` -- or before it (``△김 의원 = "…"``, ``[김OO / 목격자] "…"``) --
  ``cue.collection-before``, both with ``speaker.collection``;
* a quote that is a sentence on its own (a continuation) -- ``cue.standalone``.

Anything else is not speech (``cue.none``).
"""

from __future__ import annotations

import regex

from ._cues import CueMatch, Grammar, noun_predicate, sentence_like, speech_noun, words_after
from ._document import Doc, Word
from ._headlines import headline, headline_alone, on_headline_line
from ._items import collection_after, collection_before
from ._marks import Family, QuotedSpan
from ._mentions import title_of
from ._phrases import person_like, pointing_word, predicate_of, subject_candidates, trim
from ._remark_owner import genitive_before
from .records import CueKind

__all__ = ["unattached"]

#: Dashes that may stand before a name after its quote (``"…" —김 대표``).
DASHES = "-\N{EN DASH}\N{EM DASH}\N{HORIZONTAL BAR}"
INTRO_COLON = regex.compile(r"[:\N{FULLWIDTH COLON}]\s*$")

CAPTION_MAX = 120  # characters of a caption before its quote

# The word lists (caption labels, headline cues, bylines, continuation words)
# are classes of ``cue_words.tsv``, compiled once in :class:`~quotes._cues.Grammar`.


def unattached(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, *, unclosed: bool) -> CueMatch:
    """A span with nothing glued after its closing mark (or no closing mark)."""
    if not unclosed:
        found = collection_after(doc, span, g) or _after_the_quote(doc, span, sentence, g)
        if found is not None:
            return found
    found = _around_the_quote(doc, span, sentence, g, unclosed=unclosed)
    if found is not None:
        return found
    found = _standing_alone(doc, span, sentence, g, unclosed=unclosed)
    if not found.speech and not unclosed:
        return headline_alone(doc, span, g) or found
    return found


def _after_the_quote(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """What follows a closed quote: ``등의 반응``, the next quote, ``X의 말이다``, a subject and predicate."""
    s_end = doc.sentences[sentence].end
    end = doc.span_end(span)
    tail = doc.text[end:s_end]
    found = _etc(doc, sentence, g, end, tail)
    if found is not None:
        return found
    nxt = doc.next_top(span)
    if nxt is not None and nxt.open >= end and not doc.text[end : nxt.open].strip(" \t,\N{MIDDLE DOT}"):
        return CueMatch(speech=False, rules=("cue.coordinated",), coordinated=True)
    words = words_after(doc, sentence, end)
    found = _speech_noun_after(doc, span, g, words, end)
    if found is not None:
        return found
    found = _noun_predicate_after(doc, span, sentence, g, words, tail)
    if found is not None:
        return found
    if sentence_like(doc, span, g) and words:
        return _bare_quote_first(doc, sentence, g, end, s_end, words)
    return None


def _speech_noun_after(doc: Doc, span: QuotedSpan, g: Grammar, words: list[Word], end: int) -> CueMatch | None:
    """``김 차관의 '적극 검토하겠다' 발언을``: a speech noun one space after the mark, no particle between,
    in running text.

    The quote must read as a clause or be
    owned (``김 의원의 '문 대통령 건망증' 주장``: a genitive owner before the mark), and the
    noun obeys the adnominal rules (``'…' 말`` after single marks is a saying; ``구호`` takes
    a clause).
    """
    if not words or words[0].start != end + 1 or doc.text[end] != " ":
        return None
    noun = speech_noun(words[0], g)
    if noun is None or on_headline_line(doc, span, g):
        return None  # (a headline line: the headline rules read ``김 대표 "…" 강조``)
    clause = sentence_like(doc, span, g)
    if not (clause or _owned_remark(doc, span, g)):
        return None  # '대박' 발언, "검찰 개혁" 주장을: a catchword or a label, unless someone's (그의 '대박' 발언)
    if (noun in g.double_only_nouns and span.family == Family.SINGLE) or (noun in g.clause_only_nouns and not clause):
        return None
    start = words[0].start + words[0].text.index(noun)
    return CueMatch(
        speech=True,
        rules=("cue.adnominal", "cue.noun-after", g.lex.speech_nouns[noun].id),
        kind=CueKind.ADNOMINAL,
        cue=(start, start + len(noun), noun),
        clause_end=start + len(noun),
    )


def _owned_remark(doc: Doc, span: QuotedSpan, g: Grammar) -> bool:
    owner = genitive_before(doc, doc.sentence_of(span.open), span, g.lex)
    return owner is not None and owner[2]


def _etc(doc: Doc, sentence: int, g: Grammar, end: int, tail: str) -> CueMatch | None:
    """``"A", "B" 등의 (다양한) 반응``."""
    etc = g.etc.match(tail)
    if etc is None:
        return None
    for w in words_after(doc, sentence, end + etc.end())[:3]:
        noun = speech_noun(w, g)
        if noun is not None:
            return CueMatch(
                speech=True,
                rules=("cue.adnominal", "cue.etc", g.lex.speech_nouns[noun].id),
                kind=CueKind.ADNOMINAL,
                cue=(w.start, w.start + len(noun), noun),
                clause_end=w.start + len(noun),
            )
    return None


def _noun_predicate_after(
    doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, words: list[Word], tail: str
) -> CueMatch | None:
    """``X의 말이다`` after the quote (or ending the next sentence), or an introduction after it."""
    found = noun_predicate(doc, sentence, words[:8], g)
    if found is None and not tail.strip() and sentence + 1 < len(doc.sentences):
        nxt_words = list(doc.words(sentence + 1))
        if nxt_words and not any(doc.in_top_quote(w.start) for w in nxt_words):
            found = noun_predicate(doc, sentence + 1, nxt_words[-1:], g)
    if found is None and not tail.strip():
        found = _introduction_after(doc, span, sentence, g)
    return found


def _bare_quote_first(doc: Doc, sentence: int, g: Grammar, end: int, s_end: int, words: list[Word]) -> CueMatch | None:
    """``"…" 김 대표는 말했다``: a subject, then the first final predicate reports."""
    cands = subject_candidates(doc, sentence, end, s_end, g.lex)
    for w in words:
        pred = predicate_of(w)
        if pred is None or pred[1]:
            continue
        row = g.lex.predicates.get(pred[0])
        if row is not None and row.kind != "naming" and cands and cands[0].end < w.start:
            s, e = trim(w)
            return CueMatch(
                speech=True,
                rules=("cue.bare-quote-first", row.id),
                kind=CueKind.PREDICATE,
                cue=(s, e, pred[0]),
                clause_end=e,
            )
        break
    return None


def _around_the_quote(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, *, unclosed: bool) -> CueMatch | None:
    """A caption, a headline, an introduction before it or a titled name after it."""
    s_start = doc.sentences[sentence].start
    cap = _caption(doc, span, sentence, g)
    if cap is not None:
        return cap
    item = collection_before(doc, span, g)
    if item is not None:
        return item
    head = headline(doc, span, sentence, g)
    if head is not None and not unclosed:
        return head
    intro = _introduction(doc, span, sentence, g, doc.text[s_start : span.open])
    if intro is not None:
        return intro
    if not unclosed and sentence_like(doc, span, g):
        return _juxtaposed_after(doc, span, sentence, g)
    return None


def _caption(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """``<김OO / 연구원> "…"`` or ``[녹취: 김OO 연구원] "…"`` just before the quote."""
    line_start = doc.text.rfind("\n", max(0, span.open - CAPTION_MAX), span.open) + 1
    cap = g.caption.search(doc.text, max(line_start, span.open - CAPTION_MAX), span.open)
    if cap is None:
        return None
    n0, n1 = cap.span("name")
    return CueMatch(
        speech=True,
        rules=("cue.caption",),
        kind=CueKind.CAPTION,
        cue=None,
        speaker_span=(sentence, n0, n1),
        speaker_rule="speaker.caption",
    )


def _standing_alone(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, *, unclosed: bool) -> CueMatch:
    """A continuation quote (only bylines and continuation words around it), or not speech."""
    s_start, s_end = doc.sentences[sentence].start, doc.sentences[sentence].end
    tail = doc.text[doc.span_end(span) : s_end]
    outside = g.byline.sub(" ", doc.text[s_start : span.open]).split() + tail.split()
    if all(w.strip(".,") in g.continuation for w in outside) and (sentence_like(doc, span, g) or unclosed):
        return CueMatch(speech=True, rules=("cue.standalone",))
    if unclosed and subject_candidates(doc, sentence, s_start, span.open, g.lex):
        return CueMatch(speech=True, rules=("cue.unclosed-after-subject",))
    if not unclosed and not tail.strip(" .") and _said(doc, span, g):
        if _lede(doc, span, g):
            return CueMatch(speech=True, rules=("cue.lede-quote",))
        if _topic_right_before(doc, span, sentence, g) and _final_ending(doc, span, g):
            return CueMatch(speech=True, rules=("cue.verbless-after-subject",))
    return CueMatch(speech=False, rules=("cue.none",))


def _said(doc: Doc, span: QuotedSpan, g: Grammar) -> bool:
    """A clause, or one word with a final ending and sentence punctuation (``"죄송합니다."``)."""
    content = doc.text[span.content_start : span.content_end].strip()
    return sentence_like(doc, span, g) or (content[-1:] in ".?!" and bool(g.sentence_like.search(content)))


def _final_ending(doc: Doc, span: QuotedSpan, g: Grammar) -> bool:
    """The quote ends in a final ending, not only in a period (``'안철수 저격수.'`` is a label)."""
    content = doc.text[span.content_start : span.content_end].strip().rstrip(".?!\N{HORIZONTAL ELLIPSIS}~ ")
    return bool(content) and bool(g.sentence_like.search(content))


def _lede(doc: Doc, span: QuotedSpan, g: Grammar) -> bool:
    """``[한빛=홍길동 기자] "….”`` then the story: the quote opens its line (after a byline)."""
    line_start = doc.text.rfind("\n", 0, span.open) + 1
    return not g.byline.sub(" ", doc.text[line_start : span.open]).strip(" \t")


def _topic_right_before(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> bool:
    """``김 선수는 "…".``: a person-like topic right before the quote, no predicate after it."""
    s_start = doc.sentences[sentence].start
    cands = subject_candidates(doc, sentence, s_start, span.open, g.lex)
    if not cands or doc.text[cands[-1].end : span.open].strip(" \t") not in ("은", "는", "이", "가"):
        return False
    return cands[-1].role == "topic" and person_like(cands[-1], g.lex)


def _juxtaposed_after(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """``"…." 김경문 두산 감독(…)``: a titled name alone after the quote."""
    end = doc.span_end(span)
    s_end = doc.sentences[sentence].end
    if not doc.text[end:s_end].strip() and sentence + 1 < len(doc.sentences):
        sentence += 1  # "….": the quote ended its sentence; the name stands in the next
        end, s_end = doc.sentences[sentence].start, doc.sentences[sentence].end
        if "\n" in doc.text[doc.span_end(span) : end]:
            return None
    tail = doc.text[end:s_end]
    paren = tail.find("(")
    core_end = end + (paren if paren >= 0 else len(tail.rstrip(" .")))
    if paren >= 0 and not tail.rstrip(" .").endswith(")"):
        return None
    words = [w for w in words_after(doc, sentence, end) if w.start < core_end]
    if words and not words[0].text.strip(DASHES):
        words = words[1:]  # "…" - 김 대표: a dash standing alone before the name
    if not 0 < len(words) <= 5:
        return None
    last_text = doc.text[words[-1].start : core_end].rstrip(" .,")
    if title_of(last_text, g.lex) is None or any(predicate_of(w) for w in words):
        return None
    first = words[0].start + len(words[0].text) - len(words[0].text.lstrip(DASHES))  # "…" —김 대표
    return CueMatch(
        speech=True,
        rules=("cue.juxtaposed-after",),
        kind=None,
        cue=None,
        speaker_span=(sentence, first, words[-1].start + len(last_text)),
        speaker_rule="speaker.juxtaposed",
    )


def _introduction_after(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """``"…"`` then ``김 회장은 … 이렇게 말했다.``: the next sentence introduces it."""
    s_start = doc.sentences[sentence].start
    if doc.text[s_start : span.open].strip() or not sentence_like(doc, span, g) or sentence + 1 >= len(doc.sentences):
        return None
    nxt = sentence + 1
    if doc.sentences[nxt].paragraph - doc.sentences[sentence].paragraph > 1:
        return None
    n_start = doc.sentences[nxt].start
    words = [w for w in doc.words(nxt) if doc.in_top_quote(w.start) is None]
    if not words or doc.holds_saying(doc.sentences[nxt].start, doc.sentences[nxt].end):
        return None
    if pointing_word(words, g.intro_demonstratives) is None:  # 이같이, 이 같이
        return None
    pred = predicate_of(words[-1])
    row = g.lex.predicates.get(pred[0]) if pred else None
    if pred is None or row is None or row.kind in ("naming", "belief"):
        return None
    cands = subject_candidates(doc, nxt, n_start, words[-1].start, g.lex)
    if not cands:
        return None
    c = next((c for c in cands if c.role == "topic"), cands[0])
    s, e = trim(words[-1])
    return CueMatch(
        speech=True,
        rules=("cue.introduction-after", row.id),
        kind=CueKind.INTRODUCTION,
        cue=(s, e, pred[0]),
        clause_end=e,
        speaker_span=(nxt, c.start, c.end),
        speaker_rule="speaker.introduction",
    )


def _introduction(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, before: str) -> CueMatch | None:
    """``김 장관은 이렇게 말했다. "…"`` or ``…다음과 같이 밝혔다: "…"``."""
    colon = bool(INTRO_COLON.search(before))
    if before.strip() and not colon:
        return None
    target = sentence if colon else sentence - 1
    if target < 0:
        return None
    t_start, t_end = doc.sentences[target].start, doc.sentences[target].end
    if not colon and doc.has_top_quote(t_start, t_end):
        return None
    if not colon and doc.sentences[sentence].paragraph - doc.sentences[target].paragraph > 1:
        return None
    words = [w for w in doc.words(target) if w.end <= (span.open if colon else t_end)]
    if not words:
        return None
    pred = predicate_of(words[-1])
    if pred is None or pred[1]:
        return None
    row = g.lex.predicates.get(pred[0])
    if row is None or row.kind in ("naming", "belief"):
        return None
    cands = subject_candidates(doc, target, t_start, words[-1].start, g.lex)
    s, e = trim(words[-1])
    speaker = None
    people = [c for c in cands if person_like(c, g.lex)]  # 조금은 …했다: no speaker there
    if people:
        c = next((c for c in reversed(people) if c.role == "topic"), people[-1])
        speaker = (target, c.start, c.end)
    return CueMatch(
        speech=True,
        rules=("cue.introduction", row.id),
        kind=CueKind.INTRODUCTION,
        cue=(s, e, pred[0]),
        clause_end=e,
        speaker_span=speaker,
        speaker_rule="speaker.introduction" if speaker else None,
    )
