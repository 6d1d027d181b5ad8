"""Phrases: read the analysed words of a document as noun phrases and predicates.

Contract: :func:`subject_candidates` lists the subject noun phrases (topic
``은/는/도``, subject ``이/가/께서``, or a collective ``업계에서는``) of a stretch
of one sentence, outside quotes; :func:`noun_phrase_left` grows a noun phrase
leftwards from a word, over bare nominal words only; :func:`predicate_of`
gives a word's predicate lemma (``말했다`` -> ``말하다``).  The phrases are
handed to :mod:`quotes._mentions` as strings to be split into their parts.

Noun phrases are built from whitespace words (eojeol) and checked with the
analyser's tags, because the analyser often mis-segments names
(``미스트/NNP 이/VCP 랄/ETM AI``); the text of a mention is always the surface
text, never re-joined morphemes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import attrs
import regex

from ._document import Doc, Word
from ._lexicon import Lexicon, default_lexicon
from ._mention_words import kind_words, mention_words
from ._mentions import HANGUL_WORD, PAREN, is_collective, speaker_like, title_of, typical_korean_name
from ._morphology import Token

__all__ = [
    "Candidate",
    "contract",
    "noun_phrase_left",
    "person_like",
    "phrase_strings",
    "predicate_of",
    "subject_candidates",
    "trim",
    "word_tag",
]

NOMINAL = frozenset({"NNG", "NNP", "NNB", "NP", "NR", "SL", "SH", "SN", "XSN", "XPN"})

# ㅣ (HANGUL LETTER I) is written as a separator, like "|".
#: A word that may stand before ``&`` in a firm's name (``박성호 & 파트너스``, ``Kim & Chang``).
NAME_PART = regex.compile(r"[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9.]*")
#: A photo credit opens with one of these (``ⓒ가온일보``, ``© 가온일보``).
CREDIT_SIGNS = ("\N{CIRCLED LATIN SMALL LETTER C}", "\N{COPYRIGHT SIGN}")
NOT_IN_NP = regex.compile(
    r"[\[\]<>{}=,:;!?\"“”\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}'「」『』|/]"
    r"|\N{HANGUL LETTER I}|@"
)

TIME_WORD = regex.compile(r"^\d+(?:[.,]\d+)?(?:일|월|년|시|분|초|주|세기|년대)")

MAX_NP_WORDS = 6

VERBAL = ("VV", "VA", "VX", "XSV", "XSA")

PUNCT_TAIL = regex.compile(
    r"[.,?!…·\"“”'\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK})\]]+.*$", regex.DOTALL
)


@attrs.frozen(kw_only=True)
class Candidate:
    """A subject noun phrase: its span (without the particle) and its words."""

    start: int
    end: int
    particle: str
    role: str  # "topic", "subject" or "collective"
    words: tuple[str, ...]
    first_tags: tuple[str, ...]


def _tag(t: Token) -> str:
    return t.tag.split("-")[0]


def word_tag(word: Word, end: int | None = None) -> str:
    """The tag of a word of a mention, cut at ``end`` (before its particle).

    A word the analyser knows as one morpheme gets that morpheme's tag
    (``정부`` -> ``NNG``, ``이창용`` -> ``NNP``); a word it had to split (an
    unknown name: ``포/NNG 옛/MM``) gets ``"MIX"``.
    """
    stop = word.end if end is None else end
    toks = [t for t in word.tokens if t.start < stop and not t.tag.startswith(("J", "S"))]
    if not toks:
        return ""
    if len(toks) == 1 or all(t.start == toks[0].start and t.end == toks[0].end for t in toks):
        return _tag(toks[0])
    if all(t.tag == "NNG" for t in toks):
        return "NNG"  # a compound of known nouns: 인공+지능
    return "MIX"


def _bare_nominal(word: Word, lex: Lexicon, before_title: bool = False) -> bool:
    """Can ``word`` be a non-final word of a speaker noun phrase?

    Right before a title, a word shaped like a Korean name is one whatever the
    analyser made of it (``김영만 군수``: 김/NNP 영/NR 만/JX; ``김의겸 대변인``).
    """
    if not word.tokens or NOT_IN_NP.search(PAREN.sub("", word.text)) or TIME_WORD.match(word.text):
        return False
    if lex.word_kind(word.text, "stop"):
        return False
    mw = mention_words(lex)
    if word.text in mw.np_determiners:
        return True
    if _looks_like_name(word, lex) or (before_title and _name_before_title(word, lex)):
        return True  # 이하은 read by the analyser as 이하/NNG 이/VCP 은/EC
    last = _tag(word.tokens[-1])
    mis_segmented = (
        last == "MM"
        and len(word.text) >= 2
        and HANGUL_WORD.match(word.text)
        and word.text not in kind_words(lex, "not_noun_determiner")
    )
    if last not in NOMINAL and not (last == "SSC" and word.text.endswith(")")) and not mis_segmented:
        return False
    return not any(t.tag.startswith("J") or t.tag in ("EF", "EC", "EP") for t in word.tokens)


def _joins(doc: Doc, left: Word, amp: Word, lex: Lexicon) -> bool:
    """Does ``left & …`` make one name: a bare Hangul or Latin word right before the ampersand?"""
    gap = doc.text[left.end : amp.start]
    return (
        not gap.strip() and "\n" not in gap and NAME_PART.fullmatch(left.text) is not None and _bare_nominal(left, lex)
    )


def _looks_like_name(word: Word, lex: Lexicon) -> bool:
    """A three-syllable Korean name the analyser split into other morphemes."""
    text = word.text
    return (
        len(text) == 3
        and HANGUL_WORD.match(text) is not None
        and bool(lex.word_kind(text[0], "surname"))
        and typical_korean_name(text, lex)
        and not (word.tokens[-1].tag.startswith("J") and word.tokens[-1].tag != "JC")  # (윤도한: 윤/도JX/한MM)
        and not _inflected(word)
        and text not in lex.titles
    )


def _inflected(word: Word) -> bool:
    """A verb or adjective with its ending; a stem with no ending is a mis-split name (최/은/서VV),
    and so is one with only an adnominal ending on the last syllable (김지은: 김/짓VV/은ETM)."""
    verbal = any(_tag(t) in ("VV", "VA", "VX", "XSV", "XSA") for t in word.tokens)
    endings = [t for t in word.tokens if t.tag.startswith("E")]
    split_surname = word.tokens[0].form == word.text[:1]  # 김/짓/은, not 신중/하/ᆫ or 반갑/은
    if split_surname and endings and all(t.tag == "ETM" for t in endings) and word.tokens[-1].tag == "ETM":
        return False
    return verbal and bool(endings)


#: Particles that end a word that is not part of a name (국회의 의장, 경찰에 …).
CASE_TAGS = ("JKG", "JKB", "JKO", "JKS", "JKC", "JC")


def _name_before_title(word: Word, lex: Lexicon) -> bool:
    text = word.text
    return (
        len(text) == 3
        and HANGUL_WORD.match(text) is not None
        and bool(lex.word_kind(text[0], "surname"))
        and (typical_korean_name(text, lex) or _tag(word.tokens[-1]) in NOMINAL)
        and _tag(word.tokens[-1]) not in CASE_TAGS
        and not any(_tag(t) in VERBAL for t in word.tokens)
        and text not in lex.titles
        and not lex.word_kind(text, "stop")
    )


def _final_jamo(form: str) -> bool:
    """A lone final consonant (U+11A8..U+11C2), as the analyser writes a split syllable's coda."""
    return len(form) == 1 and "\u11a8" <= form <= "\u11c2"


