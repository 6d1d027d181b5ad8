"""An HTML view of the quotes of a text: highlights, hover notes and a table.

:func:`~quotes.to_html` returns one self-contained HTML5 page (inline CSS, no script,
nothing fetched from the network) showing the text with every quote
highlighted in the colour of its :class:`~quotes.QuoteKind`, the speaker
mention underlined and the cue outlined; hovering any of them shows the rule
ids (the ``title`` attribute). Spans judged not to be speech (scare quotes,
titles) are lightly dotted when an :class:`~quotes.Analysis` is given. A table
of the quotes follows the text. :func:`to_html_page` puts many documents on
one page; :func:`fragment` and ``stylesheet()`` are for embedding in a page
of your own.

Contract:

- Every piece of the input is escaped; the page holds no script and no
  external URL.
- The text of each paragraph element is the input text itself: lines are
  split at line breaks (a blank line separates paragraphs; a text without
  blank lines gets one paragraph per line, the usual form of crawled news) and
  spaces are kept (``white-space: pre-wrap``).
- Spans may overlap (a cue inside another quote, a speaker shared by two
  quotes): an element that would cross another is closed and reopened, so the
  markup is always well formed. Such a span is then drawn in pieces; only its
  first piece has the ``id`` and the number badge.
- Offsets must belong to ``text``: a record whose span does not slice back to
  its text raises :class:`ValueError`.

>>> page = to_html('김 장관은 "경기가 나아질 것"이라고 말했다.')
>>> page.startswith("<!DOCTYPE html>")
True
>>> '<mark class="kq-q kq-direct"' in page
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import regex

from ._html_render import _Span, render
from .records import Analysis, Quote, QuoteKind

if TYPE_CHECKING:
    from ._pipeline import Extractor

__all__ = ["KIND_LABELS", "fragment", "stylesheet", "to_html", "to_html_page"]

KIND_LABELS: dict[QuoteKind, str] = {
    QuoteKind.DIRECT: "direct (직접 인용)",
    QuoteKind.INDIRECT: "indirect (간접 인용)",
    QuoteKind.MIXED: "mixed (혼합 인용)",
    QuoteKind.ACCORDING_TO: "according to (…에 따르면)",
    QuoteKind.HEARSAY: "hearsay (전언)",
    QuoteKind.BELIEF: "belief (판단)",
}
"""The legend's label of each quote kind."""

# Background and border colour per kind: distinguishable pastels (Okabe-Ito hues).
_COLOURS: dict[QuoteKind, tuple[str, str]] = {
    QuoteKind.DIRECT: ("#ffe680", "#c9a400"),
    QuoteKind.INDIRECT: ("#bfe1ff", "#3b8fd9"),
    QuoteKind.MIXED: ("#dccbff", "#7f56d9"),
    QuoteKind.ACCORDING_TO: ("#bff0cf", "#2e9e5b"),
    QuoteKind.HEARSAY: ("#ffd2b3", "#d9772b"),
    QuoteKind.BELIEF: ("#ffc9e0", "#cc4f8a"),
}

_BREAKS = regex.compile(
    r"""
    \r\n | [\n\r\v\f\x1c-\x1e\x85\u2028\u2029]   # one line break (the kinds str.splitlines knows)
    """,
    regex.VERBOSE,
)
_BLANK_LINE = regex.compile(
    r"""
    (?>\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])   # a line break (atomic: \r\n is one),
    [^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*          # blanks on an empty line,
    (?>\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])   # and another break
    """,
    regex.VERBOSE,
)


_ANCHOR = regex.compile(
    r"""
    [A-Za-z]          # an ASCII letter first,
    [A-Za-z0-9_-]*    # then ASCII letters, digits, '_' and '-': safe in an id and a '#' link, needs no escape
    """,
    regex.VERBOSE,
)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def stylesheet() -> str:
    """The CSS of the view (class names start with ``kq-``), for :func:`fragment` users.

    >>> ".kq-direct" in stylesheet()
    True
    """
    kinds = "\n".join(
        f".kq-{k.value} {{ background: {bg}; box-shadow: inset 0 -2px 0 {line}; }}\n"
        f".kq-swatch.kq-{k.value} {{ border: 1px solid {line}; }}"
        for k, (bg, line) in _COLOURS.items()
    )
    return _CSS + kinds + "\n"


