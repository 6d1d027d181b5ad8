"""The working state of one document while the stages run.

Contract: a :class:`Doc` holds the cleaned text, the quoted spans, the
sentences and, per sentence, the analyser's tokens and the words
(whitespace-separated *eojeol*) with their tokens.  Tokens are computed per
sentence, on demand and at most once, so a stage that never looks at a
sentence never pays for its analysis, and a string that occurs twice in a
document (a headline repeated in the lead) is analysed once; ``Doc.analyse_all()`` is the exhaustive
mode used as the reference.  All offsets here are into the cleaned text.

In the fast mode (``mask_quotes=True``) the analyser does not read the middle
of long quotes: no rule looks at the tokens inside a top-level quote, only at
the words around it and at the quote's text.  The analysed string keeps the
opening mark with the first word of the content and the last words of the
content (Kiwi reads the particle after the closing mark from them; the words on
both sides of each mark keep the context the analyser weighs the words outside
the quote by) and everything outside quotes; tokens are mapped back
to their real offsets and words inside quotes get no tokens.  The exhaustive
mode analyses every sentence in full; a test keeps the two modes' results
identical on every gold set.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from ._marks import QuotedSpan
from ._morphology import Analyser, Token
from ._sentences import Sentence

__all__ = ["Doc", "Word"]

WORD = regex.compile(r"\S+")
MAX_ANALYSED_SENTENCE = 2000
#: Quotes with more content than this are analysed only by their last words.
MASK_MIN_CHARS = 12
#: How much of a masked quote's end is kept (then moved on to a word start).
MASK_TAIL_CHARS = 8
#: At most this much of a masked quote's start is kept (cut back to the end of its first word).
MASK_HEAD_CHARS = 8


@attrs.frozen
class Word:
    """One eojeol: its span and the tokens that start inside it."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    @property
    def last(self) -> Token | None:
        return self.tokens[-1] if self.tokens else None


