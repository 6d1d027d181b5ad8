"""Indirect and other reported speech without quotation marks.

Contract: :func:`find_indirect` scans the sentences of a document (outside
top-level quotes) for the endings that report speech, read from the analyser's
tags, and returns one :class:`Item` per reported clause with its kind, span,
cue and rule ids.  Speakers are assigned afterwards by the same speaker stage
as direct quotes (chains, subject before or after, inheritance).

* ``indirect``: a clause + ``-다고/-라고/-냐고/-자고`` + a reporting predicate
  (``경기가 회복될 것이라고 밝혔다``); ``-다며/-라며/-다면서`` (the speaker's
  main clause goes on); ``-다는/-라는`` + a frame noun (입장, 방침, 뜻 …) + a
  predicate or copula (``…라는 입장이다``); ``…다는 게 X의 설명이다``.
* ``mixed``: such a clause that holds a quoted fragment that is not speech on
  its own (``합의가 "새로운 출발점"이 될 것이라고 말했다``).
* ``according_to``: ``X에 따르면 / 의하면 …``: the rest of the sentence.
* ``hearsay``: sourceless frames (``…다고 한다``, ``…것으로 알려졌다``,
  ``…는 지적이 나온다``), never given a speaker.
* ``belief``: ``-다고 봤다/생각했다/믿는다``.

Span convention (the evaluation's): the reported clause from its first word
up to the last syllable before the quotative ending (``경기가 회복될 것이라``).
A clause whose predicate itself reports (``…고 말했다고 통신이 보도했다``)
merges into the outer one, attributed to the outer speaker.
"""

from __future__ import annotations

import attrs
import regex

from ._clause_start import ATTRIBUTION_HEAD, after_attribution_head, start_after_subject
from ._cues import CueMatch, Grammar, noun_predicate, owned_noun
from ._document import Doc, Word
from ._forecast import forecast_verb
from ._phrases import noun_phrase_left, predicate_of, subject_candidates
from .records import CueKind, QuoteKind

__all__ = ["Item", "find_indirect"]

# The endings, frame nouns and hearsay words are classes of ``cue_words.tsv``,
# compiled once in :class:`~quotes._cues.Grammar`.
FINAL_PUNCT = regex.compile(
    r"[\s.,!?\N{HORIZONTAL ELLIPSIS}\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK})\]]+$"
)


@attrs.frozen(kw_only=True)
class Item:
    """A reported clause (cleaned-text offsets)."""

    kind: QuoteKind
    start: int
    end: int
    sentence: int
    cue: CueMatch
    no_speaker: bool = False


def _ending(word: Word, g: Grammar) -> tuple[str, str] | None:
    """``(role, form)`` if ``word`` ends in a reporting ending."""
    toks = [t for t in word.tokens if not t.tag.startswith("S")]
    if len(toks) > 1 and toks[-1].tag == "JX" and toks[-1].form == "도":
        toks = toks[:-1]  # …다면서도, …다고도
    if not toks:
        return None
    last = toks[-1]
    if last.tag == "EC" and last.form in g.quotative_ec:
        return "quotative", last.form
    if last.tag == "EC" and last.form in g.connective_ec:
        return "connective", last.form
    if (
        last.tag == "EC"
        and last.form in g.hada_connective
        and len(toks) >= 3
        and toks[-2].form == g.light_verb[:-1]
        and toks[-3].tag == "EC"
        and toks[-3].form in g.quotative_ec
    ):
        return "connective", last.form  # 복잡하다면서도 = 복잡하다고 하면서도
    if last.tag == "ETM" and last.form in g.adnominal_etm:
        return "adnominal", last.form
    if FINAL_PUNCT.sub("", word.text) in g.forecast_links:
        return "forecast", word.text
    return None


def _clause_end(word: Word, g: Grammar) -> int:
    """Offset before the quotative particle (``…것이라|고``, ``…하다|며``)."""
    text = FINAL_PUNCT.sub("", word.text)
    for suffix in g.reporting_suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return word.start + len(text) - len(suffix)
    return word.start + len(text)


