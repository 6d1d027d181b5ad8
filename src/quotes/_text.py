"""Cleaned view of the input, with an exact map back to the original.

Contract: :func:`clean` never changes the caller's string.  It builds a second
string for the analyser in which

* HTML character references (``&quot;``, ``&#8220;``, ``&nbsp;`` ...) become
  the character they name,
* HTML tags left by the crawler are read as what they do to the text: a
  block tag (``<br>``, ``<p>``, ``</div>``, ``<li>``, ``<h2>`` ...) as a line
  break, any other tag (``<b>``, ``</span>``, ``<a href=…>``) and comments as
  nothing; only well-formed tags of ASCII names count (``<사진=연합뉴스>`` and
  ``3 < 5`` stay text),
* invisible characters are dropped: every format character (Unicode
  category Cf: zero-width spaces and joiners, the BOM, soft hyphens, bidi
  marks, embeddings, overrides and isolates such as U+200E, U+200F, U+202E,
  U+2066 ...), the C1 controls U+0080-U+009F (mostly mis-decoded cp1252
  punctuation) and the variation selectors U+FE00-U+FE0F (which would
  otherwise join the mark or syllable before them in one cluster);
  an offset of the clean text maps to the visible character, so a span may
  hold such a character inside it but never starts on a dropped one,
* ``\\r\\n`` becomes ``\\n`` and a lone ``\\r`` becomes ``\\n``,
* no-break and other exotic spaces become ``" "``,
* decomposed (NFD) Hangul and other combining sequences are composed (NFC),
* lone surrogates become U+FFFD,
* hanja outside glosses are read in Hangul, one syllable each (``李 總裁`` ->
  ``이 총재``; see :mod:`quotes._hanja`), which keeps every offset,

and keeps a piecewise map so that any span of the clean string maps back to
the span of the original it came from.  Memory is proportional to the number of
edits, not to the text.
"""

from __future__ import annotations

import bisect
import html
import unicodedata

import attrs
import regex

from ._hanja import read_hanja

__all__ = ["CleanText", "clean"]

# One alternative per kind of edit; the order matters only for `&`.
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_EDITS = r"""
      (?P<tag><(?:/?(?P<name>[A-Za-z][A-Za-z0-9]{0,15})(?:\s[^<>]{0,500})?/?|!--.{0,2000}?--)>)  # tag, comment
    | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)  # HTML reference
    | (?P<drop>[\p{Cf}\x80-\x9f\ufe00-\ufe0f])   # invisible: format (bidi, zero-width, BOM, soft hyphen), C1, VS
    | (?P<crlf>\r\n?)                                                                # CR LF / lone CR
    | (?P<space>[\u00a0\u2000-\u200a\u202f\u205f\u3000])                            # exotic spaces
    | (?P<surrogate>[\ud800-\udfff])                                                 # lone surrogate
"""
# Every edit but the combining clusters starts with one of these characters;
# the guard lets the scan skip everything else quickly.
_FIRST = r"(?=[<&\p{Cf}\x80-\x9f\ufe00-\ufe0f\r\u00a0\u2000-\u200a\u202f\u205f\u3000\ud800-\udfff])"
#: The edits of a text without combining characters (the common case).
EDIT_FAST = regex.compile(_FIRST + "(?:" + _EDITS + ")", regex.VERBOSE)
#: All edits; the surrogate alternative comes before the combining cluster (``\X`` would take it).
#: A cluster ending in a variation selector is left to the ``drop`` edit of that selector.
EDIT = regex.compile(
    _EDITS
    + r"    | (?P<combo>\X)(?<=[\p{M}\u1160-\u11ff\ud7b0-\ud7ff])(?<![\ufe00-\ufe0f])  # a combining cluster"
    + "\n",
    regex.VERBOSE,
)
COMBINING = regex.compile(r"[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]")
#: The characters the view drops (the ``drop`` edit), also when they sit inside a combining cluster.
DROPPED = regex.compile(r"[\p{Cf}\x80-\x9f\ufe00-\ufe0f]")


