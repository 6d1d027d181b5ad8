"""Cues: decide whether a quoted span is reported speech, and by what cue.

Contract: :func:`classify` looks at what follows a top-level quoted span (and,
when nothing follows, at what precedes it and at the next sentence) and
returns a :class:`CueMatch`: speech or not, the cue's span and lemma, the rule
ids that fired, and, when the cue itself names the speaker (``…고 한 X``,
``X의 말이다``, a headline or caption), that speaker's phrase.

Speech is decided from the ending right after the closing mark, read on the
surface (the particle table, ``particles.tsv``):

* quotative ``고/라고/이라고`` + a predicate: speech unless the predicate is a
  naming verb (``'…'라고 불린다``) -- rule ``cue.quotative``;
* connective ``며/라며/면서/라면서``: speech, and the speaker is shared with the
  next quote of the sentence -- ``cue.connective``;
* adnominal ``는/라는/이란`` + a speech noun (``입장``, ``발언``): speech --
  ``cue.adnominal``; + ``게/것이`` … ``X의 설명이다``: ``cue.noun-predicate``;
* a case particle or anything else glued to the mark (``'소버린 AI'를``): not
  speech;
* nothing glued to the mark: speech only by position -- coordinated with the
  next quote (``"A", "B"면서``), ``X의 말이다`` after it, a subject and reporting
  predicate after it (``"…" 김 대표는 말했다``), a headline (``김 대표 "…"``), a
  caption (``<김OO / 연구원> "…"``), an introduction (``이렇게 말했다. "…"``),
  or a quote that is a sentence on its own (a continuation).
"""

from __future__ import annotations

import attrs
import regex

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._marks import Family, QuotedSpan
from ._speakers import is_korean_name, noun_phrase_left, subject_candidates, title_of
from .records import CueKind

__all__ = ["CueMatch", "Grammar", "classify", "predicate_of"]

VERBAL = ("VV", "VA", "VX", "XSV", "XSA")
PUNCT_TAIL = regex.compile(r"[.,?!…·\"“”'‘’)\]]+.*$", regex.DOTALL)
AFTER_NONFINAL = ("뒤", "후", "바", "다음", "직후", "데")
# Speech nouns that, after single marks, name a saying or a text rather than speech.
DOUBLE_ONLY_NOUNS = frozenset({"말", "내용", "글", "문자"})
CONDITIONAL = frozenset({"면", "으면", "다면", "라면", "려면", "으려면", "거든"})
SENTENCE_LIKE = regex.compile(r"(?:[.?!…~]|다|요|죠|까|니다|네|지|군|라|자|냐|나|오|소|세요|어|아|야)[.?!…~\s]*$")
NOUN_PREDICATE_TAIL = regex.compile(r"^(?:이다|입니다|이었다|였다|이었습니다|였습니다|이란다|이라고|다)[.…]*")
INTRO_COLON = regex.compile(r"[:：]\s*$")
HEADLINE_MAX = 150  # characters of a headline line
CAPTION_MAX = 120  # characters of a caption before its quote
CAPTION = regex.compile(
    r"""
      [<\[〈]\s*(?P<name>[^<>\[\]/|:]{1,20}?)\s*[/|]\s*[^<>\[\]]{1,40}?\s*[>\]〉]\s*$   # <이름 / 직함>
    | \[\s*(?:녹취|인터뷰|현장음|싱크|SYNC)\s*[:：]\s*(?P<name>[^\[\]]{1,30}?)\s*\]\s*$     # [녹취: 이름 직함]
    """,
    regex.VERBOSE,
)
ETC = regex.compile(r"\s*등(?:의)?\s+")
HEADLINE_END = regex.compile(r"(?:다|요|죠)[.!]?\s*$|[.!?]\s*$")
HEADLINE_SEP = regex.compile(r"\s*(?:…|\.{2,}|·|,)\s*")
HEADLINE_CUES = frozenset(
    {
        "한목소리",
        "강조",
        "경고",
        "일침",
        "반박",
        "일축",
        "호소",
        "주장",
        "지적",
        "비판",
        "촉구",
        "언급",
        "시사",
        "전망",
        "우려",
        "당부",
        "약속",
        "다짐",
    }
)
# A reporter's byline before a lead quote: [서울파이낸스 홍길동 기자], (서울=연합뉴스) 홍길동 기자 =
BYLINE = regex.compile(r"[\[(【][^\]\)】]{0,40}기자\s*[\]\)】]|\([^()]{1,20}=[^()]{1,20}\)\s*\S{2,4}\s*기자\s*=?")
PAREN_TAIL = regex.compile(r"\(.*$")
CONTINUATION_WORDS = frozenset({"이어", "또", "또한", "그러면서", "이어서", "아울러", "특히", "다만", "그는", "그녀는"})