def _particle(word: Word, lex: Lexicon) -> tuple[int, str, str] | None:
    """If ``word`` ends with a subject particle: (particle start, form, role)."""
    toks = word.tokens
    if len(toks) < 2:
        return None
    last = toks[-1]
    if last.end != word.end and not (last.end < word.end and word.text[-1] in ".,"):
        return None
    role = None
    if last.tag == "JX" and last.form in kind_words(lex, "topic_particle"):
        role = "topic"
    elif last.tag == "JKS" and last.form in kind_words(lex, "subject_particle"):
        role = "subject"
    if role is None:
        return None
    before = toks[-2]
    if len(toks) >= 3 and before.tag.startswith("J") and _final_jamo(before.form):
        before = toks[-3]  # 정상훈은 read as 정상/NNG 후/NNG ᆫ/JX 은/JX: the analyser split a syllable
    if (
        before.tag == "JKB"
        and before.form in kind_words(lex, "locative_particle")
        and role == "topic"
        and len(toks) >= 3
    ):
        return before.start, before.form + last.form, "collective"  # 업계에서는
    if before.tag == "JKS" and before.form in kind_words(lex, "honorific_particle"):
        return before.start, before.form + last.form, "topic"  # 대표께서는
    if _tag(before) not in NOMINAL and not (before.tag == "SSC" and word.text[before.start - word.start] == ")"):
        return None
    if before.tag == "NNB" and before.form not in kind_words(lex, "person_bound_noun") and before.start <= word.start:
        return None  # 적이, 것이, 수가 (a bound noun opening its word): not a speaker
    if last.start <= word.start:
        return None
    return last.start, last.form, role