@attrs.frozen
class CleanText:
    """The analyser's view of a text and the map back to the original.

    ``segments`` holds ``(clean_start, orig_start, orig_len)`` triples sorted by
    ``clean_start``: from ``clean_start`` on, clean index ``i`` maps to
    ``orig_start + (i - clean_start)``.  ``orig_len`` is 0 for such a run, or
    the original length of a single clean character that replaced several.
    """

    text: str
    original: str
    segments: tuple[tuple[int, int, int], ...]
    _keys: tuple[int, ...]

    def to_original_start(self, i: int) -> int:
        """Map a clean start offset to the original."""
        if not self.segments:
            return i
        k = bisect.bisect_right(self._keys, i) - 1
        if k < 0:
            return i
        cs, os_, _ = self.segments[k]
        return os_ + (i - cs)

    def to_original_end(self, j: int) -> int:
        """Map a clean end offset (exclusive) to the original."""
        if not self.segments or j == 0:
            return j
        k = bisect.bisect_right(self._keys, j - 1) - 1
        if k < 0:
            return j
        cs, os_, olen = self.segments[k]
        if olen:  # a single replaced character
            return os_ + olen
        return os_ + (j - cs)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean ``[start, end)`` span to the original."""
        if end <= start:
            o = self.to_original_start(start)
            return o, o
        return self.to_original_start(start), self.to_original_end(end)


def _replacement(m: regex.Match[str]) -> str:
    kind = m.lastgroup
    s = m.group()
    if kind == "entity":
        out = html.unescape(s)
        return out if len(out) == 1 and out != "\x00" else s
    if kind == "tag":
        name = m.group("name")
        return "\n" if name and name.lower() in BLOCK_TAGS else ""
    if kind == "drop":
        return ""
    if kind == "crlf":
        return "\n"
    if kind == "space":
        return " "
    if kind == "combo":
        return unicodedata.normalize("NFC", DROPPED.sub("", s)) or s
    return "\ufffd"


def clean(text: str, keep_hanja: frozenset[str] = frozenset()) -> CleanText:
    """Build the cleaned view of ``text`` (``keep_hanja``: hanja words left unread, see :func:`read_hanja`).

    >>> c = clean("A&quot;B\\u200bC")
    >>> c.text
    'A"BC'
    >>> c.span(1, 2), c.span(3, 4)
    ((1, 7), (9, 10))
    """
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0  # original position copied so far
    clean_len = 0
    shifted = False
    for m in (EDIT if COMBINING.search(text) else EDIT_FAST).finditer(text):
        rep = _replacement(m)
        s, e = m.span()
        if rep == m.group():
            continue
        if s > pos:
            parts.append(text[pos:s])
            if shifted:
                segments.append((clean_len, pos, 0))
            clean_len += s - pos
        if len(rep) == 1 and e - s > 1:
            segments.append((clean_len, s, e - s))
            shifted = True
        elif len(rep) == e - s:
            if shifted:
                segments.append((clean_len, s, 0))
        else:
            # dropped or several characters out: each output char maps to the start
            for k in range(len(rep)):
                segments.append((clean_len + k, s, e - s if k == len(rep) - 1 else 0))
            shifted = True
        parts.append(rep)
        clean_len += len(rep)
        pos = e
    if not segments and not parts:
        return CleanText(read_hanja(text, keep_hanja), text, (), ())
    parts.append(text[pos:])
    if shifted:
        segments.append((clean_len, pos, 0))
    merged: list[tuple[int, int, int]] = []
    for seg in segments:
        if merged and merged[-1][0] == seg[0]:
            merged[-1] = seg
        else:
            merged.append(seg)
    return CleanText(read_hanja("".join(parts), keep_hanja), text, tuple(merged), tuple(s[0] for s in merged))
