"""Hypothesis strategies: news-like Korean text with planted quotes and crawl noise."""

from __future__ import annotations

from hypothesis import strategies as st

NAMES = ["김서윤", "박지훈", "이하은", "최민준", "정유나", "남궁민", "마르쿠스 레인", "거스 포옛"]
ORGS = ["가온랩", "한빛전자", "누리캐피털", "서울시", "국민연금공단"]
TITLES = ["대표", "장관", "의원", "교수", "연구원", "CEO", "감독", "대변인"]
CONTENTS = [
    "내년에는 반드시 흑자로 돌아서겠다",
    "지금은 속도보다 방향이 중요하다",
    "우리는 아직 배가 고프다",
    "현장의 목소리를 끝까지 듣겠다",
    "규제가 풀리면 투자도 늘어날 것",
    "이번 결정은 피할 수 없었다",
]
CUES = ["말했다", "밝혔다", "강조했다", "덧붙였다", "설명했다", "지적했다", "했다", "전했다"]
MARKS = [('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019"), ("\u300c", "\u300d")]
FILLER = [
    "행사는 오후 2시에 시작됐다.",
    "현장에는 300여 명이 모였다.",
    "회사는 올해 매출 목표를 높였다.",
    "시장의 반응은 엇갈렸다.",
]
# Crawl junk: spliced into texts by ``noisy`` (a planted speaker right after a spam
# phrase can absorb it -- a known limitation, see docs/explanation/accuracy.md).
SPAM = ["경마왕 코리아레이스 바로가기", "Curl error: Could not resolve host\n"]
NOISE = ["\u200b", "\u00ad", "\ufeff", "\u00a0", "&nbsp;", "\r\n", "  ", "\u2060"]


def _has_final(ch: str) -> bool:
    return 0xAC00 <= ord(ch) <= 0xD7A3 and (ord(ch) - 0xAC00) % 28 != 0


def _particle(content: str) -> str:
    last = content[-1]
    return "이라고" if _has_final(last) else ("고" if last == "다" else "라고")


@st.composite
def planted(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """A text of filler sentences with planted quotes; returns (text, [(content, speaker name)])."""
    parts: list[str] = []
    expected: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(1, 4))):
        parts.extend(draw(st.lists(st.sampled_from(FILLER), max_size=2)))
        name = draw(st.sampled_from(NAMES))
        title = draw(st.sampled_from(TITLES))
        org = draw(st.sampled_from([*ORGS, ""]))
        content = draw(st.sampled_from(CONTENTS))
        left, right = draw(st.sampled_from(MARKS))
        cue = draw(st.sampled_from(CUES))
        mention = " ".join(x for x in (name, org, title) if x)
        topic = "은" if _has_final(title[-1]) else "는"
        quote = f"{left}{content}{right}{_particle(content)}"
        if draw(st.booleans()):
            parts.append(f"{mention}{topic} {quote} {cue}.")
        else:
            parts.append(f"{quote} {mention}{topic} {cue}.")
        expected.append((content, name))
    sep = draw(st.sampled_from([" ", "\n", "\n\n"]))
    return sep.join(parts), expected


@st.composite
def noisy(draw: st.DrawFn) -> str:
    """A planted text with crawl noise spliced in at random places."""
    text, _ = draw(planted())
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + draw(st.sampled_from([*NOISE, *SPAM, '"', "\u201c", "'", "\u2019"])) + text[pos:]
    return text


#: Sentences with no person, organisation or group in them: a content-noun topic only.
UNRELATED = [
    "서울의 오늘 날씨는 맑았다.",
    "올해 쌀값은 조금 올랐다.",
    "주말 고속도로는 하루 종일 붐볐다.",
    "그날 밤하늘은 유난히 맑았다.",
    "시장의 반응은 엇갈렸다.",
    "가을 축제의 열기는 밤늦게까지 이어졌다.",
]


@st.composite
def one_quote_sentence(draw: st.DrawFn) -> str:
    """One sentence with a quote: with a speaker before or after it, or with none."""
    content = draw(st.sampled_from(CONTENTS))
    left, right = draw(st.sampled_from(MARKS[:2]))
    cue = draw(st.sampled_from(CUES))
    quote = f"{left}{content}{right}{_particle(content)}"
    name, title = draw(st.sampled_from(NAMES)), draw(st.sampled_from(TITLES))
    topic = "은" if _has_final(title[-1]) else "는"
    shape = draw(st.sampled_from(["before", "after", "none"]))
    if shape == "before":
        return f"{name} {title}{topic} {quote} {cue}."
    if shape == "after":
        return f"{quote} {name} {title}{topic} {cue}."
    return f"{quote} {cue}."