_CSS = """\
.kq-page { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic",
  system-ui, sans-serif; color: #1f2328; background: #fff; max-width: 62rem; margin: 1.5rem auto;
  padding: 0 1.5rem; line-height: 1.75; word-break: keep-all; overflow-wrap: anywhere; }
.kq-page h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
.kq-doc h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; padding-top: 1rem; border-top: 1px solid #d0d7de; }
.kq-legend { display: flex; flex-wrap: wrap; gap: .35rem 1.1rem; padding: .6rem .9rem; margin: 0 0 1.2rem;
  border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; font-size: .9rem; }
.kq-legend span { white-space: nowrap; }
.kq-swatch { display: inline-block; width: 1.1em; height: 1.1em; vertical-align: -.2em; margin-right: .3em;
  border-radius: 3px; }
.kq-text p { white-space: pre-wrap; margin: 0 0 .9em; }
.kq-text { font-size: 1.05rem; }
mark.kq-q { color: inherit; border-radius: 3px; padding: .1em 0; }
mark.kq-q[data-n]::before { content: attr(data-n); font-size: .62em; font-weight: 700; vertical-align: .55em;
  color: #fff; background: #57606a; border-radius: 1em; padding: 0 .35em; margin-right: .15em; }
.kq-speaker { border-bottom: 3px solid #0b4fb3; font-weight: 700; }
.kq-cue { outline: 2px dashed #c2185b; outline-offset: 1px; border-radius: 2px; font-weight: 700; }
.kq-not-speech { border-bottom: 1px dotted #8c959f; color: #57606a; }
.kq-legend .kq-speaker, .kq-legend .kq-cue, .kq-legend .kq-not-speech { padding: 0 .15em; }
.kq-table { border-collapse: collapse; width: 100%; margin: 1rem 0 .5rem; font-size: .9rem; }
.kq-table th, .kq-table td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
.kq-table th { background: #f6f8fa; }
.kq-table td.kq-n { text-align: right; white-space: nowrap; }
.kq-table td:nth-child(2), .kq-table td:nth-child(5) { white-space: nowrap; }
.kq-table a { color: #0b4fb3; }
.kq-none { color: #8c959f; }
.kq-problems { font-size: .9rem; color: #57606a; }
"""


def _check(text: str, what: str, start: int, end: int, expected: str) -> None:
    if not (0 <= start <= end <= len(text)) or text[start:end] != expected:
        raise ValueError(
            f"{what} {expected!r} at {start}:{end} is not in the text; "
            "pass the analysis of this very text (offsets index the string you analysed)"
        )


def _quote_title(n: int, q: Quote) -> str:
    parts = [f"#{n} {q.kind.value}"]
    if q.speaker is not None:
        sp = q.speaker
        parts.append(f"speaker: {sp.text} → {sp.name or '(no name)'} ({sp.kind.value})")
    else:
        parts.append("speaker: none")
    if q.cue is not None:
        parts.append(f"cue: {q.cue.text} ({q.cue.lemma}, {q.cue.kind.value})")
    parts.append(f"order: {q.order.value}")
    parts.append("rules: " + (", ".join(q.rules) or "-"))
    return "\n".join(parts)


def _spans(text: str, quotes: Sequence[Quote], analysis: Analysis | None, prefix: str) -> list[_Span]:
    """Every span to draw, with its tags; checks that the records belong to ``text``."""
    out: list[_Span] = []
    speakers: dict[tuple[int, int], list[str]] = {}
    cues: dict[tuple[int, int], list[str]] = {}
    for n, q in enumerate(quotes, 1):
        _check(text, "quote", q.start, q.end, q.text)
        start = q.open_mark if q.open_mark is not None and q.open_mark < q.start else q.start
        end = q.close_mark + 1 if q.close_mark is not None and q.close_mark >= q.end else q.end
        cls = f"kq-q kq-{q.kind.value}"
        title = _esc(_quote_title(n, q))
        tag = f'<mark class="{cls}" data-quote="{n}" title="{title}">'
        first = f'<mark class="{cls}" id="{prefix}q{n}" data-quote="{n}" data-n="{n}" title="{title}">'
        out.append(_Span(start, end, 0, tag, "</mark>", first))
        if q.speaker is not None:
            sp = q.speaker
            _check(text, "speaker", sp.start, sp.end, sp.text)
            note = f"speaker of #{n}: {sp.name or '(no name)'} ({sp.kind.value})"
            if sp.antecedent is not None:
                note += f", refers to {sp.antecedent.text!r} at {sp.antecedent.start}"
            if sp.title:
                note += f", title {sp.title}"
            if sp.affiliation:
                note += f", affiliation {sp.affiliation}"
            note += "; rules: " + (", ".join(sp.rules) or "-")
            speakers.setdefault((sp.start, sp.end), []).append(note)
        if q.cue is not None:
            cue = q.cue
            _check(text, "cue", cue.start, cue.end, cue.text)
            cues.setdefault((cue.start, cue.end), []).append(f"cue of #{n}: {cue.lemma} ({cue.kind.value})")
    for (start, end), notes in speakers.items():
        tag = f'<span class="kq-speaker" title="{_esc(chr(10).join(notes))}">'
        out.append(_Span(start, end, 2, tag, "</span>", tag))
    for (start, end), notes in cues.items():
        tag = f'<span class="kq-cue" title="{_esc(chr(10).join(notes))}">'
        out.append(_Span(start, end, 3, tag, "</span>", tag))
    if analysis is not None:
        for ns in analysis.not_speech:
            _check(text, "not-speech span", ns.start, ns.end, ns.text)
            tag = f'<span class="kq-not-speech" title="{_esc("not speech; rules: " + ", ".join(ns.rules))}">'
            out.append(_Span(ns.start, ns.end, 1, tag, "</span>", tag))
    return [s for s in out if s.start < s.end]


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """Paragraphs as lists of line spans (``[start, end)`` without the breaks)."""
    if not text:
        return []
    blocks: list[tuple[int, int]] = []
    pos = 0
    if _BLANK_LINE.search(text):
        for m in _BLANK_LINE.finditer(text):
            blocks.append((pos, m.start()))
            pos = m.end()
        blocks.append((pos, len(text)))
        paragraphs = []
        for start, end in blocks:
            lines, p = [], start
            for m in _BREAKS.finditer(text, start, end):
                lines.append((p, m.start()))
                p = m.end()
            lines.append((p, end))
            paragraphs.append(lines)
    else:
        paragraphs = []
        for m in _BREAKS.finditer(text):
            paragraphs.append([(pos, m.start())])
            pos = m.end()
        paragraphs.append([(pos, len(text))])
    # keep paragraphs with something to show (a break run at either end leaves empty ones)
    return [p for p in paragraphs if any(text[s:e].strip() for s, e in p)]


