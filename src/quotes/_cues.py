"""Cues glued to a closing mark: the ending after a quote, and what it governs.

Contract: :func:`attached` reads the ending right after a top-level quote's
closing mark (the particle table, ``particles.tsv``) and returns a
:class:`CueMatch` -- speech or not, the cue's span and lemma, the rule ids that
fired and, when the cue itself names the speaker (``…고 한 X``, ``X의
말이다``), that speaker's phrase -- or ``None`` when nothing is glued to the
mark (then :mod:`quotes._layout` decides by position):

* quotative ``고/라고/이라고`` + a predicate: speech unless the predicate is a
  naming verb (``'…'라고 불린다``) -- rule ``cue.quotative``;
* connective ``며/라며/면서/라면서``: speech, and the speaker is shared with the
  next quote of the sentence -- ``cue.connective``;
* adnominal ``는/라는/이란`` + a speech noun (``입장``, ``발언``): speech --
  ``cue.adnominal``; + ``게/것이`` … ``X의 설명이다``: ``cue.noun-predicate``;
* a case particle or anything else glued to the mark (``'소버린 AI'를``): not
  speech.

:class:`Grammar` holds the tables compiled once per lexicon for every stage;
the word lists of the cue, layout and indirect stages are word classes of
``cue_words.tsv`` (``CUE_WORD_KINDS``), read there into sets and patterns.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from ._clause_owner import clause_owner, saying_lemma
from ._document import Doc, Word
from ._glued import glued_particle
from ._lexicon import Lexicon
from ._marks import Family, QuotedSpan
from ._owned_noun import np_word, owned_noun
from ._phrases import noun_phrase_left, predicate_of, trim
from ._stories import closing_byline
from .records import CueKind

__all__ = [
    "CueMatch",
    "Grammar",
    "alternation",
    "attached",
    "noun_predicate",
    "owned_noun",
    "sentence_like",
    "speech_noun",
    "words_after",
]

#: Non-letters glued to a closing mark that still attach something to it: an attribution
#: (``"…"(이름``, ``"…"=이름``, ``』-이름``) or another quote (``"A""B"``).
GLUED_AFTER = "(=-\N{EN DASH}\N{EM DASH}\"'\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
#: Sentence-final punctuation (a quote ending in it reads as a sentence).
FINAL_MARKS = "[.?!\N{HORIZONTAL ELLIPSIS}~]"

# The shapes of the indirect stage's patterns; the words in them come from ``cue_words.tsv``.
#: A sentence can hold a reported clause only if it holds one of these syllable pairs (an ending
#: after ``다/라/냐/자``), an ``according_to`` word or (hearsay only) a ``hearsay_hint``.
CLAUSE_HINTS = r"[다라냐자]고|[다라냐자]며|[다라]면서|[다라냐자]는"
#: Adverbials by their shape (``서울에서``, ``기자에게``, ``3일``); the
#: ``intro_adverb`` words are added to them.
ADVERBIAL_SHAPES = r"\S+에서(?:는)?|\S+에게|\S+를 통해|\S+을 통해|\d+일"


@attrs.frozen(kw_only=True)
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


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (one that never matches if there are none)."""
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


