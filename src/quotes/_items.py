"""Collection items and transcript captions: speech by the layout of a list.

Contract: :func:`collection_after` and :func:`collection_before` decide a
closed top-level quote that stands as an item of a quote collection or a
transcript, and return a :class:`~quotes._cues.CueMatch` with the speaker's
span (``speaker.collection``), or ``None``:

* the speaker after the quote (``cue.collection-after``): ``▲ "…" (김 대표,
  총회에서)``, ``○…"…" = 김 장관이 …``, ``▷『…』-한 초선의원,``, a line
  ``『…』(김OO 민주 서울 강남갑)`` closed by its attribution, and a handle
  ``"…"(@abc***)`` anywhere;
* the speaker before it (``cue.collection-before``): ``△김 의원 = "…"``,
  ``[김OO / 목격자] "…"``, ``▶ 인터뷰 : 김OO / 주민 - "…"``.

The attribution must read as a speaker (a name, a title or an organisation,
never a credit such as ``사진`` or ``연합뉴스``: the ``collection_stop`` words
of ``cue_words.tsv``), and the quote as speech: a clause, or two words or more
when a bullet opens the item.  The loose forms (``NP = "…"``, ``"…" - NP``)
need a bullet.  Glued attributions (``"…"(이름``) reach
:func:`collection_after` from :func:`quotes._speech.classify`.
"""

from __future__ import annotations

import functools

import regex

from ._cues import CueMatch, Grammar, sentence_like
from ._document import Doc
from ._marks import QuotedSpan
from ._mention_words import mention_words
from ._mentions import is_korean_name, org_like, parse_mention, speaker_like, title_of

__all__ = ["GLUED_ATTRIBUTION", "collection_after", "collection_before"]

CAPTION_MAX = 120  # characters of a caption before its quote
#: Bullets that open a collection item (``▲ "…"``, ``△김 의원 = "…"``).
BULLETS = "\N{BLACK UP-POINTING TRIANGLE}\N{WHITE UP-POINTING TRIANGLE}\N{BLACK RIGHT-POINTING TRIANGLE}"
BULLETS += "\N{WHITE RIGHT-POINTING TRIANGLE}\N{BLACK CIRCLE}\N{WHITE CIRCLE}\N{BLACK DIAMOND}\N{WHITE DIAMOND}"
BULLETS += "\N{BLACK SQUARE}\N{WHITE SQUARE}\N{BLACK STAR}\N{WHITE STAR}\N{REFERENCE MARK}\N{BULLET}"
BULLETS += "\N{MIDDLE DOT}*\N{EN DASH}\N{EM DASH}\\-"
BULLETS += "\N{BLACK DOWN-POINTING TRIANGLE}\N{WHITE DOWN-POINTING TRIANGLE}\N{BLACK LEFT-POINTING TRIANGLE}"
#: What may open an item's line: bullets, then ``…`` (``○…"…"``).
ITEM_PREFIX = regex.compile(rf"[\s{BULLETS}]*(?:(?:\N{{HORIZONTAL ELLIPSIS}}|\.{{2,}})\s*)?")
#: Characters that may follow a closing mark directly and open an attribution.
GLUED_ATTRIBUTION = "(=-\N{EN DASH}\N{EM DASH}"
#: The attribution after an item's closing mark: ``(NP``, ``= NP``, ``- NP``.
ITEM_AFTER = regex.compile(r"(?:[ \t]*\n?[ \t]*(?P<paren>\()|[ \t]*(?:=|[-\N{EN DASH}\N{EM DASH}](?!\S*\d)))[ \t]*")
#: A social-media handle in a parenthesis right after the quote: ``(@abc***)``, ``(abc****)``.
HANDLE = regex.compile(r"[ \t]?\((?P<h>@[\w.]+\**|[\w.]+\*{2,})\)")
#: Before the quote, opening its line (or the line before): ``△NP =``, ``[NP / 직함]``, ``[NP, 직함]``, ``NP / 직함 -``.
ITEM_BEFORE = regex.compile(
    rf"(?:^|\n)(?P<bullet>[\s{BULLETS}]*)(?P<bracket>\[\s*)?(?:(?P<label>[^\n:\N{{FULLWIDTH COLON}}\[\]]{{1,8}}?)\s*"
    r"[:\N{FULLWIDTH COLON}]\s*)?(?P<name>[^\n/:=\[\]<>()\"'"
    r"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{HYPHEN-MINUS}]{1,24}?)\s*"
    r"(?P<role>(?:/|,(?=[^\n\[\]]*\]))\s*[^\n/\[\]=\"]{1,40}?\s*)?(?P<close>\]\s*)?"
    r"(?:\n\s*)?(?P<sep>[-=:\N{EN DASH}\N{FULLWIDTH COLON}]\s*)?$"
)
#: A reporter's question or aside in parentheses on a line of its own, between a caption and its quote.
ASIDE_LINE = regex.compile(r"[ \t]*\([^()\n]{1,80}\)[ \t]*\n\s*")
NUMERIC = regex.compile(r"^[\d.,]+$|\d+(?:년|월|일|시)")  # a date or a bare number: no speaker
GLOSS = regex.compile(r"\([^()\s]*\)")  # a gloss glued to a word: 신복룡(申福龍)
PAREN_LINE_END = regex.compile(r"[^()\n]*\)[ \t.]*(?:\n|$)")  # the attribution closes the line
NP_MAX_WORDS = 6
#: Fewest words of a noun-phrase item on its own line closed by a person's name.
LINE_ITEM_MIN_WORDS = 3