def find_indirect(doc: Doc, g: Grammar, speech_spans: set[int], *, hearsay: bool = True) -> list[Item]:
    """Every reported clause of ``doc`` (see the module docstring).

    ``speech_spans`` holds the opening offsets of top-level quotes already
    found to be speech: a clause never swallows one of them.  With
    ``hearsay=False`` sentences whose only cue is ``것으로`` are skipped (they
    can only give hearsay items).
    """
    out: list[Item] = []
    prefilter = g.prefilter if hearsay else g.prefilter_no_hearsay
    for si, sent in enumerate(doc.sentences):
        if not prefilter.search(doc.text, sent.start, sent.end):
            continue
        out.extend(_in_sentence(doc, g, si, speech_spans))
    return out


def _in_sentence(doc: Doc, g: Grammar, si: int, speech_spans: set[int]) -> list[Item]:
    s_start = doc.sentences[si].start
    words = doc.words_outside_quotes(si)
    items: list[Item] = []
    boundary = after_attribution_head(doc, s_start, speech_spans)
    speech_end = -1  # end of the last direct quote spoken before the clause
    frame: Item | None = None  # X에 따르면: the rest of the sentence
    for i, w in enumerate(words):
        # A direct quote spoken in this sentence ends any clause before it.
        for span in doc.tops_in(boundary, w.start):
            if span.open in speech_spans:
                boundary = max(boundary, doc.span_end(span) + 1)
                speech_end = doc.span_end(span)
                head = ATTRIBUTION_HEAD.match(doc.text, doc.span_end(span))
                if head is not None:  # "…" (김 의원, 국감에서 …다고 답하자): the item's speaker is no clause
                    boundary = max(boundary, head.end())
        if w.start < boundary:
            continue
        if frame is None:
            frame = _according_to(doc, g, si, words, i)
            if frame is not None:
                boundary = w.end
                continue
        found = _ending(w, g)
        if found is None or doc.glued_to_close(w) or _spaced_ending(doc, g, w):
            continue
        role, form = found
        end = _clause_end(w, g)
        rest = words[i + 1 :]
        item: Item | None = None
        if role == "forecast":
            item = _forecast(doc, g, si, rest, boundary, w)
        elif role == "quotative":
            item = _quotative(doc, g, si, rest, boundary, end, w, form)
        elif role == "connective":
            item = _make(
                doc,
                g,
                si,
                QuoteKind.INDIRECT,
                boundary,
                end,
                (end, _clause_end_of(w), form),
                CueKind.CONNECTIVE,
                ("indirect.connective",),
                links_next=True,
                clause_end=w.end,
            )
        else:
            item = _adnominal(doc, g, si, rest, boundary, end, w, form)
        if item is not None and _reports_the_quote(doc, speech_end, item):
            item = None  # "…"고 말했다고 밝혔다: the clause is the quote's own report, not new content
        if item is not None:
            items.append(item)
            boundary = item.cue.clause_end if item.cue.clause_end > w.end else w.end
    if frame is not None:
        # X에 따르면 S: S is the source's report; the clauses inside it are not records of their own.
        items = [it for it in items if it.start < frame.start]
        items.append(frame)
    else:
        hearsay = _hearsay_that(doc, g, si, words, items)
        if hearsay is not None:
            items.append(hearsay)
    return sorted(items, key=lambda x: x.start)


def _spaced_ending(doc: Doc, g: Grammar, w: Word) -> bool:
    """Is ``w`` the ending of the quote before it, after a space or a gloss (``"…날" 이라면서``)?"""
    for pos in range(w.start - 1, max(-1, w.start - GLOSS_REACH), -1):
        span = doc.in_top_quote(pos)
        if span is not None:
            if span.close != pos:
                return False
            m = g.particle.match(doc.text, pos + 1)
            return m is not None and m.end() >= w.end - 1
    return False


