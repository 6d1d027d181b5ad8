"""Headlines: quotes on a short headline line, with or without their speaker.

Contract: :func:`headline` decides a closed quote on a headline line (short,
no final ``다.``) that stands next to its speaker -- ``김 대표 "…"``, ``이 총리…"…"``,
``"…"…골드만삭스 전망``, ``모디 총리, … '…' 치켜세워``, ``"…" 김 지사, …`` -- or next to a speech noun
(``… 강조 "…"``), and returns a :class:`~quotes._cues.CueMatch` (``cue.headline``,
``speaker.headline``) or ``None``.  :func:`headline_alone` takes a double-marked
clause on a headline line with no speaker (``cue.headline-alone``), tried only
after the continuation rule has declined the quote.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ._cues import CueMatch, Grammar, sentence_like, speech_noun
from ._document import Doc, Word
from ._items import BULLETS
from ._marks import Family, QuotedSpan
from ._mentions import is_korean_name, is_speaker, org_like, parse_mention, title_of
from ._phrases import noun_phrase_left, predicate_of, trim
from .records import CueKind, SpeakerKind

__all__ = ["bare_noun", "headline", "headline_alone", "on_headline_line"]

HEADLINE_MAX = 150  # characters of a headline line
HEADLINE_SEP = regex.compile(r"\s*(?:\N{HORIZONTAL ELLIPSIS}|\N{TWO DOT LEADER}|\.{2,}|\N{MIDDLE DOT}|,|\|)\s*")
#: Fewest words of a quote alone on its line read as a subheading (``"별빛 정원"`` is a title).
ALONE_MIN_WORDS = 3
#: A finished sentence on a line (``말했다. ``): running text, not a headline.
SENTENCE_END = regex.compile(r"[.?!](?:\s|$)")
#: What may stand between a headline speaker and its quote (``총리…"…"``, ``장관, "…"``).
HEADLINE_BEFORE_SEPS = ",:|\N{HORIZONTAL ELLIPSIS}\N{TWO DOT LEADER}"


def headline(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """Headline juxtaposition on a short line without a final ``다.``.

    ``김 대표 "…"`` (speaker right before), ``"…"…골드만삭스 전망`` (speaker
    after), ``모디 총리, … '…' 치켜세워`` (speaker opening the line).
    """
    bounds = _headline_line(doc, span, g) if _headline_quote(doc, span, g) else None
    if bounds is None:
        return None
    words = _line_words(doc, *bounds)
    before = [w for w in words if w.end <= span.open]
    if _in_parenthesis(before):
        return None  # inside an attribution or an aside: ``"…" (김 의원, 국감에서 박 의원의 '…' 주장을 …)``
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
            opener = _speaker_opening(g, before, organisations=True)  # 박 대변인, 야당에 일침…"…"
            return CueMatch(
                speech=True,
                rules=("cue.headline", "cue.headline-cue-before"),
                kind=CueKind.HEADLINE,
                cue=(s, e, last.text),
                clause_end=e,
                speaker_span=(sentence, *opener) if opener else None,
                speaker_rule="speaker.headline" if opener else None,
            )
    if speaker is None and after and sep:
        speaker, cue = _speaker_after(doc, g, after, sep.end(), cue)
    rule = "speaker.headline"
    if speaker is None and not before and after and not sep:
        speaker = _speaker_after_comma(doc, g, span, after)
        rule = "speaker.headline-comma"
        if speaker is not None and len(after) > 1 and _headline_cue(after[-1], g):  # (… 사퇴 요구 일축)
            s, e = trim(after[-1])
            cue = (s, e, doc.text[s:e])
    # a titled person opening the line needs no cue word after a quote that ends the line, when a
    # verb leads into it (``박 장관, 현장 찾아 "…"``; not ``봉 감독, 신작 "…" 개봉``, ``…, 유족들 울분 "…"``)
    if speaker is None and before and (cue is not None or (not after and predicate_of(before[-1], g.lex))):
        speaker = _speaker_opening(g, before, organisations=cue is not None)
    if speaker is None:
        return None
    return CueMatch(
        speech=True,
        rules=("cue.headline",),
        kind=CueKind.HEADLINE,
        cue=cue,
        clause_end=cue[1] if cue else -1,
        speaker_span=(sentence, *speaker),
        speaker_rule=rule,
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
    if text.endswith(("]", "\N{RIGHT BLACK LENTICULAR BRACKET}")):
        return None  # a bracketed tag or credit ([사진, 연합뉴스] "…"); captions are collection items
    if not text or (text != last.text and len(last.text) - len(text) > 1):
        return None
    end = last.start + len(text)
    lead = len(text) - len(text.lstrip(HEADLINE_BEFORE_SEPS))
    if lead:  # ``"…"‥이민호 "…"``: a separator glued before the name; the name alone speaks
        a = last.start + lead
        toks = [t for t in last.tokens if a <= t.start < end]
        tags = [toks[0].tag] if toks else [""]
        ok = bare_noun(last, end, a) and is_speaker([doc.text[a:end]], tags, g.lex)
        return (a, end) if ok and not (span_single and not clause) else None
    if _names_the_speaker(last, before, g) and text == last.text:
        start, words = _past_versus(*noun_phrase_left(doc, before, len(before) - 1, last.end, g.lex), g)
        if span_single and not clause and len(words) == 1 and title_of(last.text, g.lex):
            return None  # 방문객 '웃음 두 배': a bare role title and a single-marked label
        return (start, last.end)
    if not bare_noun(last, end) or (span_single and not clause):
        return None
    start, words = _past_versus(*noun_phrase_left(doc, before, len(before) - 1, end, g.lex), g)
    texts = [doc.text[w.start : min(w.end, end)] for w in words]
    tags = [w.tokens[0].tag if w.tokens else "" for w in words]
    if is_speaker(texts, tags, g.lex) and is_speaker(texts[-1:], tags[-1:], g.lex):
        return (start, end)
    return None


def _past_versus(start: int, words: Sequence[Word], g: Grammar) -> tuple[int, Sequence[Word]]:
    """``박정훈 "…" vs 김도윤 "…"``: a ``headline_versus`` word opens no speaker's name."""
    versus = g.lex.words.get("headline_versus", {})
    while words and words[0].text in versus:
        words = words[1:]
        start = words[0].start if words else start
    return start, words  # (no words: a lone vs names no one)