@functools.cache
def _stops(g: Grammar) -> frozenset[str]:
    """Credits, datelines and labels that are no speaker (``collection_stop`` words)."""
    return frozenset(g.words("collection_stop"))


def _token_tag(doc: Doc, pos: int) -> tuple[str, int, int]:
    """The first token at or after ``pos`` in its word: tag, and the start of the word's last token and its end."""
    for w in doc.words(doc.sentence_of(pos)):
        if w.start <= pos < w.end:
            first = next((t for t in w.tokens if t.start >= pos), None)
            last = w.tokens[-1] if w.tokens else None
            return (first.tag if first else "", last.start if last else -1, w.end)
    return ("", -1, -1)


def _last_tag(doc: Doc, start: int) -> str:
    toks = (t for w in doc.words(doc.sentence_of(start)) for t in w.tokens)
    return next((t.tag for t in toks if t.start == start), "")


def _speaker_np(doc: Doc, a: int, b: int, g: Grammar, *, particle: bool) -> tuple[int, int, bool] | None:
    """The speaker mention opening ``[a, b)`` up to a ``,``/``.``/``)`` (or a particle), checked.

    The flag is true when the phrase is a genitive (``= 김 장관의 …``): an item, but not its speaker.
    """
    words, tags, end, genitive = list[str](), list[str](), a, False
    for m in regex.finditer(r"\S+", doc.text[a:b]):
        o, text = a + m.start(), m.group()
        cut = regex.search(r"[,.)\]]", GLOSS.sub(lambda x: "_" * len(x.group()), text))
        tag, last_start, w_end = _token_tag(doc, o)
        if cut is not None:
            text = text[: cut.start()]
        elif particle and w_end == o + len(text) and last_start > o:
            last_tag = _last_tag(doc, last_start)
            if last_tag in ("JKS", "JX", "JKG"):
                text, cut, genitive = doc.text[o:last_start], m, last_tag == "JKG"
        if text:
            words, tags, end = [*words, text], [*tags, tag], o + len(text)
        if cut is not None or len(words) > NP_MAX_WORDS:
            break
    if not words or len(words) > NP_MAX_WORDS or not _speaker_words(words, tags, g):
        return None
    return (a, end, genitive)


def _speaker_words(words: list[str], tags: list[str], g: Grammar) -> bool:
    """A person with a name or title, or an organisation -- never a credit, a date or a bare noun."""
    words = [GLOSS.sub("", w) for w in words]
    stops = _stops(g)
    if any(w in stops or NUMERIC.search(w) for w in words) or "=" in "".join(words):
        return False
    lex = g.lex
    pairs = zip(words, tags, strict=True)
    plural = mention_words(lex).collective_suffixes  # 학부모들: a title in the plural
    strong = any(
        title_of(w, lex) or is_korean_name(w, lex, t) or org_like(w, lex) or _titled_plural(w, plural, g)
        for w, t in pairs
    )
    return strong and speaker_like(words, tags, g.lex)


