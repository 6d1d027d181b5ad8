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