#: A section tag glued before a word (``[사회]박승원``, ``【단독】김``), at most 12 characters inside.
SECTION_TAG = regex.compile(
    r"[\[\N{LEFT BLACK LENTICULAR BRACKET}][^\]\N{RIGHT BLACK LENTICULAR BRACKET}\n=]{1,12}"
    r"[\]\N{RIGHT BLACK LENTICULAR BRACKET}](?=\p{Hangul})"
)


def _after_section_tag(word: Word) -> Word | None:
    """``[사회]박승원`` -> the word ``박승원`` (its own tokens), or ``None`` without a glued tag."""
    m = SECTION_TAG.match(word.text)
    if m is None:
        return None
    cut = word.start + m.end()
    toks = tuple(t for t in word.tokens if t.start >= cut)
    return Word(start=cut, end=word.end, text=word.text[m.end() :], tokens=toks) if toks else None


#: A dateline in brackets, a word of its own: ``(베이징=신화통신)``, ``(서울=뉴스1)``.
DATELINE = regex.compile(
    r"^[(\[\N{LEFT BLACK LENTICULAR BRACKET}][^()\[\]\s]*=[^()\[\]\s]*[)\]\N{RIGHT BLACK LENTICULAR BRACKET}]$"
)


def noun_phrase_left(
    doc: Doc, words: Sequence[Word], index: int, end: int, lex: Lexicon
) -> tuple[int, tuple[Word, ...]]:
    """Grow a noun phrase leftwards from ``words[index]`` (which ends at ``end``).

    Returns the phrase start and its words (the last one cut at ``end``).
    """
    head = words[index]
    tagged = _after_section_tag(head)
    if tagged is not None and tagged.start < end:
        return tagged.start, (tagged,)  # [단독]가온전자: the tag ends the phrase on the left
    chosen = [head]
    depth = head.text[: end - head.start].count(")") - head.text[: end - head.start].count("(")
    i = index - 1
    while i >= 0 and len(chosen) < MAX_NP_WORDS + 2:
        w = words[i]
        gap = doc.text[w.end : chosen[0].start]
        if gap.strip() or "\n" in gap:
            break
        if depth > 0:  # inside a parenthesis opened further left
            chosen.insert(0, w)
            depth += w.text.count(")") - w.text.count("(")
            i -= 1
            continue
        if DATELINE.match(w.text) or (w.text in lex.words.get("after_nonfinal", {}) and w is not head):
            break  # (베이징=신화통신) 시진핑 주석, …걱정할 때 감독님이: no part of the name
        if w.text.startswith(CREDIT_SIGNS):
            break  # ⓒ가온일보 북한 외무성: a photo credit ends the caption, not part of the name
        if w.text == "&" and i > 0 and _joins(doc, words[i - 1], w, lex):
            chosen[:0] = [words[i - 1], w]  # 박성호 & 파트너스 대표: an ampersand joins the name of a firm
            i -= 2
            continue
        first = doc.text[chosen[0].start : end] if chosen[0] is head else chosen[0].text
        if not _bare_nominal(w, lex, title_of(first, lex) is not None) or doc.glued_to_close(w):
            tail = _after_section_tag(w)
            if tail is not None and _bare_nominal(tail, lex, title_of(first, lex) is not None):
                chosen.insert(0, tail)  # [사회]박승원 시장: a section tag glued to the name
            break
        depth += w.text.count(")") - w.text.count("(")
        chosen.insert(0, w)
        if w.text in kind_words(lex, "anonymous_determiner"):
            break  # 한 관계자: nothing before the determiner belongs to the phrase
        i -= 1
    if depth > 0:  # unbalanced parenthesis: keep only the head
        chosen = [head]
    return chosen[0].start, tuple(chosen)


def subject_candidates(doc: Doc, sentence: int, a: int, b: int, lex: Lexicon) -> list[Candidate]:
    """Subject noun phrases in ``[a, b)`` of a sentence, outside quotes, in order."""
    words = doc.words(sentence)
    out: list[Candidate] = []
    for i in doc.outside_quotes(sentence, a, b):
        w = words[i]
        if w.end > b:
            continue
        found = _particle(w, lex)
        if found is None:
            continue
        pstart, form, role = found
        if NOT_IN_NP.search(doc.text[w.start : pstart]):
            continue
        start, np_words = noun_phrase_left(doc, words, i, pstart, lex)
        if start < a:
            continue
        texts, tags = phrase_strings(doc, np_words, pstart)
        if role == "collective" and not is_collective(texts[-1], lex):
            continue
        if lex.word_kind(texts[-1], "stop") or TIME_WORD.match(texts[-1]):
            continue
        owner = _document_owner(doc, words, start, texts[-1], lex)
        if owner is not None:  # 이 회장의 새해 신년사는 "…": the owner of the speech speaks
            start, pstart, texts, tags = owner
        out.append(Candidate(start=start, end=pstart, particle=form, role=role, words=texts, first_tags=tags))
    return out