#: How far back a closing mark can be from an ending it governs (one space or a gloss).
GLOSS_REACH = 24
QUOTE_PARTICLE_ONLY = regex.compile(r"(?:이?라)?고\s+$")


def _reports_the_quote(doc: Doc, speech_end: int, item: Item) -> bool:
    """Is ``item`` only the reporting predicate of the direct quote ending at ``speech_end``?

    In a two-level report (``정부는 이 장관이 "…"고 말했다고 밝혔다``) the
    clause left after the quote is its own cue (``말했다``), which says nothing
    new; the quote is kept and this clause is not reported.
    """
    if speech_end < 0 or item.kind != QuoteKind.INDIRECT or " " in doc.text[item.start : item.end].strip():
        return False
    return bool(QUOTE_PARTICLE_ONLY.fullmatch(doc.text, speech_end, item.start))


def _clause_end_of(word: Word) -> int:
    return word.start + len(FINAL_PUNCT.sub("", word.text))


def _make(
    doc: Doc,
    g: Grammar,
    si: int,
    kind: QuoteKind,
    boundary: int,
    end: int,
    cue: tuple[int, int, str] | None,
    cue_kind: CueKind | None,
    rules: tuple[str, ...],
    *,
    links_next: bool = False,
    clause_end: int = -1,
    speaker_span: tuple[int, int, int] | None = None,
    speaker_rule: str | None = None,
    no_speaker: bool = False,
) -> Item | None:
    start, cut = (
        start_after_subject(doc, g, si, boundary, end)
        if speaker_span is None or kind != QuoteKind.ACCORDING_TO
        else (boundary, None)
    )
    if cut is not None:
        rules = (*rules, cut)
    if end - start < 2:
        return None
    if kind == QuoteKind.INDIRECT and any(
        len(doc.text[s.content_start : s.content_end].split()) >= 2 for s in doc.tops_in(start, end)
    ):  # a quoted fragment of the speaker's words, not a quoted term ('르챗')
        kind = QuoteKind.MIXED
        rules = (*rules, "indirect.mixed")
    cm = CueMatch(
        speech=True,
        rules=rules,
        kind=cue_kind,
        cue=cue,
        links_next=links_next,
        clause_end=clause_end,
        speaker_span=speaker_span,
        speaker_rule=speaker_rule,
    )
    return Item(kind=kind, start=start, end=end, sentence=si, cue=cm, no_speaker=no_speaker)


def _quotative(
    doc: Doc, g: Grammar, si: int, rest: list[Word], boundary: int, end: int, w: Word, form: str
) -> Item | None:
    for x in rest:
        pred = predicate_of(x)
        if pred is None:
            continue
        lemma, adnominal = pred
        if adnominal:
            continue
        if (_ending(x, g) or ("",))[0] == "quotative":
            return None  # …고 말했다고 통신이 보도했다: the outer clause takes it
        if any(t.tag == "EC" and t.form in g.conditional_indirect for t in x.tokens):
            return None
        row = g.lex.predicates.get(lemma)
        cue_start, cue_end = x.start, _clause_end_of(x)
        if lemma == g.light_verb and row is not None:
            has_subject = bool(subject_candidates(doc, si, doc.sentences[si].start, x.start, g.lex))
            if not has_subject or x.text.startswith(g.hearsay_hada):
                # …다고 한다: "it is said" (present tense or no subject), not a speaker's words
                return _make(
                    doc,
                    g,
                    si,
                    QuoteKind.HEARSAY,
                    boundary,
                    end,
                    (cue_start, cue_end, lemma),
                    CueKind.PREDICATE,
                    ("indirect.hearsay", "indirect.quotative-hada"),
                    clause_end=cue_end,
                    no_speaker=True,
                )
        if row is None or row.kind == "naming":
            return None
        kind = QuoteKind.BELIEF if row.kind == "belief" else QuoteKind.INDIRECT
        rules = ("indirect.quotative", row.id) + (("indirect.belief",) if kind == QuoteKind.BELIEF else ())
        return _make(
            doc, g, si, kind, boundary, end, (cue_start, cue_end, lemma), CueKind.PREDICATE, rules, clause_end=cue_end
        )
    return None