def bare_noun(word: Word, end: int, start: int = -1) -> bool:
    """Nouns only in ``[start, end)`` (no particle, ending or predicate): ``김 대표``, not ``의원은``."""
    toks = [t for t in word.tokens if start <= t.start < end]
    return bool(toks) and all(t.tag.startswith(("NN", "SH", "SL", "SN", "XSN", "XPN")) for t in toks)


def headline_alone(doc: Doc, span: QuotedSpan, g: Grammar) -> CueMatch | None:
    """A double-marked headline quote with no speaker on its line: words said when it reads as a clause.

    ``"살려 주세요" 신고 5분 만에 …``, ``"기름 냄새 났다"…원인 조사``, or a line that is
    nothing but a quote of three words or more (a subheading under the headline).
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
    alone = line == doc.text[span.open : doc.span_end(span)].strip() and len(line.split()) >= ALONE_MIN_WORDS
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


def on_headline_line(doc: Doc, span: QuotedSpan, g: Grammar) -> bool:
    """Is the quote on a line that can be a headline (short, no final ``다.``), outside a parenthesis?"""
    bounds = _headline_line(doc, span, g)
    return bounds is not None and not _in_parenthesis([w for w in _line_words(doc, *bounds) if w.end <= span.open])


def _in_parenthesis(before: Sequence[Word]) -> bool:
    """Do the words before the quote on its line leave a parenthesis open?"""
    return sum(w.text.count("(") - w.text.count(")") for w in before) > 0


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
    if any(t.tag == "JKB" for t in last.tokens):
        return False  # 미국엔 "…" 요구: an addressee or a place (에, 에게, 에서), never the speaker
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
    if 0 < len(np_words) <= 4 and all(not predicate_of(w) and not _particle_inside(w) for w in np_words):
        start, end = max(np_words[0].start, sep_end), trim(np_words[-1])[1]
        return ((start, end) if start < end else None), cue  # ``"…"|``: no name after the separator
    return None, cue


#: Most words of a speaker between a line-opening quote and its comma (``"…" 김 지사, …``).
AFTER_COMMA_WORDS = 4


def _speaker_after_comma(doc: Doc, g: Grammar, span: QuotedSpan, after: list[Word]) -> tuple[int, int] | None:
    """``"…" 김 지사, 사퇴 요구 일축``: a clause opening the line, then its speaker and a comma.

    The words up to the first comma are bare nouns (``"…" 신고에 신속 대응,`` has a
    particle: the call is reported, no one speaks) that parse as a speaker, their head
    word too (``"…" 마라톤 열풍,`` is a topic, not a speaker).
    """
    if not sentence_like(doc, span, g):
        return None
    comma = next((i for i, w in enumerate(after[:AFTER_COMMA_WORDS]) if w.text.endswith(",")), None)
    if comma is None:
        return None
    words = after[: comma + 1]
    end = words[-1].end - 1
    texts = [doc.text[w.start : min(w.end, end)] for w in words]
    if not all(bare_noun(w, w.start + len(t)) or org_like(t, g.lex) for w, t in zip(words, texts, strict=True)):
        return None
    tags = [w.tokens[0].tag if w.tokens else "" for w in words]
    parts = parse_mention(texts, tags, g.lex)
    # a title, an organisation or a collective heads it (a bare name could be a place: ``"…" 이태원, …``)
    held = title_of(texts[-1], g.lex) or org_like(texts[-1], g.lex) or parts.kind == SpeakerKind.COLLECTIVE
    return (words[0].start, end) if held and is_speaker(texts, tags, g.lex) else None


def _particle_inside(w: Word) -> bool:
    """``명령도``: a word with an auxiliary or case particle (the word's last, or before more words
    of the phrase) belongs to a clause, not to a speaker's name (``"…"…사회봉사 명령도 병과``)."""
    return any(t.tag.startswith("J") and t.tag != "JKG" for t in w.tokens)


def _speaker_opening(g: Grammar, before: list[Word], *, organisations: bool) -> tuple[int, int] | None:
    """``모디 총리, … '…' 치켜세워``, ``한빛시, …``: a titled speaker or an organisation opening the line,
    before a comma (an organisation only with a cue word after the quote: ``한빛시, 설문 "…" 68%``
    reports what others said; ``박 장관, 현장 찾아 "…"`` is the minister's)."""
    comma = next((i for i, w in enumerate(before) if w.text.endswith(",")), None)
    if comma is None:
        return None
    words = [w.text.rstrip(",") for w in before[: comma + 1]]
    tags = [w.tokens[0].tag if w.tokens else "" for w in before[: comma + 1]]
    if title_of(words[-1], g.lex) or (
        organisations and len(words) <= 2 and org_like(words[-1], g.lex) and is_speaker(words, tags, g.lex)
    ):
        return (before[0].start, before[comma].end - 1)  # (정부, 노조엔 "…" 촉구: an organisation too)
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
