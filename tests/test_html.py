"""The HTML view: well-formed, escaped, self-contained, and faithful to the text and records."""

from __future__ import annotations

from html.parser import HTMLParser
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotes
from quotes.html import fragment, stylesheet, to_html, to_html_page
from quotes.records import Analysis, Cue, CueKind, NotSpeech, Order, Quote, QuoteKind, Speaker

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class Page(HTMLParser):
    """Checks that tags balance and collects what the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.errors: list[str] = []
        self.paragraphs: list[str] = []  # text of each <p> inside div.kq-text
        self.pieces: dict[int, list[str]] = {}  # quote number -> text of its <mark> pieces
        self.marked: dict[str, list[str]] = {"kq-speaker": [], "kq-cue": [], "kq-not-speech": []}
        self._open_marked: list[tuple[str, list[str]]] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag in VOID:
            return
        self.stack.append((tag, a))
        if tag == "p" and self._in_text():
            self.paragraphs.append("")
        cls = a.get("class", "")
        if tag == "mark":
            self.pieces.setdefault(int(a["data-quote"]), []).append("")
        if cls in self.marked and self._in_text():
            self._open_marked.append((cls, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        _, a = self.stack.pop()
        if a.get("class", "") in self.marked and self._in_text():
            cls, parts = self._open_marked.pop()
            self.marked[cls].append("".join(parts))

    def handle_data(self, data: str) -> None:
        if any(t == "p" for t, _ in self.stack) and self._in_text():
            self.paragraphs[-1] += data
        for tag, a in self.stack:
            if tag == "mark":
                self.pieces[int(a["data-quote"])][-1] += data
        for _, parts in self._open_marked:
            parts.append(data)

    def _in_text(self) -> bool:
        return any(a.get("class") == "kq-text" for _, a in self.stack)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert p.errors == []
    assert [t for t, _ in p.stack] == [], "unclosed tags"
    return p


def squash(s: str) -> str:
    return "".join(s.split())


@pytest.fixture(scope="module")
def demo() -> tuple[str, Analysis]:
    text = (resources.files("quotes") / "data" / "demo_article.txt").read_text(encoding="utf-8")
    return text, quotes.analyze(text)


def test_page_is_well_formed_html5(demo: tuple[str, Analysis]) -> None:
    text, analysis = demo
    page = to_html(text, analysis, title="데모")
    p = parse(page)
    assert p.doctype.lower() == "doctype html"
    assert ("html", {"lang": "ko"}) in p.tags
    assert ("meta", {"charset": "utf-8"}) in p.tags
    assert not any(t == "script" for t, _ in p.tags)
    ids = [a["id"] for _, a in p.tags if "id" in a]
    assert len(ids) == len(set(ids))


def test_one_highlight_per_quote_with_its_kind(demo: tuple[str, Analysis]) -> None:
    text, analysis = demo
    p = parse(to_html(text, analysis))
    firsts = [a for t, a in p.tags if t == "mark" and "id" in a]
    assert len(firsts) == len(analysis.quotes)
    for n, (q, a) in enumerate(zip(analysis.quotes, firsts, strict=True), 1):
        assert a["class"].split() == ["kq-q", f"kq-{q.kind.value}"]
        assert a["data-quote"] == a["data-n"] == str(n)
        for rule in q.rules:
            assert rule in a["title"]
        # the pieces of the highlight are the quote with its marks
        start = q.open_mark if q.open_mark is not None else q.start
        end = q.close_mark + 1 if q.close_mark is not None else q.end
        assert "".join(p.pieces[n]) == text[start:end]


def test_speakers_and_cues_are_marked(demo: tuple[str, Analysis]) -> None:
    text, analysis = demo
    p = parse(to_html(text, analysis))
    speakers = {(q.speaker.start, q.speaker.end): q.speaker.text for q in analysis.quotes if q.speaker}
    cues = {(q.cue.start, q.cue.end): q.cue.text for q in analysis.quotes if q.cue}
    assert sorted(p.marked["kq-speaker"]) == sorted(speakers.values())
    assert sorted(p.marked["kq-cue"]) == sorted(cues.values())
    assert sorted(p.marked["kq-not-speech"]) == sorted(ns.text for ns in analysis.not_speech)
    titles = [a["title"] for _, a in p.tags if a.get("class") == "kq-speaker" and "title" in a]
    for q in analysis.quotes:
        assert q.speaker is not None
        assert any(all(r in t for r in q.speaker.rules) for t in titles)


def test_body_text_is_the_input(demo: tuple[str, Analysis]) -> None:
    text, analysis = demo
    p = parse(to_html(text, analysis))
    assert squash("".join(p.paragraphs)) == squash(text)
    # one paragraph per line when the text has no blank line; spaces kept exactly
    assert p.paragraphs == [line for line in text.splitlines() if line.strip()]


def test_hostile_input_is_escaped() -> None:
    text = (
        '<script>alert("x")</script> & 김 대표는 "A&B <b>굵게</b> \'정말\'"라고 말했다.\n<img src=x onerror=alert(1)>'
    )
    analysis = quotes.analyze(text)
    assert analysis.quotes, "the test needs a quote holding markup"
    page = to_html(text, analysis, title='<script>"&"</script>')
    assert "<script>" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;/script&gt; &amp; " in page and "&quot;A&amp;B &lt;b&gt;굵게&lt;/b&gt; &#x27;정말&#x27;&quot;" in page
    assert "<title>&lt;script&gt;&quot;&amp;&quot;&lt;/script&gt;</title>" in page
    p = parse(page)
    assert {t for t, _ in p.tags} <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "div", "span"} | {
        "article",
        "p",
        "mark",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "ul",
        "li",
        "code",
    }
    assert "".join(p.paragraphs) == text.replace("\n", "")


def test_no_external_urls(demo: tuple[str, Analysis]) -> None:
    text, analysis = demo
    page = to_html(text, analysis)
    assert "http://" not in page and "https://" not in page and "url(" not in page
    p = parse(page)
    for _, a in p.tags:
        assert "src" not in a
        assert a.get("href", "#").startswith("#")


@pytest.mark.parametrize("text", ["", "\n\n", "오늘 서울은 맑겠다.", "제목\n\n본문 첫 줄\n둘째 줄"])
def test_text_without_quotes(text: str) -> None:
    page = to_html(text)
    p = parse(page)
    assert not any(t == "mark" for t, _ in p.tags)
    assert "No quotes found." in page
    assert squash("".join(p.paragraphs)) == squash(text)


def test_paragraphs_and_line_breaks() -> None:
    # blank lines separate paragraphs; a single break inside one is a <br>
    page = fragment("첫 문단  둘\n\n둘째 문단\r\n이어지는 줄", [])
    assert '<div class="kq-text"><p>첫 문단  둘</p>\n<p>둘째 문단<br>이어지는 줄</p></div>' in page
    # without blank lines every line is a paragraph
    assert '<div class="kq-text"><p>가</p>\n<p>나</p></div>' in fragment("가\n나\n", [])


def test_spans_that_cross_other_spans() -> None:
    # an indirect quote holding a direct quote; the inner quote's speaker lies
    # inside the outer quote and its cue runs past the outer quote's end
    text = '정부는 이 장관이 "올해는 어렵다"고 말했다고 밝혔다.'
    gov = Speaker(text="정부", start=0, end=2, name="정부", kind="organisation", rules=("s1",))
    inner = Quote(
        text="올해는 어렵다",
        start=11,
        end=18,
        open_mark=10,
        close_mark=18,
        speaker=Speaker(text="이 장관", start=4, end=8, name=None, rules=("s2",)),
        cue=Cue(text="말했다고", start=21, end=25, lemma="말하다", kind=CueKind.PREDICATE),
        order=Order.SPEAKER_FIRST,
        rules=("r-inner",),
    )
    outer = Quote(
        text='이 장관이 "올해는 어렵다"고 말했다',
        start=4,
        end=24,
        kind=QuoteKind.INDIRECT,
        speaker=gov,
        cue=Cue(text="밝혔다", start=26, end=29, lemma="밝히다"),
        rules=("r-outer",),
    )
    not_speech = NotSpeech(text="장관이", start=6, end=9, rules=("ns",))  # crosses the speaker too
    analysis = Analysis(quotes=(outer, inner), not_speech=(not_speech,))
    page = to_html(text, analysis)
    p = parse(page)
    assert "".join(p.paragraphs) == text
    assert "".join(p.pieces[1]) == text[4:24]
    assert "".join(p.pieces[2]) == text[10:19]
    assert len(p.pieces[1]) == len(p.pieces[2]) == 1  # the quotes stay whole; the cue is split
    assert sorted(p.marked["kq-speaker"]) == ["이 장관", "정부"]
    assert p.marked["kq-not-speech"] == ["장관", "이"]  # split where it crosses the speaker
    assert sorted(p.marked["kq-cue"]) == ["고", "말했다", "밝혔다"]
    assert [a["id"] for t, a in p.tags if t == "mark" and "id" in a] == ["kq-q1", "kq-q2"]


def test_many_documents_on_one_page() -> None:
    docs = [
        ('김 대표는 "가겠다"고 말했다.', None, "a.txt"),
        ('박 의원은 "멈추겠다"고 말했다.', None, "<b>.jsonl:2"),
        ("", [], None),
    ]
    page = to_html_page(docs, title="말뭉치")
    p = parse(page)
    assert [t for t, _ in p.tags].count("article") == 3
    assert "<h2>a.txt</h2>" in page and "<h2>&lt;b&gt;.jsonl:2</h2>" in page and "<h2>document 3</h2>" in page
    assert [a["id"] for t, a in p.tags if t == "mark" and "id" in a] == ["d1-q1", "d2-q1"]
    assert parse(to_html_page([])).tags
    assert "No documents." in to_html_page([])


def test_quote_list_and_extractor(extractor: quotes.Extractor) -> None:
    text = '김 대표는 "가겠다"고 말했다.'
    by_list = to_html(text, extractor.extract(text))
    assert by_list == to_html(text, extractor=extractor) == to_html(text)
    assert by_list.count('class="kq-q kq-direct"') == 1
    assert ".kq-direct" in stylesheet()


def test_caller_mistakes() -> None:
    with pytest.raises(TypeError, match="str"):
        to_html(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Quote"):
        to_html("글", ["글"])  # type: ignore[list-item]
    analysis = quotes.analyze('김 대표는 "가겠다"고 말했다.')
    with pytest.raises(ValueError, match="this very text"):
        to_html("다른 글입니다. " + '김 대표는 "가겠다"고 말했다.', analysis)


PIECES = [
    "김 대표는 ",
    '"',
    "'",
    "\u201c",
    "\u201d",
    "가겠다",
    "고 말했다.",
    "라며 ",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "<b>",
    "&amp;",
    "그는 ",
]


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_any_text_gives_well_formed_faithful_html(text: str) -> None:
    analysis = quotes.analyze(text)
    p = parse(to_html(text, analysis))
    assert squash("".join(p.paragraphs)) == squash(text)
    assert len([a for t, a in p.tags if t == "mark" and "id" in a]) == len(analysis.quotes)