def _cell(value: str | None) -> str:
    return _esc(value) if value else '<span class="kq-none">-</span>'


def _table(quotes: Sequence[Quote], prefix: str) -> str:
    rows = []
    for n, q in enumerate(quotes, 1):
        sp, cue = q.speaker, q.cue
        rows.append(
            "<tr>"
            f'<td class="kq-n"><a href="#{prefix}q{n}">{n}</a></td>'
            f'<td><span class="kq-swatch kq-{q.kind.value}"></span>{_esc(q.kind.value)}</td>'
            f"<td>{_cell(sp.text if sp else None)}</td>"
            f"<td>{_cell(sp.name if sp else None)}</td>"
            f"<td>{_cell(cue.text if cue else None)}</td>"
            f"<td>{_esc(q.text)}</td>"
            "</tr>"
        )
    head = "<tr><th>#</th><th>kind</th><th>speaker</th><th>name</th><th>cue</th><th>quote</th></tr>"
    return f'<table class="kq-table">\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def _resolve(
    text: str, analysis: Analysis | Sequence[Quote] | None, extractor: Extractor | None
) -> tuple[Sequence[Quote], Analysis | None]:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if analysis is None:
        if extractor is None:
            from . import analyze

            analysis = analyze(text)
        else:
            analysis = extractor.analyze(text)
    if isinstance(analysis, Analysis):
        return analysis.quotes, analysis
    quotes = list(analysis)
    for q in quotes:
        if not isinstance(q, Quote):
            raise TypeError(
                f"analysis must be an Analysis or a sequence of Quote, not a sequence of {type(q).__name__}"
            )
    return quotes, None


def fragment(
    text: str,
    analysis: Analysis | Sequence[Quote] | None = None,
    *,
    label: str | None = None,
    anchor: str = "kq",
    extractor: Extractor | None = None,
) -> str:
    """One document as an ``<article>`` element: the highlighted text and its quote table.

    Put it in a page that includes ``stylesheet()`` (and, if you like, a
    legend; :func:`~quotes.to_html` does both).

    Args:
        text: the document.
        analysis: its :class:`~quotes.Analysis` or list of quotes; ``None``
            analyses ``text`` (with ``extractor`` if given, else
            :func:`quotes.analyze`).
        label: a heading shown above the document (``<h2>``), e.g. a file name.
        anchor: prefix of the element ids (``{anchor}-q1`` ...); give each
            fragment on one page its own. It must be an ASCII letter followed
            by ASCII letters, digits, ``_`` or ``-`` (at most 64 characters).
        extractor: the :class:`~quotes.Extractor` to use when ``analysis`` is ``None``.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``analysis`` is of the wrong type.
        ValueError: a record's offsets do not point into ``text``, or
            ``anchor`` is not of the form above.

    >>> print(fragment("", [], label="빈 문서"))
    <article class="kq-doc">
    <h2>빈 문서</h2>
    <div class="kq-text"></div>
    <p class="kq-problems">No quotes found.</p>
    </article>
    """
    if not isinstance(anchor, str) or len(anchor) > 64 or not _ANCHOR.fullmatch(anchor):
        raise ValueError(
            f"anchor must be an ASCII letter then letters, digits, '_' or '-' (at most 64), not {anchor!r}; "
            "it becomes the prefix of element ids"
        )
    quotes, whole = _resolve(text, analysis, extractor)
    prefix = f"{anchor}-"
    spans = _spans(text, quotes, whole, prefix)
    paragraphs = ["<p>" + "<br>".join(lines) + "</p>" for lines in render(text, _paragraphs(text), spans)]
    parts = ['<article class="kq-doc">']
    if label is not None:
        parts.append(f"<h2>{_esc(label)}</h2>")
    parts.append('<div class="kq-text">' + "\n".join(paragraphs) + "</div>")
    if quotes:
        parts.append(_table(quotes, prefix))
    else:
        parts.append('<p class="kq-problems">No quotes found.</p>')
    if whole is not None and whole.problems:
        items = "".join(
            f"<li><code>{_esc(p.code.value)}</code> at {p.start}: {_esc(p.message)}</li>" for p in whole.problems
        )
        parts.append(f'<div class="kq-problems">Problems:<ul>{items}</ul></div>')
    parts.append("</article>")
    return "\n".join(parts)