class Doc:
    """Cleaned text + spans + sentences + lazily analysed words."""

    def __init__(
        self,
        text: str,
        spans: Sequence[QuotedSpan],
        sentences: Sequence[Sentence],
        analyser: Analyser,
        *,
        mask_quotes: bool = False,
    ) -> None:
        self.text = text
        self.mask_quotes = mask_quotes
        self.spans = list(spans)
        self.top = sorted((s for s in spans if s.depth == 0), key=lambda s: s.open)
        self._top_starts = [s.open for s in self.top]
        self._top_ends = [self.span_end(s) for s in self.top]
        self._top_index = {s.open: i for i, s in enumerate(self.top)}
        self.sentences = list(sentences)
        self._sent_starts = [s.start for s in sentences]
        self._analyser = analyser
        self._words: dict[int, tuple[Word, ...]] = {}
        #: Offsets at which a story begins (:mod:`quotes._stories`); one story unless set.
        self.story_starts: list[int] = [0]
        self._outside: dict[int, tuple[list[int], list[int]]] = {}
        #: tokens of the strings analysed in this document: crawled news repeats its headline
        #: in the lead, captions and bylines, and Kiwi gives the same string the same tokens
        self._analysed: dict[str, tuple[Token, ...]] = {}

    @staticmethod
    def span_end(s: QuotedSpan) -> int:
        """Offset after the span including its closing mark."""
        return s.close + 1 if s.close is not None else s.content_end

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing ``pos`` (or the one before it)."""
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def story_start(self, pos: int) -> int:
        """The offset at which the story holding ``pos`` begins."""
        return self.story_starts[max(0, bisect.bisect_right(self.story_starts, pos) - 1)]

    def body_sentences(self, si: int, count: int = 2, reach: int = 8) -> list[int]:
        """The next ``count`` sentences of ``si``'s story with four words or more (a dateline,
        ``입력 2022.03.22``, or a photo credit under a headline is skipped), within ``reach``."""
        out: list[int] = []
        story = self.story_start(self.sentences[si].start)
        for i in range(si + 1, min(si + 1 + reach, len(self.sentences))):
            if self.story_start(self.sentences[i].start) != story or len(out) == count:
                break
            sent = self.sentences[i]
            if len(self.text[sent.start : sent.end].split()) >= 4:  # (counted on the surface: no analysis)
                out.append(i)
        return out

    def one_common_noun(self, start: int, words: Sequence[str]) -> bool:
        """Is ``words`` the one word at ``start``, read by the analyser as one common noun, maybe with a
        noun suffix (``지지율``: 지지/NNG 율/XSN)?"""
        w = next((w for w in self.words(self.sentence_of(start)) if w.start == start), None)
        toks = [t for t in w.tokens if not t.tag.startswith(("J", "S"))] if w is not None else []
        tags = [t.tag for t in toks]
        return len(words) == 1 and tags in (["NNG"], ["NNG", "XSN"]) and "".join(t.form for t in toks) == words[0]

    def in_top_quote(self, pos: int) -> QuotedSpan | None:
        """The top-level quoted span whose marks enclose ``pos``, if any."""
        k = bisect.bisect_right(self._top_starts, pos) - 1
        if k >= 0 and self._top_starts[k] <= pos < self._top_ends[k]:
            return self.top[k]
        return None

    def next_top(self, span: QuotedSpan) -> QuotedSpan | None:
        """The top-level span after ``span``, if any."""
        k = self._top_index[span.open] + 1
        return self.top[k] if k < len(self.top) else None

    def tops_in(self, a: int, b: int) -> list[QuotedSpan]:
        """Top-level spans that open inside ``[a, b)``."""
        return self.top[bisect.bisect_left(self._top_starts, a) : bisect.bisect_left(self._top_starts, b)]

    def holds_saying(self, a: int, b: int) -> bool:
        """Whether a top-level quote opening in ``[a, b)`` could be words said: four words or more, or
        sentence punctuation at its end (not a quoted name or term such as ``'갤럭시노트8'``)."""
        for s in self.tops_in(a, b):
            content = self.text[s.content_start : s.content_end].strip()
            if len(content.split()) >= 4 or content.endswith((".", "?", "!")):
                return True
        return False

    def has_top_quote(self, a: int, b: int) -> bool:
        """Whether a top-level span opens inside ``[a, b)``."""
        k = bisect.bisect_left(self._top_starts, a)
        return k < len(self._top_starts) and self._top_starts[k] < b

    def words(self, index: int) -> tuple[Word, ...]:
        """The words of sentence ``index`` with their tokens (analysed once)."""
        cached = self._words.get(index)
        if cached is not None:
            return cached
        sent = self.sentences[index]
        start, end = sent.start, sent.end
        k0 = bisect.bisect_right(self._top_ends, start)
        k1 = bisect.bisect_left(self._top_starts, end)
        tokens = self._tokenize_masked(start, end, self.top[k0:k1]) if self.mask_quotes else self._tokens_at(start, end)
        out: list[Word] = []
        starts = [t.start for t in tokens]  # offsets into the document, as every token's
        marks = sorted(p for s in self.top[k0:k1] for p in (s.open, s.close) if p is not None and start <= p < end)
        for m in WORD.finditer(self.text, start, end):
            for a, b in _cut(m.start(), m.end(), marks):
                i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
                if i > 0 and tokens[i - 1].end > a:  # a token spanning a space (제롬 파월/NNP)
                    i -= 1
                out.append(Word(a, b, self.text[a:b], tokens[i:j]))
        result = tuple(out)
        self._words[index] = result
        outside = [i for i, w in enumerate(result) if self.in_top_quote(w.start) is None]
        self._outside[index] = (outside, [result[i].start for i in outside])
        return result

    def outside_quotes(self, index: int, a: int = 0, b: int | None = None) -> list[int]:
        """Indices into ``words(index)`` of the words outside top-level quotes starting in ``[a, b)``."""
        self.words(index)
        outside, starts = self._outside[index]
        lo = bisect.bisect_left(starts, a)
        hi = len(starts) if b is None else bisect.bisect_left(starts, b)
        return outside[lo:hi]

    def words_outside_quotes(self, index: int, a: int = 0, b: int | None = None) -> list[Word]:
        """The words of sentence ``index`` outside top-level quotes starting in ``[a, b)``."""
        words = self.words(index)
        return [words[i] for i in self.outside_quotes(index, a, b)]

    def _tokenize_masked(self, start: int, end: int, tops: Sequence[QuotedSpan]) -> tuple[Token, ...]:
        """Tokens of sentence ``[start, end)`` with the middle of long quotes left out.

        Offsets are into the document.
        """
        keep: list[tuple[int, int]] = []  # kept [a, b) ranges, relative to start
        pos = start
        for s in tops:
            c0, c1 = s.content_start, s.content_end
            if c0 < pos or c1 > end or c1 - c0 <= MASK_MIN_CHARS:
                continue
            tail = c1 - MASK_TAIL_CHARS
            space = self.text.find(" ", tail, c1 - 1)
            if space >= 0:
                tail = space + 1
            head = self.text.find(" ", c0 + 1, c0 + MASK_HEAD_CHARS)
            head = c0 + MASK_HEAD_CHARS if head < 0 else head
            if head >= tail:
                continue
            keep.append((pos - start, head - start))
            pos = tail
        if not keep:
            return self._tokens_at(start, end)
        keep.append((pos - start, end - start))
        text = self.text[start:end]
        masked = "".join(text[a:b] for a, b in keep)
        bases: list[int] = []  # masked offset where each kept range begins
        total = 0
        for a, b in keep:
            bases.append(total)
            total += b - a
        out: list[Token] = []
        for t in self._tokenize(masked):
            k = bisect.bisect_right(bases, t.start) - 1
            shift = keep[k][0] - bases[k] + start
            limit = keep[k][1] + start
            out.append(Token(t.form, t.tag, t.start + shift, min(t.end + shift, limit)))
        return tuple(out)

    def _tokens_at(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens of ``text[start:end]``, at their offsets into the document."""
        return tuple(Token(t.form, t.tag, t.start + start, t.end + start) for t in self._tokenize(self.text[start:end]))

    def _tokenize(self, text: str) -> tuple[Token, ...]:
        if len(text) <= MAX_ANALYSED_SENTENCE:
            hit = self._analysed.get(text)
            if hit is None:
                hit = self._analysed[text] = self._analyser.tokenize(text)
            return hit
        # Very long "sentences" (no punctuation): analyse in word-aligned chunks.
        tokens: list[Token] = []
        pos = 0
        while pos < len(text):
            cut = min(len(text), pos + MAX_ANALYSED_SENTENCE)
            if cut < len(text):
                space = text.rfind(" ", pos + MAX_ANALYSED_SENTENCE // 2, cut)
                cut = space + 1 if space > 0 else cut
            tokens.extend(
                Token(t.form, t.tag, t.start + pos, t.end + pos) for t in self._analyser.tokenize(text[pos:cut])
            )
            pos = cut
        return tuple(tokens)

    def analyse_all(self) -> None:
        """Analyse every sentence now (the exhaustive reference mode)."""
        for i in range(len(self.sentences)):
            self.words(i)

    def glued_to_close(self, word: Word) -> bool:
        """Is ``word`` the ending glued to a closing mark (the ``고`` of ``"…"고``)?"""
        span = self.in_top_quote(word.start - 1) if word.start else None
        return span is not None and span.close == word.start - 1


def _cut(a: int, b: int, marks: Sequence[int]) -> list[tuple[int, int]]:
    """Split ``[a, b)`` at the mark positions in it, dropping the marks."""
    i = bisect.bisect_left(marks, a)
    parts: list[tuple[int, int]] = []
    pos = a
    while i < len(marks) and marks[i] < b:
        if marks[i] > pos:
            parts.append((pos, marks[i]))
        pos = marks[i] + 1
        i += 1
    if pos < b:
        parts.append((pos, b))
    return parts
