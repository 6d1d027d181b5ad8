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
from ._items import BULLETS, collection_after, collection_before
from ._marks import Family, QuotedSpan
from ._mentions import is_korean_name, is_speaker, org_like, title_of
from ._phrases import noun_phrase_left, predicate_of, subject_candidates, trim
from .records import CueKind

__all__ = ["unattached"]

INTRO_COLON = regex.compile(r"[:\N{FULLWIDTH COLON}]\s*$")

HEADLINE_MAX = 150  # characters of a headline line
CAPTION_MAX = 120  # characters of a caption before its quote
HEADLINE_SEP = regex.compile(r"\s*(?:\N{HORIZONTAL ELLIPSIS}|\N{TWO DOT LEADER}|\.{2,}|\N{MIDDLE DOT}|,|\|)\s*")
#: A finished sentence on a line (``말했다. ``): running text, not a headline.
SENTENCE_END = regex.compile(r"[.?!](?:\s|$)")
#: What may stand between a headline speaker and its quote (``총리…"…"``, ``장관, "…"``).
HEADLINE_BEFORE_SEPS = ",:\N{HORIZONTAL ELLIPSIS}\N{TWO DOT LEADER}"

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
        return _headline_alone(doc, span, g) or found
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
    found = _noun_predicate_after(doc, span, sentence, g, words, tail)
    if found is not None:
        return found
    if sentence_like(doc, span, g) and words:
        return _bare_quote_first(doc, sentence, g, end, s_end, words)
    return None


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
    head = _headline(doc, span, sentence, g)
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
    return CueMatch(speech=False, rules=("cue.none",))


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
    if not 0 < len(words) <= 5:
        return None
    last_text = doc.text[words[-1].start : core_end].rstrip(" .,")
    if title_of(last_text, g.lex) is None or any(predicate_of(w) for w in words):
        return None
    return CueMatch(
        speech=True,
        rules=("cue.juxtaposed-after",),
        kind=None,
        cue=None,
        speaker_span=(sentence, words[0].start, words[-1].start + len(last_text)),
        speaker_rule="speaker.juxtaposed",
    )