class Grammar:
    """Compiled tables for cue detection and coreference (built once per lexicon).

    The word classes of ``cue_words.tsv`` (``lex.words[kind]``) are read here
    into sets and patterns for :mod:`quotes._cues`, :mod:`quotes._layout` and
    :mod:`quotes._indirect`.
    """

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        forms = sorted(lex.particles, key=len, reverse=True)
        self.particle = regex.compile(
            # One space (or a print-style break before 이라/라/면서), a gloss ("네"(Yes, Sir)라고), a past copula
            # ("…것"이었다며) and a delimiter after the ending ("…"고만 답했다) may come between.
            r"(?:[ \t]|\n(?=이?라|면서))?(?:\([^()\n]{1,20}\))?(?:(?:이었|였)(?=다))?"
            r"(?P<p>" + "|".join(regex.escape(f) for f in forms) + r")(?:만|까지|도)?"
            r"(?=[\s,.\N{HORIZONTAL ELLIPSIS}!?\N{MIDDLE DOT})\]"
            r"\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
            r"'\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}]|$)"
        )
        self.glued_particle = regex.compile(rf"(?P<p>{alternation(forms)})(?=\p{{Hangul}})")  # "…"고말했다 (_glued)
        nouns = sorted(lex.speech_nouns, key=len, reverse=True)
        self.speech_noun = regex.compile("(?:" + "|".join(regex.escape(n) for n in nouns) + ")")
        titles = sorted((t for t in lex.titles if len(t) > 1), key=len, reverse=True)
        #: Any title of two or more characters (sentences worth indexing for coreference).
        self.title = regex.compile("|".join(regex.escape(t) for t in titles))
        self._cue_tables()
        self._layout_tables()
        self._indirect_tables()

    def words(self, kind: str) -> tuple[str, ...]:
        """The words of class ``kind`` (``cue_words.tsv``), in file order."""
        return tuple(self.lex.words.get(kind, {}))

    def _cue_tables(self) -> None:
        #: A line that reads as a question: a question mark or a ``question_ending`` (``…습니까.``, ``총평은``).
        self.asks = regex.compile(r"(?:\?|\p{Hangul}(?:" + alternation(self.words("question_ending")) + r"))[ \t.]*\Z")
        #: ``하다``: the light verb (``…고 한 X``, ``X하다`` predicates, ``…다고 한다``).
        self.light_verb = self.words("light_verb")[0]
        self.after_nonfinal = self.words("after_nonfinal")
        #: Speech nouns that, after single marks, name a saying or a text rather than speech.
        self.double_only_nouns = frozenset(self.words("double_only_noun"))
        #: Speech nouns that take only a clause: ``"기후 정의"라는 구호`` is a label.
        self.clause_only_nouns = frozenset(self.words("clause_only_noun"))
        # Two lists of conditional endings: the indirect stage reads only
        # ``conditional_ending``; a direct quote's predicate also stops at
        # ``conditional_ending_quote`` (the indirect stage never listed them,
        # and adding them there would change what it reports).
        self.conditional_indirect = frozenset(self.words("conditional_ending"))
        self.conditional = self.conditional_indirect | frozenset(self.words("conditional_ending_quote"))
        # Likewise the bound nouns before ``X의 설명이다``: ``거`` only after a direct quote.
        self.thing_subjects_indirect = frozenset(self.words("thing_subject"))
        self.thing_subjects = self.thing_subjects_indirect | frozenset(self.words("thing_subject_quote"))
        self.etc_words = frozenset(self.words("etc_word"))
        #: Determiners inside a speaker's noun phrase (``한 남성의``).
        self.np_determiners = frozenset(self.words("np_determiner"))
        #: Genitive nouns that describe a text rather than own the words (``'…'라는 제목의 글``).
        self.not_owners = frozenset(self.words("not_owner"))
        self.gist_nouns = frozenset(self.words("gist_noun"))
        self.sentence_like = regex.compile(
            rf"(?:{FINAL_MARKS}|{alternation(self.words('final_ending'))})[\s{FINAL_MARKS[1:-1]}]*$"
        )
        self.noun_predicate_tail = regex.compile(
            rf"^(?:{alternation(self.words('noun_predicate_tail'))})[.\N{{HORIZONTAL ELLIPSIS}}]*"
        )

    def _layout_tables(self) -> None:
        name_slash_role = (  # <name / role>
            r"[<\[\N{LEFT ANGLE BRACKET}]\s*(?P<name>[^<>\[\]/|:]{1,20}?)\s*[/|]\s*[^<>\[\]]{1,40}?"
            r"\s*[>\]\N{RIGHT ANGLE BRACKET}]\s*$"
        )
        label_colon_name = (  # [label: name role]
            r"\[\s*(?:" + alternation(self.words("caption_label")) + r")\s*[:\N{FULLWIDTH COLON}]"
            r"\s*(?P<name>[^\[\]]{1,30}?)\s*\]\s*$"
        )
        self.caption = regex.compile(name_slash_role + "|" + label_colon_name)
        self.etc = regex.compile(rf"\s*(?:{alternation(self.etc_words)})\s+")
        self.headline_end = regex.compile(rf"(?:{alternation(self.words('headline_end'))})[.!]?\s*$|[.!?]\s*$")
        #: Words that cue a headline quote next to them (``"…" 강조``).
        self.headline_cues = frozenset(self.words("headline_cue"))
        #: Before the quote any ``X`` of an ``X하다`` predicate cues it as well.
        self.headline_cues_before = self.headline_cues | frozenset(
            lemma[: -len(self.light_verb)]
            for lemma in self.lex.predicates
            if lemma.endswith(self.light_verb) and len(lemma) > len(self.light_verb)
        )
        reporter = alternation(self.words("byline_title"))
        # A reporter's byline before a lead quote: ``[한빛일보 홍길동 기자]``, ``(서울=한빛뉴스) 홍길동 기자 =``.
        self.byline = regex.compile(
            r"[\[(\N{LEFT BLACK LENTICULAR BRACKET}][^\])\N{RIGHT BLACK LENTICULAR BRACKET}]{0,40}"
            rf"(?:{reporter})\s*[\])\N{{RIGHT BLACK LENTICULAR BRACKET}}]"
            rf"|\([^()]{{1,20}}=[^()]{{1,20}}\)\s*\S{{2,4}}\s*(?:{reporter})\s*=?"
        )
        #: A line that is only a byline (``홍길동 기자 hong@example.com``): the end of a story.
        self.closing_byline = closing_byline(reporter)
        self.continuation = frozenset(self.words("continuation"))
        self.intro_demonstratives = frozenset(self.words("intro_demonstrative"))

    def _indirect_tables(self) -> None:
        self.quotative_ec = frozenset(self.words("quotative_ending"))
        self.connective_ec = frozenset(self.words("connective_ending"))
        self.adnominal_etm = frozenset(self.words("adnominal_ending"))
        self.hada_connective = frozenset(self.words("hada_connective"))
        self.reporting_suffixes = self.words("reporting_suffix")
        self.hearsay_hada = self.words("hearsay_hada")
        self.hearsay_nouns = frozenset(self.words("hearsay_noun"))
        self.hearsay_verbs = frozenset(self.words("hearsay_verb"))
        self.hearsay_that = frozenset(self.words("hearsay_that"))
        self.hearsay_leads = self.words("hearsay_lead")
        self.according_to = frozenset(self.words("according_to"))
        #: Frame and hearsay nouns, longest first (``…다는 입장이다``).
        self.frame_nouns = sorted(set(self.words("frame_noun")) | self.hearsay_nouns, key=lambda n: (-len(n), n))
        #: Heads of an adnominal reported clause: frame nouns and nouns of reports (``…냐는 질문``).
        self.head_nouns = sorted(set(self.frame_nouns) | set(self.words("report_noun")), key=lambda n: (-len(n), n))
        #: The word that closes a topic frame before a reported clause (``X에 대해``, ``X와 관련해``).
        self.frame_closers = frozenset(self.words("frame_closer"))
        #: ``…할 것으로 내다봤다``: the link word after the forecast clause and the forecasting verbs.
        self.forecast_links = frozenset(self.words("forecast_link"))
        self.forecast_predicates = frozenset(self.words("forecast_predicate"))
        self.future_etm = frozenset(self.words("future_etm"))  # 늘어날 것: the future adnominal before 것
        hints = CLAUSE_HINTS + "|" + alternation(self.according_to) + "|" + alternation(self.forecast_links)
        self.prefilter_no_hearsay = regex.compile(hints)
        self.prefilter = regex.compile(hints + "|" + alternation(self.words("hearsay_hint")))
        self.leading_adverbial = regex.compile(rf"^(?:{ADVERBIAL_SHAPES}|{alternation(self.words('intro_adverb'))}),?$")
        self.noun_particle_tail = regex.compile(rf"(?:{alternation(self.words('frame_noun_tail'))})[.,]?$")


