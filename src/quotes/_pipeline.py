"""The extractor: wires the stages together and builds the records.

Contract: :meth:`Extractor.analyze` runs, on one text, the stages in order --
clean (``_text``) -> marks (``_marks``) -> sentences (``_sentences``) ->
document words (``_document`` over ``_morphology``, the only Kiwi module) ->
speech or not (``_speech``: ``_cues`` then ``_layout``, reading phrases with
``_phrases`` and mentions with ``_mentions``) -> indirect speech
(``_indirect``) -> speakers (``_speakers``, the sieve) -> coreference
(``_coreference``) -> records -- and maps every offset back to the caller's
string.  No rule lives here.  An :class:`Extractor` holds only immutable
configuration and a lazily built analyser, so one instance can be shared by
threads; it pickles as its configuration (the analyser is rebuilt on the
other side).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._cues import Grammar
from ._document import Doc
from ._entities import attach_entities
from ._hanja import has_hanja
from ._indirect import find_indirect
from ._lexicon import Lexicon, load_lexicon
from ._marks import Family, QuotedSpan, find_spans
from ._morphology import Analyser
from ._nested import keep_nested, nested_documents, resolve_outside
from ._placed import Inside, Placed, as_written
from ._sentences import split
from ._speaker_coref import resolve_speakers
from ._speakers import Attribution, Trace, attribute
from ._speech import Found, find_speech
from ._stories import story_starts
from ._text import clean
from .config import Config
from .errors import ConfigError
from .explain import Explanation, from_trace
from .records import (
    Analysis,
    Cue,
    Mention,
    NotSpeech,
    Order,
    Problem,
    ProblemCode,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)

if TYPE_CHECKING:  # pragma: no cover
    from kiwipiepy import Kiwi

__all__ = ["Extractor"]


def _check_text(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("extract() needs a str; decode bytes first, e.g. data.decode('utf-8')")
    raise TypeError(f"extract() needs a str, not {type(text).__name__}")


def _check_texts(texts: Any) -> Iterator[Any]:
    """An iterator over ``texts``; one ``str`` or ``bytes`` is refused (it would be read character by character)."""
    if isinstance(texts, (str, bytes, bytearray, memoryview)):
        kind = "str" if isinstance(texts, str) else "bytes"
        raise TypeError(
            f"texts must be an iterable of str, not one {kind}: wrap a single text in a list, "
            "e.g. extract_many([text]), or call extract(text)"
        )
    try:
        return iter(texts)
    except TypeError:
        raise TypeError(f"texts must be an iterable of str, not {type(texts).__name__}") from None


class Extractor:
    """Finds quotes in Korean news text.

    Args:
        config: a :class:`quotes.Config` (default: ``Config()``).
        kiwi: a ``kiwipiepy.Kiwi`` to use (user dictionary etc.); if ``None``,
            one is built on first use.
        **options: shorthand for ``Config`` fields
            (``Extractor(exhaustive=True)``); they replace the fields of
            ``config`` and are checked the same way (``lexicons=None`` means
            no user lexicons, as in ``Config``).

    Everything is checked here, not at the first extract: the options, the
    lexicon files (read now) and ``kiwi``.

    Raises:
        ConfigError: an invalid or unknown option, an empty ``kinds``, or a
            ``kiwi`` without a ``tokenize`` method.
        LexiconError: a user lexicon file is malformed.

    >>> from quotes import Extractor
    >>> ex = Extractor()
    >>> [q.speaker.name for q in ex.extract('김 장관은 "곧 발표하겠다"고 말했다.')]
    [None]
    """

    def __init__(self, config: Config | None = None, *, kiwi: Kiwi | None = None, **options: Any) -> None:
        if config is not None and not isinstance(config, Config):
            raise ConfigError(f"config must be a quotes.Config, not {type(config).__name__}")
        try:
            config = attrs.evolve(config or Config(), **options)
        except TypeError as exc:
            raise ConfigError(f"unknown option: {exc}") from exc
        if kiwi is not None and not callable(getattr(kiwi, "tokenize", None)):
            raise ConfigError(
                f"kiwi must be a kiwipiepy.Kiwi (an object with a tokenize method), not {type(kiwi).__name__}; "
                "or leave it out and one is built on first use"
            )
        self.config = config
        self.lexicon: Lexicon = load_lexicon(config.lexicons)
        self._grammar = Grammar(self.lexicon)
        #: The lexicon's words written in hanja (美, 與, 前): the view keeps them unread.
        self._hanja_words = frozenset(w for rows in self.lexicon.words.values() for w in rows if has_hanja(w))
        self._analyser = Analyser(kiwi)
        self._user_kiwi = kiwi is not None

    def __getstate__(self) -> dict[str, Any]:
        if self._user_kiwi:
            # A user Kiwi may carry a modified dictionary that cannot be rebuilt.
            raise TypeError(
                "an Extractor built with your own Kiwi cannot be pickled; pickle one built "
                "from a Config and give each process its own Kiwi"
            )
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Extractor({self.config!r})"

    @property
    def analyser(self) -> Analyser:
        """The (lazily built) analyser wrapper."""
        return self._analyser

    def extract(self, text: str) -> list[Quote]:
        """Return the quotes of ``text`` in text order (see :func:`quotes.extract`)."""
        return list(self.analyze(text).quotes)

    @property
    def kiwi(self) -> Kiwi:
        """The ``kiwipiepy.Kiwi`` this extractor uses (built on first access)."""
        return self._analyser.kiwi

    def extract_many(
        self, texts: Iterable[str], *, workers: int = 1, chunk_size: int = 8, start_method: str | None = None
    ) -> Iterator[list[Quote]]:
        """Yield the quotes of each text, in input order (see :meth:`analyze_many`; checked when called)."""
        analyses = self.analyze_many(texts, workers=workers, chunk_size=chunk_size, start_method=start_method)
        return (list(analysis.quotes) for analysis in analyses)

    def analyze_many(
        self, texts: Iterable[str], *, workers: int = 1, chunk_size: int = 8, start_method: str | None = None
    ) -> Iterator[Analysis]:
        """Yield the :class:`Analysis` of each text, in input order, streaming.

        Args:
            texts: any iterable of ``str`` (read lazily: a generator over a
                huge corpus is fine).
            workers: processes to use.  ``1`` analyses in this process;
                ``N > 1`` starts ``N`` worker processes, each with its own
                extractor and Kiwi (about 550 MiB each; the model loads in
                2-4 s), and keeps at most ``2 * N`` chunks in flight.
            chunk_size: texts sent to a worker at a time.
            start_method: ``multiprocessing`` start method for the workers
                (default ``forkserver`` where available, else ``spawn``).

        Raises:
            TypeError: ``texts`` is one ``str`` or ``bytes`` (wrap it in a
                list) or not iterable; a text is not a ``str`` (raised at its
                position); ``workers`` / ``chunk_size`` is not an ``int``.
            ValueError: ``workers`` or ``chunk_size`` is less than 1,
                or ``workers > 1`` for an extractor built with your own Kiwi
                (it cannot be sent to other processes).

        The results are equal to ``[self.analyze(t) for t in texts]``.  The
        arguments are checked when this is called, before anything is read.
        """
        texts = _check_texts(texts)
        for name, value in (("workers", workers), ("chunk_size", chunk_size)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{name} must be an int, not {type(value).__name__}")
            if value < 1:
                raise ValueError(f"{name} must be a positive int, got {value!r}")
        if workers == 1:
            return (self.analyze(t) for t in texts)
        if self._user_kiwi:
            raise ValueError(
                "workers > 1 needs an Extractor built from a Config (each process builds its own Kiwi); "
                "this one was given a Kiwi"
            )
        from ._parallel import analyze_in_processes

        return analyze_in_processes(
            self.config, texts, workers=workers, chunk_size=chunk_size, start_method=start_method
        )

    def explain(self, text: str) -> tuple[Explanation, ...]:
        """Analyse ``text`` and say, for each quote, how its speaker was chosen.

        Returns one :class:`quotes.explain.Explanation` per quote of
        :meth:`analyze` (same order, same records) with the speaker sieve's
        steps: each rule tried, the candidates it refused and why, and the
        rule that answered.
        """
        text = _check_text(text)
        self._check_size(text)
        parts: list[tuple[int, Trace]] = []
        quotes: list[Quote] = []
        stories: list[int] = []
        for a, b in blocks(text, self.config.block_chars) if text.strip() else []:
            trace = Trace()
            part = self._analyze_block(text, a, b, trace, stories)
            parts.append((len(part.quotes), trace))
            quotes.extend(part.quotes)
        found = attach_entities(quotes, self.lexicon, stories)[0]  # the same records as analyze's
        out: list[Explanation] = []
        k = 0
        for n, trace in parts:
            out.extend(from_trace(text, found[k : k + n], trace))
            k += n
        return tuple(out)

    def analyze(self, text: str) -> Analysis:
        """Return the quotes of ``text`` and the problems found in it."""
        text = _check_text(text)
        self._check_size(text)
        if not text.strip():
            return Analysis()
        size = self.config.block_chars
        stories: list[int] = []
        if len(text) <= size:
            analysis = self._analyze_block(text, 0, len(text), stories=stories)
            found, people = attach_entities(analysis.quotes, self.lexicon, stories)
            return attrs.evolve(analysis, quotes=found, entities=people)
        quotes: list[Quote] = []
        problems: list[Problem] = []
        not_speech: list[NotSpeech] = []
        for a, b in blocks(text, size):
            part = self._analyze_block(text, a, b, stories=stories)
            quotes.extend(part.quotes)
            problems.extend(part.problems)
            not_speech.extend(part.not_speech)
        found, people = attach_entities(quotes, self.lexicon, stories)
        return Analysis(quotes=found, problems=tuple(problems), not_speech=tuple(not_speech), entities=people)

    def _check_size(self, text: str) -> None:
        limit = self.config.max_chars
        if limit is not None and len(text) > limit:
            raise ValueError(
                f"text has {len(text)} characters, more than max_chars={limit}; split it or raise the limit"
            )

    def _analyze_block(
        self, whole: str, start: int, end: int, trace: Trace | None = None, stories: list[int] | None = None
    ) -> Analysis:
        """Analyse ``whole[start:end]``; offsets into ``whole`` (no entities: they are built over all blocks).

        The block's story starts, as offsets into ``whole``, are appended to ``stories``.
        """
        text = whole if (start, end) == (0, len(whole)) else whole[start:end]
        if not text.strip():
            return Analysis()
        ct = Placed(clean(text, self._hanja_words), whole, start)
        spans, mark_problems = find_spans(ct.text)
        exhaustive = self.config.exhaustive
        doc = Doc(ct.text, spans, split(ct.text, spans), self._analyser, mask_quotes=not exhaustive)
        doc.story_starts = story_starts(ct.text, self._grammar.byline, self._grammar.closing_byline)
        if stories is not None:
            stories.extend(ct.span(p, p)[0] for p in doc.story_starts)
        if exhaustive:
            doc.analyse_all()
        found, rejected = find_speech(doc, self._grammar, include_unclosed=self.config.include_unclosed)
        found = self._with_indirect(doc, found)
        attributions = attribute(doc, found, self.lexicon, trace)
        attributions = resolve_speakers(
            doc, self.lexicon, self._grammar.title, attributions, [f.span.open for f in found]
        )
        analysis = self._records(ct, doc, found, attributions, mark_problems)
        nested = self._nested(ct, doc, found, attributions)
        if nested:
            quotes = sorted([*analysis.quotes, *nested], key=lambda q: (q.start, -q.end))
            analysis = attrs.evolve(analysis, quotes=tuple(quotes))
        if trace is not None:
            trace.to_original = ct.span
        not_speech = []
        for span, rules in rejected:
            a, b = ct.span(span.content_start, span.content_end)
            not_speech.append(NotSpeech(text=ct.original[a:b], start=a, end=b, rules=rules))
        return attrs.evolve(analysis, not_speech=tuple(not_speech))

    def _nested(self, ct: Placed, doc: Doc, found: list[Found], attributions: list[Attribution]) -> list[Quote]:
        """Quotes inside quotes, said by someone the outer speaker names (:mod:`quotes._nested`)."""
        if QuoteKind.DIRECT not in self.config.kinds:
            return []
        out: list[Quote] = []
        for inner in nested_documents(doc, found, self._analyser, mask=not self.config.exhaustive):
            if self.config.exhaustive:
                inner.doc.analyse_all()
            speech = [f for f in find_speech(inner.doc, self._grammar, include_unclosed=False)[0] if not f.unmarked]
            if not speech:
                continue
            said = resolve_speakers(
                inner.doc, self.lexicon, self._grammar.title, attribute(inner.doc, speech, self.lexicon, None)
            )
            kept = keep_nested(inner, speech, said, attributions[inner.outer], self.lexicon)
            kept = [(f, resolve_outside(doc, inner, a, self.lexicon, self._grammar.title)) for f, a in kept]
            if kept:
                placed = Inside(ct, inner.offset, inner.doc.text)
                out.extend(self._records(placed, inner.doc, [f for f, _ in kept], [a for _, a in kept], []).quotes)
        return out

    def _with_indirect(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Add the indirect items of the configured kinds; keep only the configured kinds."""
        kinds = self.config.kinds
        if kinds - {QuoteKind.DIRECT}:
            items = find_indirect(doc, self._grammar, {f.span.open for f in found}, hearsay=QuoteKind.HEARSAY in kinds)
            unmarked = [(f.span.content_start, f.span.content_end) for f in found if f.unmarked]
            for it in items:
                if it.kind not in kinds or any(a <= it.start and it.end <= b for a, b in unmarked):
                    continue  # (a clause inside a transcript utterance is that utterance's)
                pseudo = QuotedSpan(it.start, None, it.start, it.end, Family.DOUBLE)
                found.append(
                    Found(
                        span=pseudo,
                        sentence=it.sentence,
                        cue=it.cue,
                        rules=it.cue.rules,
                        kind=it.kind,
                        no_speaker=it.no_speaker,
                    )
                )
            found.sort(key=lambda f: (f.sentence, f.span.content_start))
        if QuoteKind.DIRECT not in kinds:
            found = [f for f in found if f.kind != QuoteKind.DIRECT]
        return found

    def _records(
        self,
        ct: Placed,
        doc: Doc,
        found: Sequence[Found],
        attributions: Sequence[Attribution],
        mark_problems: list[tuple[int, str]],
    ) -> Analysis:
        src = ct.original
        quotes: list[Quote] = []
        problems: list[Problem] = []
        for f, at in zip(found, attributions, strict=True):
            s, e = ct.span(f.span.content_start, f.span.content_end)
            speaker = _speaker(ct, at)
            cue = None
            if f.cue.cue is not None and f.cue.kind is not None:
                cs, ce, lemma = f.cue.cue
                a, b = ct.span(cs, ce)
                cue = Cue(text=src[a:b], start=a, end=b, lemma=lemma, kind=f.cue.kind)
            ss, se = doc.sentences[f.sentence].start, doc.sentences[f.sentence].end
            sa, sb = ct.span(ss, se)
            if f.kind != QuoteKind.DIRECT:
                rules = []
            elif f.unmarked:
                rules = ["mark.none"]
            elif f.span.close is not None:
                rules = ["mark.pair." + f.span.family.value]
            else:
                rules = ["mark.unclosed-to-paragraph-end"]
            if f.span.mismatched:
                rules.append("mark.mismatched")
            rules += [r for r in f.rules if r not in rules]
            rules += at.rules
            quotes.append(
                Quote(
                    text=src[s:e],
                    start=s,
                    end=e,
                    kind=f.kind,
                    open_mark=ct.span(f.span.open, f.span.open + 1)[0]
                    if f.kind == QuoteKind.DIRECT and not f.unmarked
                    else None,
                    close_mark=None if f.span.close is None else ct.span(f.span.close, f.span.close + 1)[0],
                    speaker=speaker,
                    cue=cue,
                    order=at.order if speaker else Order.NONE,
                    sentence_start=sa,
                    sentence_end=sb,
                    rules=tuple(rules),
                )
            )
            if speaker is not None and at.ambiguous:
                problems.append(
                    Problem(
                        code=ProblemCode.AMBIGUOUS_SPEAKER,
                        start=speaker.start,
                        end=speaker.end,
                        message="short reference with several possible antecedents; left unresolved",
                    )
                )
            if speaker is None and not f.no_speaker:
                problems.append(
                    Problem(code=ProblemCode.NO_SPEAKER, start=s, end=e, message="no speaker found for this quote")
                )
        messages = {
            "stray_mark": (ProblemCode.STRAY_MARK, "closing mark without an opening mark"),
            "unclosed_mark": (ProblemCode.UNCLOSED_MARK, "opening mark never closed; the quote ends at its paragraph"),
            "mismatched_marks": (ProblemCode.MISMATCHED_MARKS, "quote opened and closed with different kinds of marks"),
        }
        for pos, code in mark_problems:
            c, msg = messages[code]
            a, b = ct.span(pos, pos + 1)
            problems.append(Problem(code=c, start=a, end=b, message=msg))
        problems.sort(key=lambda p: (p.start, p.code))
        return Analysis(quotes=tuple(quotes), problems=tuple(problems))