def _forecast(doc: Doc, g: Grammar, si: int, rest: list[Word], boundary: int, w: Word) -> Item | None:
    """``…할 것으로 내다봤다``: a forecast clause ending in 것, reported by a forecasting verb.

    The clause keeps the 것 (``…둔화할 것``) and must be future (``-ㄹ 것``, a
    ``future_etm`` row); the verb must be the next predicate and active
    (``전망된다``, ``보인다`` are sourceless and left to the hearsay rules).
    """
    before = [x for x in doc.words(si) if x.end <= w.start]
    etm = before[-1].tokens[-1] if before and before[-1].tokens else None
    if etm is None or etm.tag != "ETM" or etm.form not in g.future_etm:
        return None  # 늘어난 것으로 분석했다: a finding about the past, not a forecast
    verb = forecast_verb(rest, g)
    if verb is None:
        return None
    x, lemma, rid = verb
    if (_ending(x, g) or ("",))[0] in ("quotative", "connective"):
        return None  # …것으로 예상한다고 밝혔다: the outer report takes the whole clause
    cue_end = _clause_end_of(x)
    return _make(
        doc,
        g,
        si,
        QuoteKind.INDIRECT,
        boundary,
        w.start + 1,
        (x.start, cue_end, lemma),
        CueKind.PREDICATE,
        ("indirect.forecast", rid),
        clause_end=cue_end,
    )


def _adnominal(
    doc: Doc, g: Grammar, si: int, rest: list[Word], boundary: int, end: int, w: Word, form: str
) -> Item | None:
    if not rest:
        return None
    nxt = rest[0]
    if nxt.text in g.thing_subjects_indirect:
        found = noun_predicate(doc, si, rest[1:], g)
        if found is None:
            return None
        return _make(
            doc,
            g,
            si,
            QuoteKind.INDIRECT,
            boundary,
            end,
            found.cue,
            CueKind.NOUN_PREDICATE,
            ("indirect.adnominal", "indirect.noun-predicate"),
            clause_end=found.clause_end,
            speaker_span=found.speaker_span,
            speaker_rule=found.speaker_rule,
        )
    noun = _head_noun(nxt, g)
    owner: tuple[int, int] | None = None
    if noun is None:  # …다는 일본 외신 보도에 대해: a few noun-phrase words before the head
        owned = owned_noun(doc, si, rest, g, lambda x: _head_noun(x, g))
        if owned is not None:
            head, noun, owner = owned
            rest = rest[head:]
            nxt = rest[0]
    stem = _stem(nxt, g)
    tail = rest[1:]
    pred = next((predicate_of(x) for x in tail if predicate_of(x) is not None), None)
    if noun is None:
        # Any noun followed at once by a reporting predicate: …겠다는 방향성도 제시했다
        row = g.lex.predicates.get(pred[0]) if pred is not None and tail and predicate_of(tail[0]) else None
        if row is None or row.kind in ("naming", "belief") or not nxt.tokens or nxt.tokens[0].tag != "NNG":
            return None
        noun = stem
    copula = any(t.tag == "VCP" for t in nxt.tokens)
    cue = (nxt.start + len(stem) - len(noun), nxt.start + len(stem), noun)
    reporting = pred is not None and g.lex.predicates.get(pred[0]) is not None
    if owner is not None:  # 정부 전망이 나왔다: the owner said it
        return _make(
            doc,
            g,
            si,
            QuoteKind.INDIRECT,
            boundary,
            end,
            cue,
            CueKind.ADNOMINAL,
            ("indirect.adnominal", "indirect.owned-noun"),
            clause_end=cue[1],
            speaker_span=(si, *owner),
            speaker_rule="speaker.noun-owner",
        )
    if (noun in g.hearsay_nouns and (copula or not reporting)) or (pred is not None and pred[0] in g.hearsay_verbs):
        return _make(
            doc,
            g,
            si,
            QuoteKind.HEARSAY,
            boundary,
            end,
            cue,
            CueKind.ADNOMINAL,
            ("indirect.hearsay", "indirect.hearsay-noun"),
            clause_end=cue[1],
            no_speaker=True,
        )
    if pred is None and not copula:
        return None
    return _make(
        doc,
        g,
        si,
        QuoteKind.INDIRECT,
        boundary,
        end,
        cue,
        CueKind.ADNOMINAL,
        ("indirect.adnominal",),
        clause_end=cue[1],
    )