#: How far the quotes sharing one attribution may run before it (characters from the line start).
AFTER_QUOTES_REACH = 600


def _after_quotes(doc: Doc, line_start: int, open_: int) -> regex.Match[str] | None:
    """``"…" "…" "…"(학부모들)``: closed quotes opening the line before this one share its attribution."""
    k = line_start
    if open_ - line_start > AFTER_QUOTES_REACH:
        return None  # (bounded: a line of many quotes is not walked from its start for each)
    for top in doc.tops_in(line_start, open_):
        if top.close is None or doc.text[k : top.open].strip():
            return None
        k = doc.span_end(top)
    return ITEM_PREFIX.fullmatch(doc.text, k, open_) if k > line_start else None


def _titled_plural(word: str, suffixes: tuple[str, ...], g: Grammar) -> bool:
    return any(word.endswith(s) and len(word) > len(s) and title_of(word[: -len(s)], g.lex) for s in suffixes)


def _speech_item(doc: Doc, span: QuotedSpan, g: Grammar, *, bullet: bool) -> bool:
    """A clause; after a bullet, any two words or more (``▲"김대중 정권의 분서갱유" (강 의원, …)``)."""
    content = doc.text[span.content_start : span.content_end].strip()
    if sentence_like(doc, span, g) or (len(content.split()) >= 2 and content[-1:] in "?!\N{HORIZONTAL ELLIPSIS}"):
        return True
    return bullet and len(content.split()) >= 2


def _named_line_item(doc: Doc, span: QuotedSpan, g: Grammar, name_start: int, line_item: bool) -> bool:
    """``『한번 약속은 영원한 약속』(최민호 무 강원 강릉)``: a line of three words or more closed by a
    person's name (a Korean name opens the attribution), not a title with its publisher."""
    content = doc.text[span.content_start : span.content_end].split()
    first = doc.text[name_start:].split(maxsplit=1)[0].rstrip(",.)") if name_start < len(doc.text) else ""
    return line_item and len(content) >= LINE_ITEM_MIN_WORDS and is_korean_name(first, g.lex, "NNP")


def _handle(doc: Doc, span: QuotedSpan, g: Grammar, end: int) -> CueMatch | None:
    """``"…"(@abc***)``: a post quoted with its author's handle."""
    m = HANDLE.match(doc.text, end)
    if m is None or not _speech_item(doc, span, g, bullet=True):
        return None
    return _item("cue.collection-after", (doc.sentence_of(m.start("h")), *m.span("h")))


def collection_after(doc: Doc, span: QuotedSpan, g: Grammar) -> CueMatch | None:
    """``▲ "…" (김 대표, 총회에서)``, ``"…" = 김 장관.``, ``『…』-김 교수,``: the speaker after the item."""
    end = doc.span_end(span)
    handle = _handle(doc, span, g, end) or _context_then_name(doc, span, g, end)
    if handle is not None:
        return handle
    line_start = doc.text.rfind("\n", 0, span.open) + 1
    if (m := ITEM_AFTER.match(doc.text, end)) is None:
        return None
    prefix = (
        ITEM_PREFIX.fullmatch(doc.text, line_start, span.open)
        or _next_item(doc.text, line_start, span.open)
        or _after_quotes(doc, line_start, span.open)
    )
    if prefix is None:
        return None
    bullet = bool(prefix.group().strip())
    line_item = bool(m.group("paren") and PAREN_LINE_END.match(doc.text, m.end()))
    if not bullet and not line_item:
        return None  # without a bullet, only a line ``"…" (NP …)`` closed by its attribution
    line_end = (doc.text.find("\n", m.end()) + 1 or len(doc.text) + 1) - 1
    np = _speaker_np(doc, m.end(), min(line_end, m.end() + 80), g, particle=not m.group("paren"))
    if np is None:
        return None
    if not _speech_item(doc, span, g, bullet=bullet) and not _named_line_item(doc, span, g, np[0], line_item):
        return None
    if np[2]:
        return CueMatch(speech=True, rules=("cue.collection-after",))
    return _item("cue.collection-after", (doc.sentence_of(np[0]), np[0], np[1]))