def _headline(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """Headline juxtaposition on a short line without a final ``다.``.

    ``김 대표 "…"`` (speaker right before), ``"…"…골드만삭스 전망`` (speaker
    after), ``모디 총리, … '…' 치켜세워`` (speaker opening the line).
    """
    bounds = _headline_line(doc, span, g) if _headline_quote(doc, span, g) else None
    if bounds is None:
        return None
    words = _line_words(doc, *bounds)
    before = [w for w in words if w.end <= span.open]
    after = [w for w in words if w.start >= doc.span_end(span)]
    sep = HEADLINE_SEP.match(doc.text, doc.span_end(span))
    cue = _cue_right_after(doc, g, after) if after and not sep else None
    speaker: tuple[int, int] | None = None
    last = before[-1] if before and not doc.text[before[-1].end : span.open].strip() else None
    if last is not None:
        single = span.family != Family.DOUBLE
        speaker = _speaker_before(doc, g, before, span_single=single, clause=sentence_like(doc, span, g))
        if speaker is None and (speech_noun(last, g) or last.text in g.headline_cues_before):
            s, e = trim(last)
            return CueMatch(
                speech=True,
                rules=("cue.headline", "cue.headline-cue-before"),
                kind=CueKind.HEADLINE,
                cue=(s, e, last.text),
                clause_end=e,
            )
    if speaker is None and after and sep:
        speaker, cue = _speaker_after(doc, g, after, sep.end(), cue)
    if speaker is None and cue is not None and before:
        speaker = _speaker_opening(g, before)
    if speaker is None:
        return None
    return CueMatch(
        speech=True,
        rules=("cue.headline",),
        kind=CueKind.HEADLINE,
        cue=cue,
        clause_end=cue[1] if cue else -1,
        speaker_span=(sentence, *speaker),
        speaker_rule="speaker.headline",
    )


def _speaker_before(
    doc: Doc, g: Grammar, before: list[Word], *, span_single: bool, clause: bool
) -> tuple[int, int] | None:
    """``김 대표 "…"``, ``이 총리…"…"``, ``김 장관, "…"``: the mention ending right before the quote.

    The last word (a headline separator after it cut off) ends a noun phrase
    whose parts make a speaker (a title, a name, an organisation, a collective),
    its head word too.  Past the old title-or-name test, a single-marked quote
    must read as a clause (``감독들 '불꽃 튀는 입담 대결'`` is a label).
    """
    last = before[-1]
    text = last.text.rstrip(HEADLINE_BEFORE_SEPS)
    if not text or (text != last.text and len(last.text) - len(text) > 1):
        return None
    end = last.start + len(text)
    if _names_the_speaker(last, before, g) and text == last.text:
        start, _ = noun_phrase_left(doc, before, len(before) - 1, last.end, g.lex)
        return (start, last.end)
    if not _bare_noun(last, end) or (span_single and not clause):
        return None
    start, words = noun_phrase_left(doc, before, len(before) - 1, end, g.lex)
    texts = [doc.text[w.start : min(w.end, end)] for w in words]
    tags = [w.tokens[0].tag if w.tokens else "" for w in words]
    if is_speaker(texts, tags, g.lex) and is_speaker(texts[-1:], tags[-1:], g.lex):
        return (start, end)
    return None


def _bare_noun(word: Word, end: int) -> bool:
    """Nouns only up to ``end`` (no particle, ending or predicate): ``김 대표``, not ``의원은``."""
    toks = [t for t in word.tokens if t.start < end]
    return bool(toks) and all(t.tag.startswith(("NN", "SH", "SL", "SN", "XSN", "XPN")) for t in toks)


def _headline_alone(doc: Doc, span: QuotedSpan, g: Grammar) -> CueMatch | None:
    """A double-marked headline quote with no speaker on its line: words said when it reads as a clause.

    ``"살려 주세요" 신고 5분 만에 …``, ``"기름 냄새 났다"…원인 조사``, or a line that is
    nothing but a quote of two words or more (a subheading under the headline).
    """
    if span.family != Family.DOUBLE or not _headline_quote(doc, span, g):
        return None  # single marks on a headline line without a speaker: a title or a label
    bounds = _headline_line(doc, span, g)
    if bounds is None:
        return None
    line = doc.text[bounds[0] : bounds[1]].strip()
    after = [w for w in _line_words(doc, *bounds) if w.start >= doc.span_end(span)]
    cue = _cue_right_after(doc, g, after) if after and not HEADLINE_SEP.match(doc.text, doc.span_end(span)) else None
    content = doc.text[span.content_start : span.content_end].rstrip()
    outside = doc.text[bounds[0] : span.open] + " " + doc.text[doc.span_end(span) : bounds[1]]
    if line[:1] in BULLETS or content.endswith(".") or SENTENCE_END.search(outside):
        return None  # a list item, or a quote in running text (its line holds finished sentences)
    alone = line == doc.text[span.open : doc.span_end(span)].strip()
    if not (sentence_like(doc, span, g) or alone):
        return None
    return CueMatch(
        speech=True,
        rules=("cue.headline", "cue.headline-alone"),
        kind=CueKind.HEADLINE,
        cue=cue,
        clause_end=cue[1] if cue else -1,
    )


def _headline_quote(doc: Doc, span: QuotedSpan, g: Grammar) -> bool:
    """Does the quote read as words said?

    Single marks in a headline name a label or a term (``방문객 '기쁨 2배'``): a clause or
    three words or more.  Double marks: two words or more.
    """
    if sentence_like(doc, span, g):
        return True
    words = doc.text[span.content_start : span.content_end].split()
    return len(words) >= (2 if span.family == Family.DOUBLE else 3)


def _headline_line(doc: Doc, span: QuotedSpan, g: Grammar) -> tuple[int, int] | None:
    """The bounds of the quote's line if it can be a headline (short, no final ``다.``)."""
    # Look for the line's ends only near the quote: a headline is short.
    lo, hi = max(0, span.open - HEADLINE_MAX - 1), min(len(doc.text), span.open + HEADLINE_MAX + 2)
    line_start = doc.text.rfind("\n", lo, span.open) + 1
    line_end = doc.text.find("\n", span.open, hi)
    if (line_start == 0 and lo > 0) or (line_end < 0 and hi < len(doc.text)):
        return None  # the line is longer than any headline
    line_end = len(doc.text) if line_end < 0 else line_end
    line = doc.text[line_start:line_end].rstrip()
    if len(line) > HEADLINE_MAX or g.headline_end.search(line):
        return None
    return line_start, line_end


def _headline_cue(word: Word, g: Grammar) -> bool:
    """A speech noun or a headline cue word (``강조``) next to a headline quote."""
    return bool(speech_noun(word, g)) or word.text.rstrip(".\N{HORIZONTAL ELLIPSIS}") in g.headline_cues


def _cue_right_after(doc: Doc, g: Grammar, after: list[Word]) -> tuple[int, int, str] | None:
    """``김 대표 "…" 강조``: the predicate or cue word right after the quote."""
    s, e = trim(after[0])
    pred = predicate_of(after[0])
    if pred is not None or _headline_cue(after[0], g):
        return (s, e, pred[0] if pred else doc.text[s:e])
    return None


def _names_the_speaker(last: Word, before: list[Word], g: Grammar) -> bool:
    """Does the word right before the quote end a speaker (a title, a name, a short proper noun)?"""
    tag = last.tokens[0].tag if last.tokens else ""
    short = len(before) <= 3
    return bool(
        title_of(last.text, g.lex)
        or is_korean_name(last.text, g.lex, tag)
        or (short and (tag == "NNP" or org_like(last.text, g.lex)))
    )


def _speaker_after(
    doc: Doc, g: Grammar, after: list[Word], sep_end: int, cue: tuple[int, int, str] | None
) -> tuple[tuple[int, int] | None, tuple[int, int, str] | None]:
    """``"…"…골드만삭스 전망``: the speaker (and a final cue word) after a separator."""
    np_words = after
    tail = after[-1]
    if len(after) > 1 and (_headline_cue(tail, g) or predicate_of(tail)):
        s, e = trim(tail)
        cue = (s, e, doc.text[s:e])
        np_words = after[:-1]
    if 0 < len(np_words) <= 4 and all(not predicate_of(w) for w in np_words):
        return (max(np_words[0].start, sep_end), trim(np_words[-1])[1]), cue
    return None, cue


def _speaker_opening(g: Grammar, before: list[Word]) -> tuple[int, int] | None:
    """``모디 총리, … '…' 치켜세워``: a titled speaker opening the line, before a comma."""
    comma = next((i for i, w in enumerate(before) if w.text.endswith(",")), None)
    if comma is not None and title_of(before[comma].text.rstrip(","), g.lex):
        return (before[0].start, before[comma].end - 1)
    return None


def _line_words(doc: Doc, a: int, b: int) -> list[Word]:
    """The words of ``[a, b)`` outside top-level quotes, across sentences."""
    out: list[Word] = []
    for i in range(doc.sentence_of(a), len(doc.sentences)):
        s = doc.sentences[i].start
        if s >= b:
            break
        out.extend(w for w in doc.words_outside_quotes(i, a, b) if w.end <= b)
    return out


def _introduction_after(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """``"…"`` then ``김 회장은 … 이렇게 말했다.``: the next sentence introduces it."""
    s_start = doc.sentences[sentence].start
    if doc.text[s_start : span.open].strip() or not sentence_like(doc, span, g) or sentence + 1 >= len(doc.sentences):
        return None
    nxt = sentence + 1
    if doc.sentences[nxt].paragraph - doc.sentences[sentence].paragraph > 1:
        return None
    n_start = doc.sentences[nxt].start
    words = list(doc.words(nxt))
    if not words or any(doc.in_top_quote(w.start) for w in words):
        return None
    if not any(w.text in g.intro_demonstratives for w in words):
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
    if cands:
        c = next((c for c in reversed(cands) if c.role == "topic"), cands[-1])
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