def _stem(word: Word, g: Grammar) -> str:
    """``word`` without its particle or copula (``보도에`` -> ``보도``)."""
    stem = g.noun_particle_tail.sub("", word.text)
    particle = next((t.start for t in word.tokens if t.tag in ("JKB", "JC")), None)
    if particle is not None and word.start < particle < word.start + len(stem):
        stem = word.text[: particle - word.start]  # 보도와 (관련해)
    return stem


def _head_noun(word: Word, g: Grammar) -> str | None:
    """The frame, hearsay or report noun ``word`` ends in, before its particle (``보도에``)."""
    stem = _stem(word, g)
    return next((n for n in g.head_nouns if stem.endswith(n) and len(stem) - len(n) <= 2), None)


def _according_to(doc: Doc, g: Grammar, si: int, words: list[Word], i: int) -> Item | None:
    w = words[i]
    if w.text.rstrip(",") not in g.according_to or i == 0:
        return None
    src = words[i - 1]
    if not src.text.endswith("에"):
        return None
    if len(src.text) < 2:  # a quoted report title before 에 따르면: the source is the title
        title = doc.in_top_quote(src.start - 1)
        if title is None:
            return None
        start, src_end = title.content_start, title.content_end
    else:
        all_words = list(doc.words(si))
        k = next(j for j, x in enumerate(all_words) if x.start == src.start)
        start, _ = noun_phrase_left(doc, all_words, k, src.end - 1, g.lex)
        src_end = src.end - 1
    rest = words[i + 1 :]
    if not rest:
        return None
    s_end = doc.sentences[si].end
    end = s_end
    while end > rest[0].start and (doc.text[end - 1] in ".!? "):
        end -= 1
    form = w.text.rstrip(",")
    cue = (w.start, w.start + len(form), form[:-1] + "다")  # 따르면 -> 따르다, 의하면 -> 의하다
    cm = CueMatch(
        speech=True,
        rules=("indirect.according-to",),
        kind=CueKind.PREDICATE,
        cue=cue,
        clause_end=end,
        speaker_span=(si, start, src_end),
        speaker_rule="speaker.according-to",
    )
    return Item(kind=QuoteKind.ACCORDING_TO, start=rest[0].start, end=end, sentence=si, cue=cm)


def _hearsay_that(doc: Doc, g: Grammar, si: int, words: list[Word], items: list[Item]) -> Item | None:
    """``…것으로 알려졌다``: a sourceless report."""
    for i, w in enumerate(words):
        if not w.text.startswith(g.hearsay_leads) or i + 1 >= len(words):
            continue
        pred = predicate_of(words[i + 1])
        if pred is None or pred[0] not in g.hearsay_that:
            continue
        if any(it.start <= w.start < it.end for it in items):
            return None
        s_start = doc.sentences[si].start
        start = max([s_start, *(it.cue.clause_end + 1 for it in items if it.cue.clause_end < w.start)])
        end = w.start + 1
        if end - start < 4:
            return None
        cue = (words[i + 1].start, _clause_end_of(words[i + 1]), pred[0])
        cm = CueMatch(
            speech=True,
            rules=("indirect.hearsay", "indirect.hearsay-that"),
            kind=CueKind.PREDICATE,
            cue=cue,
            clause_end=cue[1],
        )
        return Item(kind=QuoteKind.HEARSAY, start=start, end=end, sentence=si, cue=cm, no_speaker=True)
    return None
