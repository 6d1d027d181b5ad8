"""Where a reported clause starts: after its reporting subject, frame and adverbials.

Contract: :func:`start_after_subject` takes the span ``[boundary, end)`` before a
reporting ending of one sentence and returns where the reported clause starts
(cleaned-text offset) and the rule id of a nominative cut, if one was made.
A person-like topic (``정부는``, or a phrase before an additive adverb: ``경찰 역시``) ends
the reporter's part; with no topic, the one person-like nominative subject opening the
sentence does (``indirect.subject-cut``).
A topic frame (``X에 대해``) and up to three leading adverbials, time words or stop
words after it are skipped; a future time word (``future_time``: ``내년``, ``앞으로``)
belongs to the reported content and ends the skipping.
"""

from __future__ import annotations

import regex

from ._cues import Grammar
from ._document import Doc, Word
from ._phrases import TIME_WORD, additive_subjects, person_like, predicate_of, subject_candidates

__all__ = ["ATTRIBUTION_HEAD", "after_attribution_head", "start_after_subject"]

#: The locative ending of a venue word (``국정감사에서``, ``간담회에서는``).
VENUE_END = regex.compile(
    r"\N{HANGUL SYLLABLE E}\N{HANGUL SYLLABLE SEO}(?:\N{HANGUL SYLLABLE NEUN}|\N{HANGUL SYLLABLE DO})?,?$"
)
#: Most words of a venue phrase (``국회 농림축산식품해양수산위원회의 해양경찰청 대상 국정감사에서``).
VENUE_WORDS = 6


def start_after_subject(doc: Doc, g: Grammar, si: int, boundary: int, end: int) -> tuple[int, str | None]:
    """Where the reported clause starts: after the reporting subject and adverbials.

    The subject is a person-like topic (``정부는``), or -- ``indirect.subject-cut`` --
    the one person-like nominative subject (``배우 김하늘이``) when only a byline, a
    date or two words stand before it and no subject follows the clause.
    """
    start, rule = boundary, None
    found = subject_candidates(doc, si, boundary, end, g.lex)
    adverbed = additive_subjects(doc, si, boundary, end, g.lex)
    later = subject_candidates(doc, si, end, doc.sentences[si].end, g.lex) if adverbed else []
    if adverbed and not any(person_like(c, g.lex) for c in later):  # (not before a reporter: … 김 연구원은 전망했다)
        found = sorted([*found, *adverbed], key=lambda c: c.start)
    cands = [c for c in found if c.role in ("topic", "collective") and person_like(c, g.lex)]
    persons = [c for c in found if person_like(c, g.lex)]
    if not cands and len(persons) == 1 and found[0] is persons[0] and found[0].role == "subject":
        # 배우 김하늘이 …다고 전했다: the only subject, opening the sentence, none after the clause
        after = subject_candidates(doc, si, end, doc.sentences[si].end, g.lex)
        cands = found[:1] if not after and _opens_the_clause(doc, g, si, boundary, found[0].start) else []
        rule = "indirect.subject-cut" if cands else None
    if cands:
        c = cands[0]
        additive = c.particle.rstrip(",") in g.lex.words.get("additive_adverb", {})
        end_of = c.end + 1 + len(c.particle) if additive else c.end
        word_end = doc.text.find(" ", end_of)  # (경찰 역시 …: past the adverb)
        start = end_of if word_end < 0 else word_end
    words = [w for w in doc.words(si) if start <= w.start < end]
    words = _after_venue(_after_frame(words, g), g)
    skipped = 0
    future = g.words("future_time")  # 내년, 앞으로: the reported content's time, never the speech event's
    while (
        words
        and skipped < 3
        and words[0].text not in future
        and (
            g.leading_adverbial.match(words[0].text)
            or TIME_WORD.match(words[0].text)
            or g.lex.word_kind(words[0].text, "stop")
        )
    ):
        words.pop(0)
        skipped += 1
    return (words[0].start if words else start), rule


def _opens_the_clause(doc: Doc, g: Grammar, si: int, boundary: int, np_start: int) -> bool:
    """Only a byline, a date or two words without a predicate stand before the subject."""
    before = [w for w in doc.words(si) if boundary <= w.start < np_start]
    if any(predicate_of(w) is not None or w.text.endswith(",") for w in before):
        return False
    lead = doc.text[boundary:np_start].rstrip(" \t=]")
    closed = doc.text[boundary:np_start].rstrip().endswith("]")
    return len(before) <= 2 or closed or lead.endswith(tuple(g.words("byline_title")))


def _after_venue(words: list[Word], g: Grammar) -> list[Word]:
    """Drop the setting of the speech: nouns up to a word in ``에서`` headed by a ``speech_venue`` row
    (``국회 행정안전위원회의 국정감사에서``, ``증권업 분석자료에서``), up to six words.  A place
    in the content stays (``'웃음실격' 촬영장에서 사랑을 받았다``)."""
    venues, future = tuple(g.words("speech_venue")), g.words("future_time")
    for k, w in enumerate(words[:VENUE_WORDS]):
        m = VENUE_END.search(w.text)
        if m is None:
            continue
        if not w.text[: m.start()].endswith(venues) or any(x.text in future for x in words[:k]):
            return words  # (다음 주 전원회의에서 제기하겠다: a future meeting belongs to the content)
        nouns = all(t.tag.startswith(("NN", "SN", "SL", "SH", "XS", "JKG")) for x in words[:k] for t in x.tokens)
        adnominal = k + 1 < len(words) and any(t.tag == "ETM" for t in words[k + 1].tokens)
        return words[k + 1 :] if nouns and k + 1 < len(words) and not adnominal else words  # (회의에서 나온 안건)
    return words


def _after_frame(words: list[Word], g: Grammar) -> list[Word]:
    """Drop a leading topic frame: ``X에 대해``, ``X와 관련해``, ``X를 두고`` (up to four words)."""
    for k, w in enumerate(words[:5]):
        if w.text.rstrip(",") in g.frame_closers:
            return words[k + 1 :] if k + 1 < len(words) else words
    return words


#: The name part of an attribution after a quote, up to its first comma or period: ``"…" (김 의원, ``.
ATTRIBUTION_HEAD = regex.compile(r"[ \t]*\n?[ \t]*\([^(),.\n]{1,40}[,.][ \t]*")


def after_attribution_head(doc: Doc, s_start: int, speech_spans: set[int]) -> int:
    """A sentence that opens a quote's attribution (``"…." (김 의원, …``) starts after its name part."""
    head = ATTRIBUTION_HEAD.match(doc.text, s_start)
    if head is None:
        return s_start
    k = s_start
    while k > 0 and s_start - k < 8 and doc.text[k - 1].isspace():
        k -= 1
    quote = doc.in_top_quote(k - 1) if k > 0 else None  # (the closing mark right before)
    return head.end() if quote is not None and quote.open in speech_spans else s_start