def _legend() -> str:
    kinds = "".join(
        f'<span><span class="kq-swatch kq-{k.value}"></span>{_esc(label)}</span>' for k, label in KIND_LABELS.items()
    )
    marks = (
        '<span><span class="kq-speaker">화자</span> speaker</span>'
        '<span><span class="kq-cue">말했다</span> cue</span>'
        '<span><span class="kq-not-speech">용어</span> not speech</span>'
        "<span>hover for rule ids</span>"
    )
    return f'<div class="kq-legend">{kinds}{marks}</div>'


def _page_head(title: str) -> str:
    """The page up to its first document (for a page written piece by piece)."""
    return (
        '<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n"
        f'<body>\n<main class="kq-page">\n<h1>{_esc(title)}</h1>\n{_legend()}\n'
    )


def _page_tail() -> str:
    """The page after its last document."""
    return "</main>\n</body>\n</html>\n"


def _page(title: str, body: Iterable[str]) -> str:
    return _page_head(title) + "\n".join(body) + "\n" + _page_tail()


def to_html(
    text: str,
    analysis: Analysis | Sequence[Quote] | None = None,
    *,
    title: str | None = None,
    extractor: Extractor | None = None,
) -> str:
    """A self-contained HTML5 page showing the quotes of ``text``.

    Args:
        text: the document.
        analysis: its :class:`~quotes.Analysis` (quotes, problems and
            not-speech spans are shown) or a sequence of :class:`~quotes.Quote`;
            ``None`` analyses ``text``.
        title: the page title (default ``"quotes"``).
        extractor: the :class:`~quotes.Extractor` to use when ``analysis`` is ``None``.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``analysis`` is of the wrong type.
        ValueError: a record's offsets do not point into ``text``.

    >>> page = to_html('김 대표는 "<script>"라고 말했다.', title="A & B")
    >>> "<script>" in page, "&lt;script&gt;" in page, "<title>A &amp; B</title>" in page
    (False, True, True)
    """
    return _page(title or "quotes", [fragment(text, analysis, anchor="kq", extractor=extractor)])


def to_html_page(
    docs: Iterable[tuple[str, Analysis | Sequence[Quote] | None, str | None]],
    *,
    title: str | None = None,
    extractor: Extractor | None = None,
) -> str:
    """Many documents on one self-contained HTML5 page (for ``quotes extract --format html``).

    Contract: ``docs`` yields ``(text, analysis, label)`` triples and is read
    once, in order; the page (one string) holds one ``<article>`` per triple in
    that order, each with its heading, highlighted text and quote table, after
    one legend. ``analysis`` must be the result for that very ``text`` (or
    ``None`` to analyse it here, with ``extractor`` if given); ``label`` is any
    heading (a file name, ``corpus.jsonl:12``, an id) or ``None`` for
    ``document N`` (1-based). A record that could not be read has no text:
    pass ``("", [], "corpus.jsonl:7 — invalid JSON: …")`` and the error shows
    as its heading. Element ids are ``d{N}-q{M}``, unique on the page.

    Raises:
        TypeError, ValueError: as :func:`~quotes.to_html`, for the first bad document.

    >>> page = to_html_page([("", [], "a.txt"), ("", [], None)], title="corpus")
    >>> page.count("<article"), "<h2>a.txt</h2>" in page, "<h2>document 2</h2>" in page
    (2, True, True)
    """
    body = [
        fragment(
            text, analysis, label=label if label is not None else f"document {n}", anchor=f"d{n}", extractor=extractor
        )
        for n, (text, analysis, label) in enumerate(docs, 1)
    ]
    if not body:
        body = ['<p class="kq-problems">No documents.</p>']
    return _page(title or "quotes", body)