def blocks(text: str, size: int) -> list[tuple[int, int]]:
    r"""Cut ``text`` into ``[a, b)`` blocks of at most ``size`` characters.

    Each cut falls after the last blank line in the second half of the block,
    else after a line break, else after a space, else at ``size`` (never
    between a ``\r`` and its ``\n``).

    >>> blocks("가나다\n\n라마바\n\n사아", 8)
    [(0, 5), (5, 12)]
    """
    out: list[tuple[int, int]] = []
    a = 0
    n = len(text)
    while n - a > size:
        floor, limit = a + size // 2, a + size
        cut = -1
        for sep in ("\n\n", "\n", " "):
            pos = text.rfind(sep, floor, limit - len(sep) + 1)
            if pos >= 0:
                cut = pos + len(sep)
                break
        if cut < 0:
            cut = limit - 1 if text[limit - 1] == "\r" else limit
        out.append((a, cut))
        a = cut
    out.append((a, n))
    return out


def _speaker(ct: Placed, at: Attribution) -> Speaker | None:
    """The :class:`Speaker` record of an attribution (offsets into the caller's string)."""
    if at.speaker is None or at.parts is None:
        return None
    src = ct.original
    a, b = ct.span(*at.speaker)
    ante = None
    if at.antecedent is not None:
        x, y = ct.span(*at.antecedent)
        ante = Mention(text=src[x:y], start=x, end=y)
    kind = at.parts.kind
    if at.resolved_name and kind == SpeakerKind.ANONYMOUS:
        kind = SpeakerKind.PERSON  # 한 의원 resolved to 한지석: the surname reading
    own = at.speaker
    if at.resolved_name:
        name = as_written(ct, at.resolved_name, at.antecedent or own)
    else:
        name = as_written(ct, at.parts.name, own)
    return Speaker(
        text=src[a:b],
        start=a,
        end=b,
        name=name,
        title=as_written(ct, at.parts.title, own),
        affiliation=as_written(ct, at.parts.affiliation, own),
        kind=kind,
        antecedent=ante,
        rules=(*at.rules[:1], *at.parts.rules, *at.rules[1:]),  # the sieve's rule, then the deciding rows
    )
