"""Transcripts: direct speech written without quotation marks, in fixed layouts.

Contract: :func:`find_unmarked` reads the lines of a
:class:`~quotes._document.Doc` and returns a :class:`~quotes._speech.Found`
(``unmarked=True``, no marks, cleaned-text offsets) for each utterance set out
in one of these layouts, with its speaker's span when the layout names one, and
the opening marks of interview answers set in quotation marks (left to the
marks) with the interviewee's span:

* a broadcast caption ``[이름 / 직함 : 말]`` (``cue.transcript-caption``), the name
  no credit (``collection_stop`` words: ``사진``, ``자료`` …);
* a speaker label opening the line, ``총 재 - 말``, ``<>김대통령=말``
  (``cue.transcript-label``): the label must be a title or a name
  (spaced letters joined: ``공 보 관``), never a byline or an organisation;
* a bullet item with its attribution after it, ``● 말 (이름. 상황)``
  (``cue.transcript-bullet``);
* interview turns, ``◆이름: 말`` and ``[이름 / 직함]`` label lines (``cue.transcript-turn``,
  :mod:`quotes._turns`);
* an interview set out as questions and answers, ``-질문`` then ``▶답`` (or
  answers alone, ``▲답``), under a line that announces it (``일문일답``, ``인터뷰``, ``문답``, ``회견``): each question
  is speech of the unnamed interviewer (``cue.transcript-question``, no speaker),
  each answer the interviewee's, the first person named on that line
  (``cue.transcript-answer``).

An utterance must read as words said (a clause, or a question); one that opens
with a quotation mark, or is mostly one quotation, is left to the marks.  Speakers come with the rule
``speaker.transcript``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import regex

from ._cues import CueMatch, Grammar
from ._document import Doc, Word
from ._items import BULLETS, _speaker_np
from ._marks import Family, QuotedSpan
from ._mentions import is_korean_name, org_like, title_of
from ._morphology import Token
from ._phrases import noun_phrase_left
from ._sentences import continues
from ._turns import find_turns

if TYPE_CHECKING:
    from ._speech import Found

__all__ = ["find_unmarked"]

#: ``add(start, end, marker, rule, speaker, no_speaker=...)``: record one utterance.
Adder = Callable[..., None]

#: ``[김OO / 한빛구청 과장 : 말]`` on a line of its own.
CAPTION = regex.compile(
    r"(?m)^[ \t]*\[[ \t]*(?P<name>[^\[\]/:\n]{1,20}?)[ \t]*/[ \t]*[^\[\]:\n]{1,40}?[ \t]*[:\N{FULLWIDTH COLON}]"
    r"[ \t]*(?P<body>[^\]\n]+?)[ \t]*\][ \t]*$"
)
#: ``총 재 - 말``, ``<>김대통령=말``: a short label, a separator, the utterance.
LABEL = regex.compile(
    r"(?m)^[ \t]*(?:<>)?[ \t]*(?P<label>[^\s=\-:<>\[\]()][^=\-:\n<>\[\]()]{0,11}?)[ \t]*"
    r"(?:[ \t]-[ \t]|=)[ \t]*(?P<body>\S.*)$"
)
#: ``● 말 (이름. 상황)``: a bullet, the utterance, the attribution (maybe on the next line).
BULLET_ITEM = regex.compile(
    r"(?m)^[ \t]*[\N{BLACK CIRCLE}\N{WHITE CIRCLE}\N{BLACK DIAMOND}\N{WHITE DIAMOND}\N{BLACK SQUARE}\N{WHITE SQUARE}"
    r"\N{BULLET}][ \t]*(?P<body>[^()\n]+?)[ \t]*\n?[ \t]*\((?P<attr>(?:[^()\n]|\([^()\n]*\))+)\)[ \t]*$"
)
#: One word exclaimed or asked (``비밀!``, ``글쎄요?``): an utterance when a bullet and an attribution frame it.
EXCLAIMED = regex.compile(r"\p{Hangul}{1,8}[!?]+")
#: A line opening with a quotation mark (double or corner): a quoted answer when it follows a question.
MARKED_ANSWER = regex.compile(
    r"(?m)^[ \t]*(?P<mark>[\"\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}])"
)
#: ``문: 질문`` / ``답: 답`` (``Q.``, ``A:``, ``[문]``, ``답)``): labelled questions and answers.
QA_LABEL = regex.compile(
    r"(?m)^[ \t]*[\[(<]?(?P<label>\p{Hangul}{1,2}|[QA])[\])>]?[ \t]*[:\N{FULLWIDTH COLON}.)=][ \t]*(?P<body>\S.*)$"
)
QUESTION = regex.compile(r"(?m)^[ \t]*[-\N{HORIZONTAL BAR}\N{EN DASH}][ \t]*(?P<body>[^\s\-].*)$")
ANSWER = regex.compile(
    r"(?m)^[ \t]*[\N{BLACK RIGHT-POINTING TRIANGLE}\N{BLACK UP-POINTING TRIANGLE}][ \t]*(?P<body>\S.*)$"
)
MARKS = regex.compile(
    r"[\"'\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    r"\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT CORNER BRACKET}"
    r"\N{LEFT WHITE CORNER BRACKET}]"
)
#: Sentence-final punctuation or a final ending at the end of an utterance.
SAID_END = regex.compile(r"[.?!\N{HORIZONTAL ELLIPSIS}~]\s*$")
TRAILING_ASIDE = regex.compile(r"\([^()]*\)\s*$")
#: How far back a lead may name the interviewee when no line announces the interview.
LEAD_CHARS = 600
#: Characters that open a new item or a new caption line.
ITEM_LEADS = "<[\N{BLACK RIGHT-POINTING TRIANGLE}\N{BLACK UP-POINTING TRIANGLE}"


def find_unmarked(doc: Doc, g: Grammar) -> tuple[list[Found], dict[int, tuple[int, int] | None]]:
    """The utterances of ``doc`` set out in a transcript layout, in text order, and the quoted
    interview answers (opening mark -> the interviewee's span)."""
    from ._speech import Found

    out: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(
        a: int, b: int, marker: int, rule: str, speaker: tuple[int, int] | None, *, no_speaker: bool = False
    ) -> None:
        a, b = _trim(doc.text, a, b)
        if b - a < 2 or _overlaps(taken, a, b) or _mostly_quoted(doc, a, b):
            return
        bisect.insort(taken, (a, b))
        si = doc.sentence_of(a)
        cm = CueMatch(
            speech=True,
            rules=(rule,),
            speaker_span=(doc.sentence_of(speaker[0]), *speaker) if speaker else None,
            speaker_rule="speaker.transcript" if speaker else None,
        )
        span = QuotedSpan(marker, None, a, b, Family.DOUBLE)
        out.append(Found(span=span, sentence=si, cue=cm, rules=cm.rules, no_speaker=no_speaker, unmarked=True))

    text = doc.text
    for m in CAPTION.finditer(text):
        name = m.group("name").strip()
        named = bool(name) and name.split()[-1] not in g.words("collection_stop")  # 사진, 자료: credits
        if named and _said(m.group("body"), g) and not MARKS.match(m.group("body")):
            n0, n1 = m.span("name")
            add(*m.span("body"), m.start(), "cue.transcript-caption", _trim(text, n0, n1))
    for m in BULLET_ITEM.finditer(text):
        body = m.group("body")
        if MARKS.match(body) or not (_said(body, g) or EXCLAIMED.fullmatch(body.strip())):
            continue  # (one word said aloud, ``비밀!``, is an utterance after a bullet)
        who = _speaker_np(doc, m.start("attr"), m.end("attr"), g, particle=False)
        if who is not None and not who[2]:
            add(*m.span("body"), m.start(), "cue.transcript-bullet", (who[0], who[1]))
    for m in LABEL.finditer(text):
        label = m.group("label")
        if MARKS.match(m.group("body")) or not _label_speaks(label, g, _tag_at(doc, m.start("label"))):
            continue
        a, b = m.start("body"), _paragraph_end(text, m.start("body"), g)
        if _said(text[a:b], g):
            add(a, b, m.start(), "cue.transcript-label", _trim(text, *m.span("label")))
    find_turns(
        text,
        add,
        lambda a, b: text[a:b] not in g.words("caption_label") and is_korean_name(text[a:b], g.lex, _tag_at(doc, a)),
        lambda body: _said(body, g),
        lambda a, b: any(w in text[a:b] for w in g.words("byline_title")),
    )
    answers: dict[int, tuple[int, int] | None] = {}
    _interview(doc, g, add, answers)
    out.sort(key=lambda f: f.span.content_start)
    return out, answers


@attrs.frozen
class _QA:
    """One line of an interview: ``role`` is ``question``, ``answer`` (after ``▶``, ``답:``), ``quoted``
    (an answer in quotation marks, left to the marks) or ``plain`` (an answer line with no marker)."""

    role: str
    marker: int
    start: int
    end: int


def _interview(doc: Doc, g: Grammar, add: Adder, answers: dict[int, tuple[int, int] | None]) -> None:
    """Question and answer lines under a line announcing an interview.

    Questions are ``-질문`` or ``문: 질문`` (``Q:``, ``질문:``); answers ``▶답``, ``▲답``,
    ``답: 답`` (``A:``), an answer in quotation marks on the line after its question
    (``"답"``, ``『답』``; left to the marks, its opening mark kept in
    ``answers`` with the interviewee's span), or a plain line after a
    question.  Without an announcing line, two questions answered in a row are an
    interview too; the interviewee is then the first person the lead before them
    names.
    """
    text = doc.text
    events = _qa_lines(doc, g)
    if not events or (all(e.role == "question" for e in events) and len(events) < 2):
        return
    first = events[0].marker
    header = _header_line(text, first, g)
    lead = header or (max(doc.story_start(first), first - LEAD_CHARS), first)
    block = _qa_block(doc, g, events, header[1] if header else first)
    pairs = sum(1 for q, a in itertools.pairwise(block) if q.role == "question" and a.role != "question")
    if header is None and pairs < 2:
        return
    who = _interviewee(doc, g, *lead)
    for line, nxt in itertools.zip_longest(block, block[1:]):
        if line.role == "quoted":
            answers[line.marker] = who
        elif line.role == "question":
            if nxt is not None and nxt.role != "question":
                add(line.start, line.end, line.marker, "cue.transcript-question", None, no_speaker=True)
        elif _said(text[line.start : line.end], g):
            add(line.start, line.end, line.marker, "cue.transcript-answer", who, no_speaker=who is None)


def _qa_lines(doc: Doc, g: Grammar) -> list[_QA]:
    """Every line that may be a question or an answer, in text order."""
    text = doc.text
    out = [_QA("question", m.start(), m.start("body"), m.end("body")) for m in QUESTION.finditer(text)]
    out += [_QA("answer", m.start(), m.start("body"), 0) for m in ANSWER.finditer(text)]
    asking, answering = g.words("interview_question_label"), g.words("interview_answer_label")
    for m in QA_LABEL.finditer(text):
        asks = m.group("label") in asking
        if not asks and m.group("label") not in answering:
            continue
        out.append(_QA("question" if asks else "answer", m.start(), m.start("body"), m.end("body") if asks else 0))
    out = [e for e in out if not MARKS.match(text, e.start)]
    if any(e.role == "question" for e in out):
        out += [_QA("quoted", m.start("mark"), m.start("mark"), 0) for m in MARKED_ANSWER.finditer(text)]
    return sorted(out, key=lambda e: e.marker)


def _qa_block(doc: Doc, g: Grammar, events: list[_QA], prev: int) -> list[_QA]:
    """The question and answer lines right after ``prev`` (blank lines between them), in order,
    with their ends.  A quoted or plain answer must follow a question."""
    text = doc.text
    block: list[_QA] = []
    for e in events:
        if e.marker < prev:
            continue
        gap = text[prev : e.marker]
        if gap.strip() and block and block[-1].role == "question":
            plain = _plain_answer(doc, g, block, prev, e.marker)
            if plain is not None:
                block.append(plain)
                prev = plain.end
                gap = text[prev : e.marker]
        if gap.strip() and (block or not _short_lines(gap)):
            break  # (only short lines, a page's buttons, between the header and the first question)
        if e.role == "quoted":
            end = _quoted_end(doc, e.marker)
            if not block or block[-1].role != "question" or end is None:
                break
        elif e.role == "answer":
            end = _paragraph_end(text, e.start, g)
        else:
            end = e.end
        block.append(attrs.evolve(e, end=end))
        prev = end
    if block and block[-1].role == "question":
        plain = _plain_answer(doc, g, block, prev, _paragraph_end(text, _skip_space(text, prev), g))
        if plain is not None:
            block.append(plain)
    return block


def _plain_answer(doc: Doc, g: Grammar, block: list[_QA], a: int, b: int) -> _QA | None:
    """An answer written as plain lines between ``a`` and ``b``, after the question ending ``block``.

    The first question answered so must read as a question (``…습니까.``, ``…은?``,
    ``총평은``); the answer runs to ``b`` (the next question) or, last, to its paragraph's end.
    """
    text = doc.text
    start = _skip_space(text, a)
    if start >= b or text[start] in ITEM_LEADS or text[start] in BULLETS or MARKS.match(text, start):
        return None
    q = block[-1]
    answered = any(x.role == "plain" for x in block)
    if not answered and not g.asks.search(text, q.start, q.end):
        return None
    start, end = _trim(text, start, b)
    return _QA("plain", start, start, end) if end > start else None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _short_lines(gap: str) -> bool:
    """Lines of a few characters each (``• 공유``, ``• 프린트``): crawled page buttons."""
    return all(len(line.strip()) <= 12 for line in gap.splitlines())


def _quoted_end(doc: Doc, mark: int) -> int | None:
    """The end of the closed top-level quotation opened at ``mark`` (after its closing mark)."""
    span = next((s for s in doc.tops_in(mark, mark + 1) if s.open == mark), None)
    return None if span is None or span.close is None else span.close + 1


def _header_line(text: str, first: int, g: Grammar) -> tuple[int, int] | None:
    """The last line before ``first`` that announces an interview (within a few lines).

    The announcing words are the ``interview_line`` rows of ``cue_words.tsv``.
    """
    words = g.words("interview_line")
    end = first
    for _ in range(8):
        start = text.rfind("\n", 0, max(0, end - 1)) + 1
        line = text[start:end]
        if any(w in line for w in words):
            return start, end
        if start == 0:
            return None
        end = start
    return None


def _interviewee(doc: Doc, g: Grammar, a: int, b: int) -> tuple[int, int] | None:
    """The first person named on the header line: a titled name or a name (``최 감독과의``)."""
    si = doc.sentence_of(a)
    while si < len(doc.sentences) and doc.sentences[si].start < b:
        words = list(doc.words(si))
        for i, w in enumerate(words):
            if not (a <= w.start < b):
                continue
            noun = _noun_tokens(w)
            if not noun or noun[0].start != w.start:
                continue
            end = noun[-1].end
            stem = doc.text[w.start : end]
            if title_of(stem, g.lex) or is_korean_name(stem, g.lex, noun[0].tag):
                start, _ = noun_phrase_left(doc, words, i, end, g.lex)
                return start, _titles_after(doc, g, words, i, end)
        si += 1
    return None


def _noun_tokens(w: Word) -> list[Token]:
    """The tokens of ``w`` without its particle, copula, ending or punctuation."""
    return [t for t in w.tokens if not t.tag.startswith(("J", "S", "VC", "E"))]


def _titles_after(doc: Doc, g: Grammar, words: list[Word], i: int, end: int) -> int:
    """Extend a name over the titles written after it (``한서진 당선인이`` -> ``한서진 당선인``)."""
    for w in words[i + 1 :]:
        noun = _noun_tokens(w)
        if not noun or noun[0].start != w.start or doc.text[end : w.start].strip():
            break
        if title_of(doc.text[w.start : noun[-1].end], g.lex) is None:
            break
        end = noun[-1].end
    return end


def _tag_at(doc: Doc, pos: int) -> str:
    """The analyser's tag of the word starting at ``pos`` (``NNP`` for a name it knows)."""
    word = next((w for w in doc.words(doc.sentence_of(pos)) if w.start == pos), None)
    return word.tokens[0].tag if word is not None and word.tokens else ""


def _label_speaks(label: str, g: Grammar, tag: str = "") -> bool:
    """A label that names a speaker: a title or a name (``총 재``, ``김대통령``), not a byline."""
    joined = "".join(label.split())
    if not joined or any(w in label for w in g.words("byline_title")) or org_like(joined, g.lex):
        return False
    spaced = len(label.split()) > 1 and all(len(p) == 1 for p in label.split())  # 공 보 관
    if len(label.split()) > 2 and not spaced:
        return False
    return bool(title_of(joined, g.lex) or is_korean_name(joined, g.lex, tag if len(label.split()) == 1 else ""))


def _overlaps(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does ``[a, b)`` overlap a span of the sorted, disjoint list ``taken``?  (Logarithmic.)"""
    k = bisect.bisect_left(taken, (a, a))
    return (k < len(taken) and taken[k][0] < b) or (k > 0 and taken[k - 1][1] > a)


def _mostly_quoted(doc: Doc, a: int, b: int) -> bool:
    """Is ``[a, b)`` mostly one quotation (left to the marks), not a transcript with a quoted term?"""
    return any((s.content_end - s.content_start) * 2 > b - a for s in doc.tops_in(max(0, a - 1), b))


def _said(body: str, g: Grammar) -> bool:
    """An utterance: two words or more ending like a sentence (final punctuation or ending).

    A closing aside in parentheses is read past (``…문제가 없다(고 했습니다)``).
    """
    body = TRAILING_ASIDE.sub("", body.strip())
    return len(body.split()) >= 2 and (bool(SAID_END.search(body)) or bool(g.sentence_like.search(body)))


def _paragraph_end(text: str, a: int, g: Grammar) -> int:
    """Where the utterance starting at ``a`` ends: at its line break, unless the line runs on in
    print style (a particle or a non-final ending before the break, ``…지난듯한\n기분입니다``)."""
    end = a
    while True:
        nl = text.find("\n", end)
        if nl < 0:
            return len(text)
        nxt = text[nl + 1 : nl + 2]
        if not nxt.strip() or nxt in BULLETS or nxt in ITEM_LEADS or not continues(text, nl):
            return nl
        end = nl + 1


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