@functools.lru_cache(maxsize=8)
def _occasion_then_name(connectives: tuple[str, ...]) -> regex.Pattern[str]:
    """A dash, the occasion ending in a connective and a period, then the rest of the line."""
    ends = "|".join(regex.escape(c) for c in sorted(connectives, key=len, reverse=True)) or "(?!)"
    dash = r"[-\N{EN DASH}\N{EM DASH}\N{HORIZONTAL BAR}]"
    return regex.compile(rf"{dash}[^\n]*?(?:{ends})\.[ \t]+(?P<name>[^\n.]{{2,40}}?)[ \t]*$", regex.M)


def _context_then_name(doc: Doc, span: QuotedSpan, g: Grammar, end: int) -> CueMatch | None:
    """``"…"-업계를 돌아보며. 김하늘 가온전자 사장``: a sayings column line -- the quote opening it,
    a dash glued to the mark, the occasion ending in a connective (``며.``, ``면서.``), then the
    speaker closing the line."""
    line_start = doc.text.rfind("\n", 0, span.open) + 1
    pattern = _occasion_then_name(g.lex.connectives)
    m = pattern.match(doc.text, end) if ITEM_PREFIX.fullmatch(doc.text, line_start, span.open) else None
    if m is None or not _speech_item(doc, span, g, bullet=True):
        return None
    a, b = m.span("name")
    np = _speaker_np(doc, a, b, g, particle=False)
    if np is None or np[1] != b or np[2]:
        return None
    words = [w for w in doc.words(doc.sentence_of(a)) if a <= w.start and w.end <= b]
    parts = parse_mention([w.text for w in words], [w.tokens[0].tag if w.tokens else "" for w in words], g.lex)
    if parts.title is None:
        return None  # 신제품 발표회: a column names its speakers by name and title
    return _item("cue.collection-after", (doc.sentence_of(a), a, b))


def _next_item(text: str, line_start: int, open_: int) -> regex.Match[str] | None:
    """``▲"…"(김 의원) ▲"…"(박 의원)``: a later item on the same line, after the attribution of the one before."""
    k = max(text.rfind(b, line_start, open_) for b in BULLETS if b not in "*-\N{MIDDLE DOT}\N{EN DASH}\N{EM DASH}")
    if k <= line_start or not text[line_start:k].rstrip().endswith(")"):
        return None
    return ITEM_PREFIX.fullmatch(text, k, open_)


def collection_before(doc: Doc, span: QuotedSpan, g: Grammar) -> CueMatch | None:
    """``△김 의원 = "…"``, ``[김OO / 목격자] "…"``, ``▶ 인터뷰 : 김OO / 주민 - "…"``, ``△김 의원 - "…"``."""
    line_start = doc.text.rfind("\n", 0, span.open) + 1
    upto = span.open
    if line_start and ITEM_PREFIX.fullmatch(doc.text, line_start, span.open):
        line_start = doc.text.rfind("\n", 0, line_start - 1) + 1  # the caption stands on the line before
        if line_start and ASIDE_LINE.fullmatch(doc.text, line_start, span.open):
            upto = line_start  # [김OO, 상인] / (언제부터요?) / "…": the reporter's question between
            line_start = doc.text.rfind("\n", 0, line_start - 1) + 1
    if span.open - line_start > CAPTION_MAX:
        return None
    m = ITEM_BEFORE.search(doc.text[line_start:upto])
    if m is None or bool(m.group("bracket")) != bool(m.group("close")):
        return None
    sep = (m.group("sep") or "").strip() in ("-", "=", "\N{EN DASH}") and bool(m.group("bullet").strip())
    if (m.group("label") or "").strip() not in ("", *g.words("caption_label")) or not (
        m.group("role") or m.group("close") or sep
    ):
        return None
    role = (m.group("role") or "").strip()
    if role.startswith(",") and not title_of(role.split()[-1], g.lex):
        return None  # [김OO, 상인]; not a dateline or a credit, [서울, 한빛뉴스]
    a, b = line_start + m.start("name"), line_start + m.end("name")
    np = _speaker_np(doc, a, b, g, particle=False)
    return None if np is None or np[1] != b else _item("cue.collection-before", (doc.sentence_of(a), a, b))


def _item(rule: str, where: tuple[int, int, int]) -> CueMatch:
    return CueMatch(speech=True, rules=(rule,), speaker_span=where, speaker_rule="speaker.collection")
