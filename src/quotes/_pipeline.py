"""The extractor: wires the stages together.  The only place they meet.

Contract: :meth:`Extractor.analyze` runs, on one text,
clean (``_text``) -> marks (``_marks``) -> sentences (``_sentences``) ->
cues (``_cues``) -> speakers (``_speakers``) -> coreference
(``_coreference``) -> records, and maps every offset back to the caller's
string.  An :class:`Extractor` holds only immutable configuration and a lazily
built analyser, so one instance can be shared by threads; it pickles as its
configuration (the analyser is rebuilt on the other side).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._coreference import PersonMention, resolve
from ._cues import CueMatch, Grammar, classify
from ._document import Doc
from ._indirect import find_indirect
from ._lexicon import Lexicon, load_lexicon
from ._marks import Family, QuotedSpan, find_spans
from ._morphology import Analyser
from ._sentences import split
from ._speakers import (
    Candidate,
    Parts,
    noun_phrase_left,
    parse_mention,
    person_like,
    subject_candidates,
    title_of,
    word_tag,
)
from ._text import CleanText, clean
from .config import Config
from .errors import ConfigError
from .records import (
    Analysis,
    Cue,
    Entity,
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

# Speakers named by the cue of one quote only (not shared along a chain).
PER_QUOTE_SPEAKER = frozenset({"speaker.relative-head", "speaker.according-to"})


@attrs.define
class _Found:
    """A speech quote being built (cleaned-text offsets)."""

    span: QuotedSpan
    sentence: int
    cue: CueMatch
    rules: list[str]
    kind: QuoteKind = QuoteKind.DIRECT
    no_speaker: bool = False
    ambiguous: bool = False
    speaker: tuple[int, int] | None = None
    parts: Parts | None = None
    order: Order = Order.NONE
    speaker_rules: list[str] = attrs.field(factory=list)
    antecedent: tuple[int, int] | None = None
    resolved_name: str | None = None


def _check_text(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("extract() needs a str; decode bytes first, e.g. data.decode('utf-8')")
    raise TypeError(f"extract() needs a str, not {type(text).__name__}")


class Extractor:
    """Finds quotes in Korean news text.

    Args:
        config: a :class:`quotes.Config` (default: ``Config()``).
        kiwi: a ``kiwipiepy.Kiwi`` to use (user dictionary etc.); if ``None``,
            one is built on first use.
        **options: shorthand for ``Config`` fields
            (``Extractor(exhaustive=True)``).

    Raises:
        ConfigError: an invalid option.
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
        self.config = config
        self.lexicon: Lexicon = load_lexicon(config.lexicons)
        self._grammar = Grammar(self.lexicon)
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
        """Yield the quotes of each text, in input order (see :meth:`analyze_many`)."""
        for analysis in self.analyze_many(texts, workers=workers, chunk_size=chunk_size, start_method=start_method):
            yield list(analysis.quotes)

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
            TypeError: a text is not a ``str`` (raised at its position), or
                ``workers`` / ``chunk_size`` is not an ``int``.
            ValueError: ``workers`` or ``chunk_size`` is less than 1,
                or ``workers > 1`` for an extractor built with your own Kiwi
                (it cannot be sent to other processes).

        The results are equal to ``[self.analyze(t) for t in texts]``.
        """
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

    def analyze(self, text: str) -> Analysis:
        """Return the quotes of ``text`` and the problems found in it."""
        text = _check_text(text)
        limit = self.config.max_chars
        if limit is not None and len(text) > limit:
            raise ValueError(
                f"text has {len(text)} characters, more than max_chars={limit}; split it or raise the limit"
            )
        if not text.strip():
            return Analysis()
        size = self.config.block_chars
        if len(text) <= size:
            analysis = self._analyze_block(text, 0, len(text))
            return attrs.evolve(analysis, entities=_entities(analysis.quotes))
        quotes: list[Quote] = []
        problems: list[Problem] = []
        not_speech: list[NotSpeech] = []
        for a, b in blocks(text, size):
            part = self._analyze_block(text, a, b)
            quotes.extend(part.quotes)
            problems.extend(part.problems)
            not_speech.extend(part.not_speech)
        found = tuple(quotes)
        return Analysis(quotes=found, problems=tuple(problems), not_speech=tuple(not_speech), entities=_entities(found))

    def _analyze_block(self, whole: str, start: int, end: int) -> Analysis:
        """Analyse ``whole[start:end]``; offsets into ``whole`` (no entities: they are built over all blocks)."""
        text = whole if (start, end) == (0, len(whole)) else whole[start:end]
        if not text.strip():
            return Analysis()
        ct = _Placed(clean(text), whole, start)
        spans, mark_problems = find_spans(ct.text)
        exhaustive = self.config.exhaustive
        doc = Doc(ct.text, spans, split(ct.text, spans), self._analyser, mask_quotes=not exhaustive)
        if exhaustive:
            doc.analyse_all()
        found, rejected = self._cues(doc)
        kinds = self.config.kinds
        if kinds - {QuoteKind.DIRECT}:
            items = find_indirect(doc, self._grammar, {f.span.open for f in found}, hearsay=QuoteKind.HEARSAY in kinds)
            for it in items:
                if it.kind not in kinds:
                    continue
                pseudo = QuotedSpan(it.start, None, it.start, it.end, Family.DOUBLE)
                found.append(_Found(pseudo, it.sentence, it.cue, list(it.cue.rules), it.kind, it.no_speaker))
            found.sort(key=lambda f: (f.sentence, f.span.content_start))
        if QuoteKind.DIRECT not in kinds:
            found = [f for f in found if f.kind != QuoteKind.DIRECT]
        self._speakers(doc, found)
        self._resolve(doc, found)
        analysis = self._records(ct, doc, found, mark_problems)
        not_speech = []
        for span, rules in rejected:
            a, b = ct.span(span.content_start, span.content_end)
            not_speech.append(NotSpeech(text=ct.original[a:b], start=a, end=b, rules=rules))
        return attrs.evolve(analysis, not_speech=tuple(not_speech))

    # -- stages ---------------------------------------------------------------

    def _cues(self, doc: Doc) -> tuple[list[_Found], list[tuple[QuotedSpan, tuple[str, ...]]]]:
        matches: list[tuple[QuotedSpan, int, CueMatch]] = []
        for span in doc.top:
            if span.content_end <= span.content_start or not doc.text[span.content_start : span.content_end].strip():
                continue
            if span.close is None and not self.config.include_unclosed:
                continue
            si = doc.sentence_of(span.open)
            matches.append((span, si, classify(doc, span, si, self._grammar)))
        # Coordinated quotes ("A", "B"면서) take the decision of the quote after them.
        for i in range(len(matches) - 2, -1, -1):
            span, si, cm = matches[i]
            _, nsi, ncm = matches[i + 1]
            if cm.coordinated and nsi == si and ncm.speech:
                matches[i] = (span, si, attrs.evolve(ncm, rules=("cue.coordinated", *ncm.rules), links_next=True))
        rejected = [(s, cm.rules) for s, _, cm in matches if not cm.speech]
        return [_Found(s, si, cm, list(cm.rules)) for s, si, cm in matches if cm.speech], rejected

    def _speakers(self, doc: Doc, found: list[_Found]) -> None:
        lex = self.lexicon
        last_in_paragraph: dict[int, _Found] = {}
        i = 0
        while i < len(found):
            # A chain: quotes of one sentence joined by connectives.
            j = i
            while j + 1 < len(found) and found[j].sentence == found[j + 1].sentence and found[j].cue.links_next:
                j += 1
            chain = found[i : j + 1]
            si = chain[0].sentence
            s_start, para = doc.sentences[si].start, doc.sentences[si].paragraph
            prev_in_sentence = found[i - 1] if i > 0 and found[i - 1].sentence == si else None
            region_start = s_start
            if prev_in_sentence is not None and prev_in_sentence.cue.speaker_rule != "speaker.relative-head":
                region_start = max(doc.span_end(prev_in_sentence.span), prev_in_sentence.cue.clause_end)
            fixed = next(
                (f.cue for f in chain if f.cue.speaker_span and f.cue.speaker_rule not in PER_QUOTE_SPEAKER), None
            )
            chosen: tuple[int, int, int] | None = None
            rule = ""
            order = Order.NONE
            if fixed is not None and fixed.speaker_span is not None:
                chosen, rule = fixed.speaker_span, fixed.speaker_rule or ""
                order = (
                    Order.ELSEWHERE
                    if chosen[0] != si
                    else (Order.SPEAKER_FIRST if chosen[1] < chain[0].span.open else Order.QUOTE_FIRST)
                )
            else:
                cands = subject_candidates(doc, si, region_start, chain[0].span.open, lex)
                pick = _pick_before(cands, lex)
                if pick is not None:
                    chosen, rule, order = (si, pick.start, pick.end), "speaker.subject-before", Order.SPEAKER_FIRST
                elif (owner := _genitive_owner(doc, si, chain[0].span, lex)) is not None:
                    chosen, rule, order = (si, *owner), "speaker.genitive", Order.SPEAKER_FIRST
                elif (owner := _juxtaposed(doc, si, chain[0].span, lex)) is not None:
                    chosen, rule, order = (si, *owner), "speaker.juxtaposed", Order.SPEAKER_FIRST
                else:
                    clause_end = max(f.cue.clause_end for f in chain)
                    if clause_end > doc.span_end(chain[-1].span):
                        after = subject_candidates(doc, si, doc.span_end(chain[-1].span), clause_end, lex)
                        if after:
                            c = after[0]
                            chosen, rule, order = (si, c.start, c.end), "speaker.subject-after", Order.QUOTE_FIRST
            inherited: _Found | None = None
            if chosen is None:
                prev = last_in_paragraph.get(para)
                if prev is None and para - 1 in last_in_paragraph and _opens_paragraph(doc, chain[0]):
                    prev = last_in_paragraph[para - 1]
                    rule = "speaker.previous-paragraph"
                else:
                    rule = "speaker.previous-quote"
                if prev is not None and prev.speaker is not None:
                    inherited = prev
                    order = Order.ELSEWHERE
                else:
                    topic = _previous_topic(doc, si, lex)
                    if topic is not None:
                        chosen, rule, order = topic, "speaker.previous-sentence", Order.ELSEWHERE
            for f in chain:
                if f.no_speaker:
                    continue
                if f.cue.speaker_span is not None and f.cue.speaker_rule in PER_QUOTE_SPEAKER:
                    where = f.cue.speaker_span
                    own_order = Order.SPEAKER_FIRST if where[1] < f.span.open else Order.QUOTE_FIRST
                    _set(doc, f, where, f.cue.speaker_rule, own_order, lex)
                elif inherited is not None:
                    f.speaker, f.parts, f.order = inherited.speaker, inherited.parts, order
                    f.speaker_rules = [*inherited.speaker_rules, rule]
                    f.antecedent, f.resolved_name = inherited.antecedent, inherited.resolved_name
                elif chosen is not None:
                    _set(doc, f, chosen, rule, order, lex)
            for f in chain:
                if f.speaker is not None:
                    last_in_paragraph[para] = f
            i = j + 1

    def _resolve(self, doc: Doc, found: list[_Found]) -> None:
        own = [
            f
            for f in found
            if f.speaker is not None and f.parts is not None and not f.speaker_rules[-1].startswith("speaker.previous-")
        ]
        mentions: list[PersonMention] = []
        seen: dict[tuple[int, int], PersonMention] = {}
        for f in own:
            assert f.speaker is not None and f.parts is not None
            if f.speaker not in seen:
                seen[f.speaker] = PersonMention(
                    f.speaker[0], f.speaker[1], doc.sentences[doc.sentence_of(f.speaker[0])].paragraph, f.parts
                )
                mentions.append(seen[f.speaker])
        mentions.sort(key=lambda m: m.start)
        headline = {f.speaker for f in own if f.speaker_rules[0] == "speaker.headline"}
        forward = [(m.start, m.end) in headline for m in mentions]
        resolved = resolve(doc, self.lexicon, self._grammar.title, mentions, forward)
        results = dict(zip(((m.start, m.end) for m in mentions), resolved, strict=True))
        for f in found:
            if f.speaker is None:
                continue
            res = results.get(f.speaker)
            if res is not None and res.rule == "coref.ambiguous":
                f.ambiguous = True
                if res.rule not in f.speaker_rules:
                    f.speaker_rules.append(res.rule)
            elif res is not None:
                f.resolved_name = res.name
                f.antecedent = (res.start, res.end)
                if res.rule not in f.speaker_rules:
                    f.speaker_rules.append(res.rule)

    def _records(self, ct: _Placed, doc: Doc, found: list[_Found], mark_problems: list[tuple[int, str]]) -> Analysis:
        src = ct.original
        quotes: list[Quote] = []
        problems: list[Problem] = []
        for f in found:
            s, e = ct.span(f.span.content_start, f.span.content_end)
            speaker = None
            if f.speaker is not None and f.parts is not None:
                a, b = ct.span(*f.speaker)
                ante = None
                if f.antecedent is not None:
                    x, y = ct.span(*f.antecedent)
                    ante = Mention(text=src[x:y], start=x, end=y)
                kind = f.parts.kind
                if f.resolved_name and kind == SpeakerKind.ANONYMOUS:
                    kind = SpeakerKind.PERSON  # 한 의원 resolved to 한지석: the surname reading
                speaker = Speaker(
                    text=src[a:b],
                    start=a,
                    end=b,
                    name=f.resolved_name or f.parts.name,
                    title=f.parts.title,
                    affiliation=f.parts.affiliation,
                    kind=kind,
                    antecedent=ante,
                    rules=tuple(f.speaker_rules),
                )
            cue = None
            if f.cue.cue is not None and f.cue.kind is not None:
                cs, ce, lemma = f.cue.cue
                a, b = ct.span(cs, ce)
                cue = Cue(text=src[a:b], start=a, end=b, lemma=lemma, kind=f.cue.kind)
            ss, se = doc.sentences[f.sentence].start, doc.sentences[f.sentence].end
            sa, sb = ct.span(ss, se)
            if f.kind != QuoteKind.DIRECT:
                rules = []
            elif f.span.close is not None:
                rules = ["mark.pair." + f.span.family.value]
            else:
                rules = ["mark.unclosed-to-paragraph-end"]
            if f.span.mismatched:
                rules.append("mark.mismatched")
            rules += [r for r in f.rules if r not in rules]
            rules += f.speaker_rules
            quotes.append(
                Quote(
                    text=src[s:e],
                    start=s,
                    end=e,
                    kind=f.kind,
                    open_mark=ct.span(f.span.open, f.span.open + 1)[0] if f.kind == QuoteKind.DIRECT else None,
                    close_mark=None if f.span.close is None else ct.span(f.span.close, f.span.close + 1)[0],
                    speaker=speaker,
                    cue=cue,
                    order=f.order if speaker else Order.NONE,
                    sentence_start=sa,
                    sentence_end=sb,
                    rules=tuple(rules),
                )
            )
            if speaker is not None and f.ambiguous:
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


class _Placed:
    """A block's cleaned view, with its spans mapped into the whole text.

    ``text`` is the block's cleaned text; :meth:`span` maps a span of it to
    offsets into ``original`` (the caller's whole string).
    """

    def __init__(self, ct: CleanText, original: str, base: int) -> None:
        self.text = ct.text
        self.original = original
        self._ct = ct
        self._base = base

    def span(self, start: int, end: int) -> tuple[int, int]:
        a, b = self._ct.span(start, end)
        return a + self._base, b + self._base


ANAPHORIC = ("이 ", "해당 ", "그 ", "이들 ")


def _entities(found: tuple[Quote, ...]) -> tuple[Entity, ...]:
    """Group the quotes' speakers into entities (see :class:`quotes.Entity`).

    Speakers with the same name are one entity; an unnamed short reference joins
    the entity of its antecedent; an anonymous anaphor (``이 관계자``) joins the
    nearest earlier anonymous speaker with the same title.
    """
    entities: list[dict[str, Any]] = []
    by_key: dict[tuple[str, Any], int] = {}
    by_mention: dict[int, int] = {}
    last_anonymous: dict[str | None, int] = {}
    for qi, q in enumerate(found):
        sp = q.speaker
        if sp is None:
            continue
        k: int | None = None
        if sp.name is not None:
            k = by_key.get(("name", sp.name))
        elif sp.antecedent is not None:
            k = by_mention.get(sp.antecedent.start)
        elif sp.kind == SpeakerKind.ANONYMOUS and sp.text.startswith(ANAPHORIC):
            k = last_anonymous.get(sp.title)
        if k is None:
            k = by_mention.get(sp.start)
        if k is None:
            k = len(entities)
            entities.append({"name": sp.name, "kind": sp.kind, "mentions": {}, "quotes": []})
            if sp.name is not None:
                by_key[("name", sp.name)] = k
        ent = entities[k]
        for m in (sp.antecedent, Mention(text=sp.text, start=sp.start, end=sp.end)):
            if m is not None:
                ent["mentions"][m.start] = m
                by_mention[m.start] = k
        ent["quotes"].append(qi)
        if sp.kind == SpeakerKind.ANONYMOUS:
            last_anonymous[sp.title] = k
    return tuple(
        Entity(
            name=e["name"],
            kind=e["kind"],
            mentions=tuple(e["mentions"][s] for s in sorted(e["mentions"])),
            quotes=tuple(e["quotes"]),
        )
        for e in entities
    )


def _set(doc: Doc, f: _Found, where: tuple[int, int, int], rule: str, order: Order, lex: Lexicon) -> None:
    _, a, b = where
    words = [w for w in doc.words(doc.sentence_of(a)) if w.end > a and w.start < b]
    texts = [doc.text[max(w.start, a) : min(w.end, b)] for w in words]
    tags = [word_tag(w, b) for w in words]
    f.speaker = (a, b)
    f.parts = parse_mention(texts, tags, lex)
    f.order = order
    f.speaker_rules = [rule]


def _pick_before(cands: list[Candidate], lex: Lexicon) -> Candidate | None:
    """The subject of the reporting clause among candidates before the quote.

    A person-like topic first, then a person-like subject (``유영상 CEO가 AI는
    '…'라며``: the topic 'AI' belongs to the quoted clause), then any topic.
    """
    topics = [c for c in cands if c.role in ("topic", "collective")]
    for c in reversed(topics):
        if person_like(c, lex):
            return c
    for c in reversed(cands):
        if c.role == "subject" and person_like(c, lex):
            return c
    return topics[-1] if topics else None


def _previous_topic(doc: Doc, si: int, lex: Lexicon) -> tuple[int, int, int] | None:
    """A person-like topic of an earlier sentence of the same paragraph."""
    para = doc.sentences[si].paragraph
    k = si - 1
    while k >= 0 and doc.sentences[k].paragraph == para and si - k <= 3:
        s, e = doc.sentences[k].start, doc.sentences[k].end
        cands = [c for c in subject_candidates(doc, k, s, e, lex) if c.role == "topic" and person_like(c, lex)]
        if cands:
            return (k, cands[0].start, cands[0].end)
        k -= 1
    return None


def _genitive_owner(doc: Doc, si: int, span: QuotedSpan, lex: Lexicon) -> tuple[int, int] | None:
    """``김 의원의 "…"는 발언``: the owner right before the quote."""
    words = [w for w in doc.words_outside_quotes(si, 0, span.open) if w.end <= span.open]
    if not words or doc.text[words[-1].end : span.open].strip():
        return None
    last = words[-1]
    if not last.tokens or last.tokens[-1].tag != "JKG" or last.tokens[-1].start <= last.start:
        return None
    end = last.tokens[-1].start
    start, np_words = noun_phrase_left(doc, words, len(words) - 1, end, lex)
    texts = [x.text for x in np_words]
    texts[-1] = doc.text[np_words[-1].start : end]
    tags = tuple(word_tag(x) for x in np_words)
    if not person_like(Candidate(start, end, "의", "genitive", tuple(texts), tags), lex):
        return None
    return start, end


def _juxtaposed(doc: Doc, si: int, span: QuotedSpan, lex: Lexicon) -> tuple[int, int] | None:
    """``이창용 한국은행 총재 "…"라며``: a titled name right before the mark, no particle."""
    words = [w for w in doc.words_outside_quotes(si, 0, span.open) if w.end <= span.open]
    if not words or doc.text[words[-1].end : span.open].strip():
        return None
    last = words[-1]
    if not last.tokens or title_of(last.text, lex) is None:
        return None
    start, np_words = noun_phrase_left(doc, words, len(words) - 1, last.end, lex)
    tags = [word_tag(x) for x in np_words]
    parts = parse_mention([x.text for x in np_words], tags, lex)
    if parts.kind != SpeakerKind.PERSON or not (parts.name or parts.surname):
        return None
    return start, last.end


def _opens_paragraph(doc: Doc, f: _Found) -> bool:
    s_start = doc.sentences[f.sentence].start
    line_start = doc.text.rfind("\n", 0, s_start) + 1
    return not doc.text[line_start : f.span.open].strip(" \t이어또그러면서,")
