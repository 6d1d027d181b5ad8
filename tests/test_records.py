"""Records: frozen, keyword-only, validated, and round-trip through their dict form."""

from __future__ import annotations

import json

import attrs
import pytest

import quotes
from quotes import Analysis, Cue, CueKind, Mention, Order, Problem, ProblemCode, Quote, QuoteKind, Speaker, SpeakerKind
from quotes.errors import RecordError


def sample_quote() -> Quote:
    speaker = Speaker(
        text="이 GIO",
        start=0,
        end=5,
        name="이해진",
        title="GIO",
        kind=SpeakerKind.PERSON,
        antecedent=Mention(text="이해진 네이버 GIO", start=100, end=110),
        rules=("speaker.subject-before", "coref.surname-title"),
    )
    cue = Cue(text="말했다", start=20, end=23, lemma="말하다", kind=CueKind.PREDICATE)
    return Quote(
        text="좋다",
        start=8,
        end=10,
        kind=QuoteKind.DIRECT,
        open_mark=7,
        close_mark=10,
        speaker=speaker,
        cue=cue,
        order=Order.SPEAKER_FIRST,
        sentence_start=0,
        sentence_end=24,
        rules=("mark.pair.double", "cue.quotative"),
    )


def test_round_trip_through_dict_and_json() -> None:
    q = sample_quote()
    d = q.to_dict()
    assert Quote.from_dict(json.loads(json.dumps(d, ensure_ascii=False))) == q
    assert d["kind"] == "direct" and d["speaker"]["kind"] == "person" and d["cue"]["kind"] == "predicate"
    assert d["speaker"]["antecedent"] == {"text": "이해진 네이버 GIO", "start": 100, "end": 110}
    assert d["rules"] == ["mark.pair.double", "cue.quotative"]


def test_analysis_round_trip() -> None:
    a = Analysis(
        quotes=(sample_quote(),), problems=(Problem(code=ProblemCode.NO_SPEAKER, start=1, end=2, message="x"),)
    )
    assert Analysis.from_dict(a.to_dict()) == a


def test_records_are_frozen_slotted_and_keyword_only() -> None:
    q = sample_quote()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.text = "x"  # type: ignore[misc]
    assert not hasattr(q, "__dict__")
    with pytest.raises(TypeError):
        Cue("말했다", 0, 3, "말하다")  # type: ignore[misc]


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 4)])
def test_invalid_spans_are_rejected(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Mention(text="x", start=start, end=end)


def test_from_dict_rejects_unknown_fields_and_non_dicts() -> None:
    with pytest.raises(RecordError, match="unknown field"):
        Mention.from_dict({"text": "x", "start": 0, "end": 1, "colour": "red"})
    with pytest.raises(RecordError, match="needs a dict"):
        Mention.from_dict(["x"])  # type: ignore[arg-type]
    with pytest.raises(RecordError):
        Cue.from_dict({"text": "x", "start": 0, "end": 1, "lemma": "x", "kind": "shouting"})


def test_real_output_round_trips(extractor: quotes.Extractor) -> None:
    text = '김 대표는 "기회를 놓치지 않겠다"며 "끝까지 가겠다"고 말했다. 그는 "고맙다"고 덧붙였다.'
    analysis = extractor.analyze(text)
    assert len(analysis.quotes) == 3
    assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


def test_kinds_are_plain_strings() -> None:
    assert QuoteKind.DIRECT == "direct"
    assert json.dumps({"k": SpeakerKind.ANONYMOUS}) == '{"k": "anonymous"}'


# --- from_dict checks every field (issue 13) ------------------------------------------


def _analysis_dict() -> dict[str, object]:
    a = Analysis(
        quotes=(sample_quote(), sample_quote(), sample_quote()),
        problems=(Problem(code=ProblemCode.NO_SPEAKER, start=1, end=2, message="x"),),
    )
    return a.to_dict()


def _set(data: dict[str, object], path: str, value: object) -> None:
    parts = path.replace("]", "").replace("[", ".").split(".")
    node: object = data
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]  # type: ignore[index]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value  # type: ignore[index]


@pytest.mark.parametrize(
    ("path", "value", "says"),
    [
        ("quotes[2].text", 5, "must be a string"),
        ("quotes[0].start", True, "non-negative int"),
        ("quotes[1].end", 1.5, "non-negative int"),
        ("quotes[0].rules", "abc", "must be a list"),
        ("quotes[0].rules[1]", 7, "must be a string"),
        ("quotes[2].speaker.start", -3, "non-negative int"),
        ("quotes[2].speaker.start", "0", "non-negative int"),
        ("quotes[0].speaker.kind", "alien", "must be one of"),
        ("quotes[0].speaker.antecedent", ["x"], "needs a dict"),
        ("quotes[0].speaker.antecedent.end", 50, r"must be >= start \(100\)"),
        ("quotes[0].cue.kind", 1, "must be one of"),
        ("quotes[0].open_mark", "7", "non-negative int"),
        ("quotes[0].order", None, "must be one of"),
        ("quotes[0].speaker.rules[0]", None, "must be a string"),
        ("quotes[0].speaker.entity", False, "non-negative int"),
        ("problems[0].code", "weird", "must be one of"),
        ("problems", {"a": 1}, "must be a list"),
        ("quotes[1]", "x", "needs a dict"),
    ],
)
def test_from_dict_names_the_path_of_a_wrong_value(path: str, value: object, says: str) -> None:
    data = _analysis_dict()
    _set(data, path, value)
    with pytest.raises(RecordError, match=says) as info:
        Analysis.from_dict(data)
    assert info.value.path == path
    assert str(info.value).startswith(path + ":")


def test_from_dict_names_a_missing_field() -> None:
    data = _analysis_dict()
    del data["quotes"][0]["speaker"]["text"]  # type: ignore[index]
    with pytest.raises(RecordError, match="missing") as info:
        Analysis.from_dict(data)
    assert info.value.path == "quotes[0].speaker.text"


def test_from_dict_still_takes_enum_members_and_tuples() -> None:
    q = sample_quote()
    d = q.to_dict()
    d["kind"], d["rules"] = QuoteKind.DIRECT, tuple(d["rules"])
    assert Quote.from_dict(d) == q


def test_a_top_level_error_has_an_empty_path() -> None:
    with pytest.raises(RecordError) as info:
        Mention.from_dict({"text": "x", "start": 4, "end": 1})
    assert info.value.path == "end" and "must be >= start (4)" in str(info.value)
    with pytest.raises(RecordError) as info:
        Mention.from_dict("x")  # type: ignore[arg-type]
    assert info.value.path == ""