def _document_owner(
    doc: Doc, words: Sequence[Word], start: int, head: str, lex: Lexicon
) -> tuple[int, int, tuple[str, ...], tuple[str, ...]] | None:
    """The genitive owner of a speech document (``X의 신년사``, a ``speech_document`` row), as a phrase."""
    if head not in lex.words.get("speech_document", {}):
        return None
    j = next((k for k, w in enumerate(words) if w.end <= start and not doc.text[w.end : start].strip()), None)
    if j is None:
        return None
    gen = next((t for t in words[j].tokens if t.tag == "JKG"), None)
    if gen is None or gen.end != words[j].end or gen.start <= words[j].start:
        return None
    a, np_words = noun_phrase_left(doc, words, j, gen.start, lex)
    texts, tags = phrase_strings(doc, np_words, gen.start)
    return a, gen.start, texts, tags


def phrase_strings(doc: Doc, np_words: Sequence[Word], end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a noun phrase as strings (the last cut at ``end``) and their tags, for :mod:`quotes._mentions`."""
    texts = [x.text for x in np_words]
    texts[-1] = doc.text[np_words[-1].start : end]
    return tuple(texts), tuple(word_tag(x, end) for x in np_words)


def person_like(c: Candidate, lex: Lexicon) -> bool:
    """Could this subject be a speaker (a person, organisation, group …)?"""
    return speaker_like(c.words, c.first_tags, lex)


def predicate_of(word: Word, lex: Lexicon | None = None) -> tuple[str, bool] | None:
    """``(lemma, ends_adnominal)`` if ``word`` holds a predicate, else ``None``.

    Nouns + ``하/XSV`` give ``noun + 하다`` (``말했다`` -> ``말하다``); a verb with
    an auxiliary gives the compound (``털어놨다`` -> ``털어놓다``).  The endings
    read are the ``adverbial_ending`` and ``auxiliary_connective`` rows of
    ``lex`` (the bundled tables by default).
    """
    lex = lex if lex is not None else default_lexicon()
    toks = word.tokens
    for i, t in enumerate(toks):
        tag = t.tag.split("-")[0]
        if tag not in VERBAL:
            continue
        if (
            tag in ("VA", "XSA")
            and i + 1 < len(toks)
            and toks[i + 1].form in kind_words(lex, "adverbial_ending")
            and toks[i + 1].tag == "EC"
        ):
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
                and toks[j].form in kind_words(lex, "auxiliary_connective")
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


def trim(word: Word) -> tuple[int, int]:
    m = PUNCT_TAIL.search(word.text)
    end = word.start + (m.start() if m else len(word.text))
    return word.start, max(end, word.start + 1)


def pointing_word(words: Sequence[Word], forms: Collection[str]) -> Word | None:
    """The first word of ``words`` that is one of ``forms`` (``이같이``), also written with a lost
    space as two words (``이 같이``: the second word is returned)."""
    return next(
        (w for i, w in enumerate(words) if w.text in forms or (i and words[i - 1].text + w.text in forms)), None
    )


def additive_subjects(doc: Doc, sentence: int, a: int, b: int, lex: Lexicon) -> list[Candidate]:
    """``관계자 역시``, ``정부 또한``: bare noun phrases in ``[a, b)`` before an additive adverb, as topics."""
    adverbs = lex.words.get("additive_adverb", {})
    if not adverbs:
        return []
    words = doc.words(sentence)
    out = []
    for i in doc.outside_quotes(sentence, a, b):
        w = words[i]
        if w.text.rstrip(",") not in adverbs or i == 0 or words[i - 1].end + 1 != w.start:
            continue
        head = words[i - 1]
        if doc.in_top_quote(head.start) is not None or not head.tokens or word_tag(head) not in ("NNG", "NNP", "MIX"):
            continue
        start, np_words = noun_phrase_left(doc, words, i - 1, head.end, lex)
        if start < a:
            continue
        texts, tags = phrase_strings(doc, np_words, head.end)
        out.append(Candidate(start=start, end=head.end, particle=w.text, role="topic", words=texts, first_tags=tags))
    return out