@attrs.frozen
class CueMatch:
    """What :func:`classify` found for one span (offsets in the cleaned text)."""

    speech: bool
    rules: tuple[str, ...] = ()
    kind: CueKind | None = None
    cue: tuple[int, int, str] | None = None  # start, end, lemma
    links_next: bool = False  # connective: the next quote of the sentence shares the speaker
    coordinated: bool = False  # no ending: takes the cue of the next quote
    clause_end: int = -1  # end of the reporting clause
    speaker_span: tuple[int, int, int] | None = None  # (sentence, start, end) fixed by the cue
    speaker_rule: str | None = None


class Grammar:
    """Compiled tables for cue detection and coreference (built once per lexicon)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        forms = sorted(lex.particles, key=len, reverse=True)
        self.particle = regex.compile(
            r"[ \t]?(?P<p>" + "|".join(regex.escape(f) for f in forms) + r")"
            r"(?=[\s,.…!?·)\]\"“”'‘’]|$)"
        )
        nouns = sorted(lex.speech_nouns, key=len, reverse=True)
        self.speech_noun = regex.compile("(?:" + "|".join(regex.escape(n) for n in nouns) + ")")
        titles = sorted((t for t in lex.titles if len(t) > 1), key=len, reverse=True)
        #: Any title of two or more characters (sentences worth indexing for coreference).
        self.title = regex.compile("|".join(regex.escape(t) for t in titles))


def predicate_of(word: Word) -> tuple[str, bool] | None:
    """``(lemma, ends_adnominal)`` if ``word`` holds a predicate, else ``None``.

    Nouns + ``하/XSV`` give ``noun + 하다`` (``말했다`` -> ``말하다``); a verb with
    an auxiliary gives the compound (``털어놨다`` -> ``털어놓다``).
    """
    toks = word.tokens
    for i, t in enumerate(toks):
        tag = t.tag.split("-")[0]
        if tag not in VERBAL:
            continue
        if tag in ("VA", "XSA") and i + 1 < len(toks) and toks[i + 1].form in ("게", "이") and toks[i + 1].tag == "EC":
            return None  # an adverb made from an adjective: 짧게
        if tag in ("XSV", "XSA") and i > 0:
            stem = toks[i - 1].form + t.form
            if i > 1 and toks[i - 2].tag == "XPN":
                stem = toks[i - 2].form + stem  # 재확인하다
        else:
            stem = t.form
            if i > 0 and toks[i - 1].tag == "NNG" and toks[i - 1].end == t.start:
                stem = toks[i - 1].form + stem  # 이름짓다: a noun glued to the verb
            j = i + 1
            while (
                j + 1 < len(toks)
                and toks[j].tag == "EC"
                and toks[j].form in ("어", "아")
                and toks[j + 1].tag.startswith("VX")
            ):
                stem = contract(stem, toks[j].form) + toks[j + 1].form
                j += 2
        ends_adnominal = any(x.tag == "ETM" for x in toks[i + 1 :]) and not any(
            x.tag in ("EF", "EC") for x in toks[i + 1 :]
        )
        return stem + "다", ends_adnominal
    return None


def contract(stem: str, ending: str) -> str:
    """Join a verb stem and ``어/아`` as written (``새기`` + ``어`` -> ``새겨``).

    >>> contract("새기", "어"), contract("털", "어"), contract("하", "어")
    ('새겨', '털어', '해')
    """
    last = stem[-1]
    code = ord(last) - 0xAC00
    if not 0 <= code < 11172 or code % 28:
        return stem + ending
    lead, vowel = divmod(code // 28, 21)
    if last == "하":
        return stem[:-1] + "해"
    merged = {20: 6, 13: 14, 8: 9, 18: 4, 0: 0, 4: 4, 1: 1, 5: 5}.get(
        vowel
    )  # ㅣ→ㅕ ㅜ→ㅝ ㅗ→ㅘ ㅡ→ㅓ; ㅏ ㅓ ㅐ ㅔ stay
    if merged is None:
        return stem + ending
    return stem[:-1] + chr(0xAC00 + (lead * 21 + merged) * 28)


def _trim(word: Word) -> tuple[int, int]:
    m = PUNCT_TAIL.search(word.text)
    end = word.start + (m.start() if m else len(word.text))
    return word.start, max(end, word.start + 1)


def _words_after(doc: Doc, sentence: int, pos: int) -> list[Word]:
    return doc.words_outside_quotes(sentence, pos)


def classify(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch:
    """Decide whether ``span`` is speech and find its cue (see module docs)."""
    if span.close is None:
        return _unattached(doc, span, sentence, g, unclosed=True)
    after = span.close + 1
    m = g.particle.match(doc.text, after)
    if m is None:
        glued = after < len(doc.text) and not doc.text[after].isspace() and doc.text[after] not in ",.…!?·)]"
        if glued:
            return CueMatch(False, ("cue.case-particle",))
        return _unattached(doc, span, sentence, g, unclosed=False)
    form = m.group("p")
    row = g.lex.particles[form]
    pstart, pend = m.start("p"), m.end("p")
    if row.kind == "connective":
        return CueMatch(
            True, ("cue.connective", row.id), CueKind.CONNECTIVE, (pstart, pend, form), links_next=True, clause_end=pend
        )
    if row.kind == "quotative":
        return _quotative(doc, span, sentence, g, pstart, pend, row.id)
    return _adnominal(doc, span, sentence, g, pend, row.id)


def _quotative(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, pstart: int, pend: int, pid: str) -> CueMatch:
    words = _words_after(doc, sentence, pend)
    for i, w in enumerate(words):
        pred = predicate_of(w)
        if pred is None:
            continue
        lemma, adnominal = pred
        nxt = words[i + 1] if i + 1 < len(words) else None
        row = g.lex.predicates.get(lemma)
        if adnominal:
            if nxt is not None and nxt.text.startswith(AFTER_NONFINAL) and row is not None:
                pass  # "…"고 말한 뒤: a non-final reporting predicate
            elif i == 0 and nxt is not None and (row is not None or lemma == "하다"):
                if row is not None and row.kind == "naming":
                    return CueMatch(False, ("cue.quotative", pid, row.id, "cue.naming"))
                np = _phrase_right(doc, sentence, words, i + 1, g)
                if np is not None:
                    s, e = _trim(w)
                    return CueMatch(
                        True,
                        ("cue.quotative", pid, "cue.relative-clause"),
                        CueKind.PREDICATE,
                        (s, e, lemma),
                        clause_end=e,
                        speaker_span=(sentence, *np),
                        speaker_rule="speaker.relative-head",
                    )
                continue
            else:
                continue
        s, e = _trim(w)
        rules = ["cue.quotative", pid]
        if any(t.tag == "EC" and t.form in CONDITIONAL for t in w.tokens):
            return CueMatch(False, (*rules, "cue.conditional"))  # "…"라고 말하면: a hypothetical
        if row is None:
            rules.append("cue.unlisted-predicate")
            prev = words[i - 1] if i > 0 else None
            if prev is not None and prev.tokens and prev.tokens[-1].tag in ("JKO", "JX") and prev.end + 1 >= w.start:
                s = prev.start  # an idiom: 분통을 터트렸다, 목소리를 높였다
        else:
            rules.append(row.id)
            if row.kind == "naming":
                return CueMatch(False, (*rules, "cue.naming"))
            if row.kind == "belief":
                rules.append("cue.belief")
        return CueMatch(True, tuple(rules), CueKind.PREDICATE, (s, e, lemma), clause_end=e)
    return CueMatch(
        True,
        ("cue.quotative", pid, "cue.no-predicate"),
        CueKind.CONNECTIVE,
        (pstart, pend, doc.text[pstart:pend]),
        clause_end=pend,
    )


def _phrase_right(doc: Doc, sentence: int, words: list[Word], i: int, g: Grammar) -> tuple[int, int] | None:
    """The noun phrase that starts at ``words[i]``, up to its particle."""
    for j in range(i, min(i + 5, len(words))):
        w = words[j]
        toks = w.tokens
        if not toks:
            return None
        jpos = next((t.start for t in toks if t.tag.startswith("J")), None)
        if jpos is not None and jpos > w.start:
            return words[i].start, jpos
        if any(t.tag.startswith(("E", "V")) for t in toks):
            return None
    return None


def _adnominal(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, pend: int, pid: str) -> CueMatch:
    words = _words_after(doc, sentence, pend)
    if not words or words[0].start > pend + 1:
        return CueMatch(False, ("cue.adnominal", pid, "cue.no-noun"))
    w0 = words[0]
    if w0.text in ("게", "것이", "것은", "건", "거"):
        found = _noun_predicate(doc, sentence, words[1:], g)
        if found is not None:
            return found
        return CueMatch(False, ("cue.adnominal", pid, "cue.no-owner"))
    if w0.text in ("등", "등의") and len(words) > 1:  # "…"는 등의 비판
        w0 = words[1]
    noun = _speech_noun(w0, g)
    if noun is None:
        return CueMatch(False, ("cue.adnominal", pid, "cue.not-speech-noun"))
    if noun in DOUBLE_ONLY_NOUNS and span.family == Family.SINGLE:
        return CueMatch(False, ("cue.adnominal", pid, "cue.saying"))  # '…'라는 말: a saying, a slogan
    row = g.lex.speech_nouns[noun]
    return CueMatch(
        True,
        ("cue.adnominal", pid, row.id),
        CueKind.ADNOMINAL,
        (w0.start, w0.start + len(noun), noun),
        clause_end=w0.start + len(noun),
    )


def _speech_noun(word: Word, g: Grammar) -> str | None:
    """The speech noun ``word`` starts with, if the rest is only particles."""
    m = g.speech_noun.match(word.text)
    if m is None:
        return None
    end = word.start + m.end()
    rest = [t for t in word.tokens if t.start >= end]
    if any(not t.tag.startswith(("J", "S")) for t in rest):
        return None  # 글귀 is not 글 + particle
    if any(t.start < end < t.end for t in word.tokens):
        return None
    return m.group()


def _clause_end(words: list[Word]) -> int:
    """End of the first finite predicate among ``words`` (or of the last word)."""
    for w in words:
        pred = predicate_of(w)
        if pred is not None and not pred[1]:
            return _trim(w)[1]
    return words[-1].end if words else -1


def _noun_predicate(doc: Doc, sentence: int, words: list[Word], g: Grammar) -> CueMatch | None:
    """``X의 말이다`` among ``words``: the speech noun, and X as the speaker."""
    all_words = doc.words(sentence)
    for w in words:
        m = g.speech_noun.match(w.text)
        if m is None or not NOUN_PREDICATE_TAIL.match(w.text[m.end() :]):
            continue
        k = next(i for i, x in enumerate(all_words) if x.start == w.start)
        if k == 0:
            continue
        owner = all_words[k - 1]
        if not owner.text.endswith("의") or len(owner.text) < 2:
            continue
        start, _ = noun_phrase_left(doc, all_words, k - 1, owner.end - 1, g.lex)
        noun = m.group()
        return CueMatch(
            True,
            ("cue.noun-predicate", g.lex.speech_nouns[noun].id),
            CueKind.NOUN_PREDICATE,
            (w.start, w.start + len(noun) + 2 if w.text[len(noun) :].startswith("이다") else w.start + len(noun), noun),
            clause_end=_trim(w)[1],
            speaker_span=(sentence, start, owner.end - 1),
            speaker_rule="speaker.noun-predicate",
        )
    return None


def _sentence_like(doc: Doc, span: QuotedSpan) -> bool:
    content = doc.text[span.content_start : span.content_end].strip()
    return len(content.split()) >= 2 and bool(SENTENCE_LIKE.search(content))


def _unattached(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, *, unclosed: bool) -> CueMatch:
    """A span with nothing glued after its closing mark (or no closing mark)."""
    s_start, s_end = doc.sentences[sentence].start, doc.sentences[sentence].end
    end = doc.span_end(span)
    tail = doc.text[end:s_end]
    rules: tuple[str, ...] = ()
    if not unclosed:
        etc = ETC.match(tail)
        if etc is not None:  # "A", "B" 등의 (다양한) 반응
            for w in _words_after(doc, sentence, end + etc.end())[:3]:
                noun = _speech_noun(w, g)
                if noun is not None:
                    return CueMatch(
                        True,
                        ("cue.adnominal", "cue.etc", g.lex.speech_nouns[noun].id),
                        CueKind.ADNOMINAL,
                        (w.start, w.start + len(noun), noun),
                        clause_end=w.start + len(noun),
                    )
        nxt = doc.next_top(span)
        if nxt is not None and nxt.open >= end and not doc.text[end : nxt.open].strip(" \t,·"):
            return CueMatch(False, ("cue.coordinated",), coordinated=True)
        words = _words_after(doc, sentence, end)
        found = _noun_predicate(doc, sentence, words[:8], g)
        if found is None and not tail.strip() and sentence + 1 < len(doc.sentences):
            nxt_words = list(doc.words(sentence + 1))
            if nxt_words and not any(doc.in_top_quote(w.start) for w in nxt_words):
                found = _noun_predicate(doc, sentence + 1, nxt_words[-1:], g)
        if found is None and not tail.strip():
            found = _introduction_after(doc, span, sentence, g)
        if found is not None:
            return found
        if _sentence_like(doc, span) and words:
            cands = subject_candidates(doc, sentence, end, s_end, g.lex)
            for w in words:
                pred = predicate_of(w)
                if pred is None or pred[1]:
                    continue
                row = g.lex.predicates.get(pred[0])
                if row is not None and row.kind != "naming" and cands and cands[0].end < w.start:
                    s, e = _trim(w)
                    return CueMatch(
                        True, ("cue.bare-quote-first", row.id), CueKind.PREDICATE, (s, e, pred[0]), clause_end=e
                    )
                break
    before = doc.text[s_start : span.open]
    line_start = doc.text.rfind("\n", max(0, span.open - CAPTION_MAX), span.open) + 1
    cap = CAPTION.search(doc.text, max(line_start, span.open - CAPTION_MAX), span.open)
    if cap is not None:
        n0, n1 = cap.span("name")
        return CueMatch(
            True,
            (*rules, "cue.caption"),
            CueKind.CAPTION,
            None,
            speaker_span=(sentence, n0, n1),
            speaker_rule="speaker.caption",
        )
    head = _headline(doc, span, sentence, g)
    if head is not None and not unclosed:
        return head
    intro = _introduction(doc, span, sentence, g, before)
    if intro is not None:
        return attrs.evolve(intro, rules=(*rules, *intro.rules))
    if not unclosed and _sentence_like(doc, span):
        after_np = _juxtaposed_after(doc, span, sentence, g)
        if after_np is not None:
            return after_np
    outside = BYLINE.sub(" ", doc.text[s_start : span.open]).split() + tail.split()
    if all(w.strip(".,") in CONTINUATION_WORDS for w in outside) and (_sentence_like(doc, span) or unclosed):
        return CueMatch(True, (*rules, "cue.standalone"))
    if unclosed and subject_candidates(doc, sentence, s_start, span.open, g.lex):
        return CueMatch(True, (*rules, "cue.unclosed-after-subject"))
    return CueMatch(False, (*rules, "cue.none"))


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
    words = [w for w in _words_after(doc, sentence, end) if w.start < core_end]
    if not 0 < len(words) <= 5:
        return None
    last_text = doc.text[words[-1].start : core_end].rstrip(" .,")
    if title_of(last_text, g.lex) is None or any(predicate_of(w) for w in words):
        return None
    return CueMatch(
        True,
        ("cue.juxtaposed-after",),
        None,
        None,
        speaker_span=(sentence, words[0].start, words[-1].start + len(last_text)),
        speaker_rule="speaker.juxtaposed",
    )


def _headline(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """Headline juxtaposition on a short line without a final ``다.``.

    ``김 대표 "…"`` (speaker right before), ``"…"…골드만삭스 전망`` (speaker
    after), ``모디 총리, … '…' 치켜세워`` (speaker opening the line).
    """
    # Look for the line's ends only near the quote: a headline is short.
    lo, hi = max(0, span.open - HEADLINE_MAX - 1), min(len(doc.text), span.open + HEADLINE_MAX + 2)
    line_start = doc.text.rfind("\n", lo, span.open) + 1
    line_end = doc.text.find("\n", span.open, hi)
    if (line_start == 0 and lo > 0) or (line_end < 0 and hi < len(doc.text)):
        return None  # the line is longer than any headline
    line_end = len(doc.text) if line_end < 0 else line_end
    line = doc.text[line_start:line_end].rstrip()
    if len(line) > HEADLINE_MAX or HEADLINE_END.search(line):
        return None
    words = _line_words(doc, line_start, line_end)
    before = [w for w in words if w.end <= span.open]
    after = [w for w in words if w.start >= doc.span_end(span)]
    cue = None
    if after and not HEADLINE_SEP.match(doc.text, doc.span_end(span)):
        s, e = _trim(after[0])
        pred = predicate_of(after[0])
        noun = _speech_noun(after[0], g)
        if pred is not None or noun is not None or after[0].text.rstrip(".…") in HEADLINE_CUES:
            cue = (s, e, pred[0] if pred else doc.text[s:e])
    speaker: tuple[int, int] | None = None
    if before and not doc.text[before[-1].end : span.open].strip():
        last = before[-1]
        tag = last.tokens[0].tag if last.tokens else ""
        if title_of(last.text, g.lex) or is_korean_name(last.text, g.lex, tag) or (tag == "NNP" and len(before) <= 3):
            start, _ = noun_phrase_left(doc, before, len(before) - 1, last.end, g.lex)
            speaker = (start, last.end)
        elif _speech_noun(last, g) or last.text in HEADLINE_CUES or last.text + "하다" in g.lex.predicates:
            s, e = _trim(last)
            return CueMatch(
                True, ("cue.headline", "cue.headline-cue-before"), CueKind.HEADLINE, (s, e, last.text), clause_end=e
            )
    if speaker is None and after and HEADLINE_SEP.match(doc.text, doc.span_end(span)):
        np_words = after
        tail = after[-1]
        if len(after) > 1 and (_speech_noun(tail, g) or tail.text.rstrip(".…") in HEADLINE_CUES or predicate_of(tail)):
            s, e = _trim(tail)
            cue = (s, e, doc.text[s:e])
            np_words = after[:-1]
        sep = HEADLINE_SEP.match(doc.text, doc.span_end(span))
        if 0 < len(np_words) <= 4 and sep is not None and all(not predicate_of(w) for w in np_words):
            speaker = (max(np_words[0].start, sep.end()), _trim(np_words[-1])[1])
    if speaker is None and cue is not None and before:
        comma = next((i for i, w in enumerate(before) if w.text.endswith(",")), None)
        if comma is not None and title_of(before[comma].text.rstrip(","), g.lex):
            speaker = (before[0].start, before[comma].end - 1)
    if speaker is None:
        return None
    return CueMatch(
        True,
        ("cue.headline",),
        CueKind.HEADLINE,
        cue,
        clause_end=cue[1] if cue else -1,
        speaker_span=(sentence, *speaker),
        speaker_rule="speaker.headline",
    )


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
    if doc.text[s_start : span.open].strip() or not _sentence_like(doc, span) or sentence + 1 >= len(doc.sentences):
        return None
    nxt = sentence + 1
    if doc.sentences[nxt].paragraph - doc.sentences[sentence].paragraph > 1:
        return None
    n_start = doc.sentences[nxt].start
    words = list(doc.words(nxt))
    if not words or any(doc.in_top_quote(w.start) for w in words):
        return None
    if not any(w.text in ("이렇게", "이같이", "이와", "이처럼") for w in words):
        return None
    pred = predicate_of(words[-1])
    row = g.lex.predicates.get(pred[0]) if pred else None
    if pred is None or row is None or row.kind in ("naming", "belief"):
        return None
    cands = subject_candidates(doc, nxt, n_start, words[-1].start, g.lex)
    if not cands:
        return None
    c = next((c for c in cands if c.role == "topic"), cands[0])
    s, e = _trim(words[-1])
    return CueMatch(
        True,
        ("cue.introduction-after", row.id),
        CueKind.INTRODUCTION,
        (s, e, pred[0]),
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
    s, e = _trim(words[-1])
    speaker = None
    if cands:
        c = next((c for c in reversed(cands) if c.role == "topic"), cands[-1])
        speaker = (target, c.start, c.end)
    return CueMatch(
        True,
        ("cue.introduction", row.id),
        CueKind.INTRODUCTION,
        (s, e, pred[0]),
        clause_end=e,
        speaker_span=speaker,
        speaker_rule="speaker.introduction" if speaker else None,
    )
