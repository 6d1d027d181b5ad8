"""Stories: where one article ends and the next begins in a text that holds several.

Contract: :func:`story_starts` takes a cleaned text and the byline patterns of
the cue grammar and returns the sorted offsets at which a story begins (the
first is always ``0``).  Later stages read them through ``Doc.story_start``:
a short reference (``김 대표``, ``그``) never takes its name from an earlier
story, and a quote with no subject never continues the speaker of an earlier
story.  Researchers glue articles into one text (a day's paper, a JSONL field
holding a whole page); one article's people must not speak in the next.

Rules (precision first: inside one crawled article nothing is cut):

* ``story.closing-byline`` -- a line that is only a byline (``홍길동 기자
  hong@example.com``, ``/홍길동 기자``, an e-mail address) ends a story; the
  next line with text begins one.
* ``story.lead-byline`` -- a line that opens with a byline (``[한빛일보=홍길동
  기자] …``, ``(서울=한빛뉴스) 홍길동 기자 = …``) begins a story when an earlier
  byline of either kind was seen (a crawled article has one lead byline, often
  after a summary that names the same people); the headline lines right
  before it (short lines without sentence-final punctuation) belong to the new
  story.
"""

from __future__ import annotations

import regex

__all__ = ["story_starts"]

#: Headline lines before a lead byline that join its story, at most.
HEADLINE_LINES = 3
#: A headline line is at most this long.
HEADLINE_CHARS = 100

#: Closing marks looked through when a line's last punctuation is read.
_CLOSERS = "\"'\u201d\u2019」』)]>》〉 "
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


def closing_byline(reporter: str) -> regex.Pattern[str]:
    """A line that is only a byline: a name of 2 to 4 syllables and a reporter title, an e-mail, or both."""
    return regex.compile(
        rf"[ \t]*[/(]?[ \t]*(?:\p{{Hangul}}{{2,4}}[ \t]*(?:{reporter})[ \t]*(?:[(<]?{_EMAIL}[)>]?)?"
        rf"|{_EMAIL})[ \t]*\)?[ \t]*"
    )


def story_starts(text: str, lead: regex.Pattern[str], closing: regex.Pattern[str]) -> list[int]:
    """Offsets at which a story begins (see the module docs); ``[0]`` for one story."""
    lines = _lines(text)
    starts = [0]
    seen_byline = False
    after_closing = False
    for k, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            continue
        if after_closing:
            starts.append(a)
            after_closing = False
        if closing.fullmatch(line):
            seen_byline = after_closing = True
            continue
        if lead.match(line.lstrip()):
            if seen_byline:
                starts.append(_headline_start(text, lines, k, closing))
            seen_byline = True
    return sorted(set(starts))


def _lines(text: str) -> list[tuple[int, int]]:
    out, a = [], 0
    for m in regex.finditer(r"\n", text):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, len(text)))
    return out


def _headline_start(text: str, lines: list[tuple[int, int]], k: int, closing: regex.Pattern[str]) -> int:
    """The start of the headline lines right before line ``k`` (blank lines skipped), or line ``k``'s.

    A headline line is short and does not end a sentence (closing marks after
    the punctuation are looked through: ``"…아니다."`` ends one); a closing
    byline belongs to the story before.
    """
    start = lines[k][0]
    taken = 0
    j = k - 1
    while j >= 0 and taken < HEADLINE_LINES:
        line = text[lines[j][0] : lines[j][1]].strip()
        if not line:
            j -= 1
            continue
        if len(line) > HEADLINE_CHARS or line.rstrip(_CLOSERS)[-1:] in ".!?" or closing.fullmatch(line):
            break
        start, taken, j = lines[j][0], taken + 1, j - 1
    return start