def words_after(doc: Doc, sentence: int, pos: int) -> list[Word]:
    return doc.words_outside_quotes(sentence, pos)


def attached(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """The decision of the ending glued to ``span``'s closing mark (``None``: nothing glued)."""
    assert span.close is not None
    after = span.close + 1
    m, first = g.particle.match(doc.text, after), None
    if m is None:
        m, first = glued_particle(doc, sentence, after, g.glued_particle, g.lex)
    if m is None:
        forecast = quoted_forecast(doc, span, sentence, g)
        if forecast is not None:
            return forecast
        # a letter (a particle the table lacks) or an attribution glued; not a separator (``"…"‥ 박 대표``)
        glued = after < len(doc.text) and (doc.text[after].isalnum() or doc.text[after] in GLUED_AFTER)
        return CueMatch(speech=False, rules=("cue.case-particle",)) if glued else None
    form = m.group("p")
    row = g.lex.particles[form]
    pstart, pend = m.start("p"), m.end("p")
    lost: tuple[str, ...] = ("cue.glued-predicate",) if first is not None else ()
    if row.kind == "connective":
        return CueMatch(
            speech=True,
            rules=("cue.connective", row.id, *lost),
            kind=CueKind.CONNECTIVE,
            cue=(pstart, pend, form),
            links_next=True,
            clause_end=pend,
        )
    if row.kind == "quotative":
        found = _quotative(doc, span, sentence, g, pstart, pend, row.id, first)
        return attrs.evolve(found, rules=(*found.rules, *lost)) if lost and found.speech else found
    return _adnominal(doc, span, sentence, g, pend, row.id)


def _quotative(
    doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, pstart: int, pend: int, pid: str, first: Word | None
) -> CueMatch:
    words = ([first] if first is not None else []) + words_after(doc, sentence, pend)
    for i, w in enumerate(words):
        pred = predicate_of(w)
        if pred is None:
            continue
        lemma, adnominal = pred
        nxt = words[i + 1] if i + 1 < len(words) else None
        row = g.lex.predicates.get(lemma)
        if adnominal:
            if nxt is not None and nxt.text.startswith(g.after_nonfinal) and row is not None:
                pass  # "…"고 말한 뒤: a non-final reporting predicate
            elif i == 0 and nxt is not None and (row is not None or lemma == g.light_verb):
                if row is not None and row.kind == "naming":
                    return CueMatch(speech=False, rules=("cue.quotative", pid, row.id, "cue.naming"))
                np = _phrase_right(doc, sentence, words, i + 1, g)
                if np is not None:
                    s, e = trim(w)
                    return CueMatch(
                        speech=True,
                        rules=("cue.quotative", pid, "cue.relative-clause"),
                        kind=CueKind.PREDICATE,
                        cue=(s, e, lemma),
                        clause_end=e,
                        speaker_span=(sentence, *np),
                        speaker_rule="speaker.relative-head",
                    )
                continue
            else:
                continue
        s, e = trim(w)
        rules = ["cue.quotative", pid]
        if any(t.tag == "EC" and t.form in g.conditional for t in w.tokens):
            return CueMatch(speech=False, rules=(*rules, "cue.conditional"))  # "…"라고 말하면: a hypothetical
        if row is None:
            rules.append("cue.unlisted-predicate")
            prev = words[i - 1] if i > 0 else None
            if prev is not None and prev.tokens and prev.tokens[-1].tag in ("JKO", "JX") and prev.end + 1 >= w.start:
                s = prev.start  # an idiom: 분통을 터트렸다, 목소리를 높였다
        else:
            rules.append(row.id)
            if row.kind == "naming":
                return CueMatch(speech=False, rules=(*rules, "cue.naming"))
            if row.kind == "belief":
                rules.append("cue.belief")
        return CueMatch(speech=True, rules=tuple(rules), kind=CueKind.PREDICATE, cue=(s, e, lemma), clause_end=e)
    return CueMatch(
        speech=True,
        rules=("cue.quotative", pid, "cue.no-predicate"),
        kind=CueKind.CONNECTIVE,
        cue=(pstart, pend, doc.text[pstart:pend]),
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
    words = words_after(doc, sentence, pend)
    if not words or words[0].start > pend + 1:
        return CueMatch(speech=False, rules=("cue.adnominal", pid, "cue.no-noun"))
    w0 = words[0]
    if w0.text in g.thing_subjects:
        found = noun_predicate(doc, sentence, words[1:], g)
        if found is not None:
            return found
        return CueMatch(speech=False, rules=("cue.adnominal", pid, "cue.no-owner"))
    if w0.text in g.etc_words and len(words) > 1:  # "…"는 등의 비판
        w0 = words[1]
    noun = speech_noun(w0, g)
    if noun is None:
        return _owned(doc, span, sentence, g, words, pid)
    if noun in g.double_only_nouns and span.family == Family.SINGLE and not _said_aloud(words, g):
        return CueMatch(speech=False, rules=("cue.adnominal", pid, "cue.saying"))  # '…'라는 말: a saying, a slogan
    if noun in g.clause_only_nouns and not sentence_like(doc, span, g):
        return CueMatch(speech=False, rules=("cue.adnominal", pid, "cue.label-noun"))
    row = g.lex.speech_nouns[noun]
    start = w0.start + w0.text.index(noun)  # 112신고
    return CueMatch(
        speech=True,
        rules=("cue.adnominal", pid, row.id),
        kind=CueKind.ADNOMINAL,
        cue=(start, start + len(noun), noun),
        clause_end=start + len(noun),
    )


def _said_aloud(words: list[Word], g: Grammar) -> bool:
    """``'…'는 말을 남기고``, ``말을 한 뒤``: the noun is the object of a saying verb (words said, not a saying)."""
    if len(words) < 2 or not words[0].tokens or words[0].tokens[-1].tag != "JKO":
        return False
    pred = predicate_of(words[1], g.lex)
    return pred is not None and saying_lemma(pred[0], g.lex)


def _owned(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, words: list[Word], pid: str) -> CueMatch:
    """``"…"는 한 남성의 신고``: a speech noun after a few noun-phrase words, its owner the speaker."""
    content = doc.text[span.content_start : span.content_end].strip()
    found = owned_noun(doc, sentence, words, g, lambda w: speech_noun(w, g))
    clause = bool(g.sentence_like.search(content))
    if found is None or (found[2] is None and not clause):  # (a noun phrase with an owner: a remark)
        return CueMatch(speech=False, rules=("cue.adnominal", pid, "cue.not-speech-noun"))
    head, noun, owner = found
    if not clause and (noun in g.clause_only_nouns or (noun in g.double_only_nouns and span.family == Family.SINGLE)):
        return CueMatch(speech=False, rules=("cue.adnominal", pid, "cue.label-noun"))  # '…'라는 정부의 표현
    w = words[head]
    start = w.start + w.text.index(noun)
    return CueMatch(
        speech=True,
        rules=("cue.adnominal", pid, "cue.owned-noun", g.lex.speech_nouns[noun].id),
        kind=CueKind.ADNOMINAL,
        cue=(start, start + len(noun), noun),
        clause_end=start + len(noun),
        speaker_span=None if owner is None else (sentence, *owner),
        speaker_rule=None if owner is None else "speaker.noun-owner",
    )


def speech_noun(word: Word, g: Grammar) -> str | None:
    """The speech noun ``word`` starts with, if the rest is only particles."""
    lead = len(word.text) - len(word.text.lstrip("0123456789"))  # 112신고
    m = g.speech_noun.match(word.text, lead)
    if m is None:
        return None
    end = word.start + m.end()
    rest = [t for t in word.tokens if t.start >= end]
    if any(not t.tag.startswith(("J", "S")) for t in rest):
        return None  # 글귀 is not 글 + particle
    if any(t.start < end < t.end for t in word.tokens):
        return None
    return m.group()


def noun_predicate(doc: Doc, sentence: int, words: list[Word], g: Grammar) -> CueMatch | None:
    """``X의 말이다`` among ``words``: the speech noun, and X as the speaker."""
    all_words = doc.words(sentence)
    for w in words:
        m = g.speech_noun.match(w.text)
        if m is None or not g.noun_predicate_tail.match(w.text[m.end() :]):
            continue
        k = next(i for i, x in enumerate(all_words) if x.start == w.start)
        if k == 0:
            continue
        noun_at = k
        while k > 1 and np_word(all_words[k - 1]) == "modifier":
            k -= 1  # 이들 증권사의 공통된 설명이다
        owner = all_words[k - 1]
        if owner.text.endswith("의") and len(owner.text) >= 2:
            start, _ = noun_phrase_left(doc, all_words, k - 1, owner.end - 1, g.lex)
            speaker, rule = (start, owner.end - 1), "speaker.noun-predicate"
        else:
            clause = clause_owner(doc, sentence, all_words, noun_at, g.lex)  # X가 … 한 말이다
            if clause is None:
                continue
            speaker, rule = clause, "speaker.clause-noun-predicate"
        noun = m.group()
        return CueMatch(
            speech=True,
            rules=("cue.noun-predicate", g.lex.speech_nouns[noun].id),
            kind=CueKind.NOUN_PREDICATE,
            cue=(
                w.start,
                w.start + len(noun) + 2 if w.text[len(noun) :].startswith("이다") else w.start + len(noun),
                noun,
            ),
            clause_end=trim(w)[1],
            speaker_span=(sentence, *speaker),
            speaker_rule=rule,
        )
    return None


def sentence_like(doc: Doc, span: QuotedSpan, g: Grammar) -> bool:
    content = doc.text[span.content_start : span.content_end].strip()
    return len(content.split()) >= 2 and bool(g.sentence_like.search(content))


# At the end: the forecast rules read this module's tables and helpers.
from ._forecast import quoted_forecast  # noqa: E402
