"""Nothing the caller passes can put live markup into the HTML view (issue 13)."""

from __future__ import annotations

import pytest

from quotes.html import fragment


@pytest.mark.parametrize(
    "anchor",
    ['x" onmouseover="alert(1)', "x'y", "a b", "<b>", "", "1abc", "-a", "한글", "a" * 65, "a\n", "a&amp;"],
)
def test_an_unsafe_anchor_is_refused(anchor: str) -> None:
    with pytest.raises(ValueError, match="anchor"):
        fragment("오늘 서울은 맑겠다.", [], anchor=anchor)


def test_an_anchor_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(ValueError, match="anchor"):
        fragment("", [], anchor=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("anchor", ["kq", "d12", "doc-3_b", "A" * 64])
def test_a_safe_anchor_prefixes_the_ids(anchor: str) -> None:
    from quotes.records import Quote

    text = '김 대표는 "좋다"고 말했다.'
    quote = Quote(text="좋다", start=7, end=9, open_mark=6, close_mark=9)
    html = fragment(text, [quote], anchor=anchor)
    assert f'id="{anchor}-q1"' in html and f'href="#{anchor}-q1"' in html


def test_label_markup_is_escaped() -> None:
    html = fragment("", [], label='x" onmouseover="alert(1)<script>')
    assert "<script>" not in html and "x&quot; onmouseover=&quot;alert(1)&lt;script&gt;" in html
