"""from_dict refuses any one wrong value and names its path; valid dicts still round-trip (issue 13)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes import Analysis, RecordError

TEXT = (
    '누리캐피털 한도윤 대표는 "내년에는 해외 투자를 두 배로 늘리겠다"고 말했다. '
    "한 대표는 \"위험은 충분히 따져 봤다\"고 덧붙였다. 행사장에서는 영화 '먼 바다'가 상영됐다.\n\n"
    '한 관계자는 "아직 정해진 건 없다'
)
BASE = quotes.analyze(TEXT).to_dict()


def _leaves(node: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every value of the dict form with its path (containers included, the root excluded)."""
    out: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        items = [(f"{path}.{k}" if path else k, v) for k, v in node.items()]
    elif isinstance(node, list):
        items = [(f"{path}[{i}]", v) for i, v in enumerate(node)]
    else:
        return out
    for sub, value in items:
        out.append((sub, value))
        out.extend(_leaves(value, sub))
    return out


LEAVES = [(p, v) for p, v in _leaves(BASE) if v is not None]


def _wrong(value: Any) -> st.SearchStrategy[Any]:
    """Values of a type that ``value``'s field never takes (``None`` left out: optional fields take it)."""
    if isinstance(value, bool):  # pragma: no cover - records hold no bool
        raise AssertionError(value)
    if isinstance(value, int):
        return st.sampled_from([True, False, 1.0, 2.5, "3", -1, -(10**30), [1], {"n": 1}])
    if isinstance(value, str):
        return st.sampled_from([0, 7, 1.5, True, ["x"], {"x": "y"}, b"x"])
    if isinstance(value, list):
        return st.sampled_from(["abc", "", 3, {"a": 1}, 0.5])
    return st.sampled_from(["x", 5, [], [value], True])


def _set(data: Any, path: str, value: Any) -> None:
    parts = path.replace("]", "").replace("[", ".").split(".")
    node = data
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    node[int(parts[-1]) if isinstance(node, list) else parts[-1]] = value


def test_the_sample_has_every_kind_of_field() -> None:
    paths = {p for p, _ in LEAVES}
    assert "quotes[1].speaker.antecedent.start" in paths and "entities[0].mentions[0].end" in paths
    assert "not_speech[0].rules[0]" in paths and any(p.startswith("problems[") for p in paths)


@given(st.data())
def test_one_wrong_value_is_a_record_error_at_its_path(data: st.DataObject) -> None:
    path, value = data.draw(st.sampled_from(LEAVES))
    bad = data.draw(_wrong(value))
    d = copy.deepcopy(BASE)
    _set(d, path, bad)
    with pytest.raises(RecordError) as info:
        Analysis.from_dict(d)
    assert info.value.path == path, (path, bad, str(info.value))


@given(
    st.text(max_size=20),
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.lists(st.text(max_size=8), max_size=4),
)
def test_valid_records_round_trip(text: str, a: int, b: int, rules: list[str]) -> None:
    start, end = min(a, b), max(a, b)
    ns = quotes.NotSpeech(text=text, start=start, end=end, rules=tuple(rules))
    assert quotes.NotSpeech.from_dict(ns.to_dict()) == ns
    q = quotes.Quote(text=text, start=start, end=end, rules=tuple(rules), open_mark=a, sentence_end=b)
    assert quotes.Quote.from_dict(q.to_dict()) == q
