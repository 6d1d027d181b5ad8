"""The word classes of the attached-ending and indirect stages (``ATTACHED_WORD_KINDS``).

Each row's example is run on the real analyser and must show what the class does.
"""

from __future__ import annotations

import pytest

import quotes
from quotes._lexicon import Row, default_lexicon
from quotes.config import ALL_KINDS

LEX = default_lexicon()
ALL = quotes.Extractor(kinds=ALL_KINDS)


def _rows(kind: str) -> list[Row]:
    found = [r for table in LEX.rows.values() for r in table if r.kind == kind and r.id.startswith("cue-att-")]
    assert found, kind
    return found


REPORT = _rows("report_noun")
CLOSERS = _rows("frame_closer")
NOT_OWNERS = _rows("not_owner")
GISTS = _rows("gist_noun")


@pytest.mark.parametrize("row", REPORT, ids=[r.id for r in REPORT])
def test_report_noun_heads_an_owned_indirect_clause(row: Row) -> None:
    found = [q for q in ALL.extract(row.example) if q.kind == quotes.QuoteKind.INDIRECT and q.cue is not None]
    assert any(q.cue.text == row.value for q in found), found
    owned = next(q for q in found if q.cue is not None and q.cue.text == row.value)
    if row.value in LEX.words.get("question_noun", {}):
        # 대변인은 "…"냐는 질문에 말을 아꼈다: the topic answers; no one named asked
        assert owned.speaker is None and "speaker.unowned-question" in owned.rules, owned
    else:
        assert owned.speaker is not None, owned


@pytest.mark.parametrize("row", CLOSERS, ids=[r.id for r in CLOSERS])
def test_frame_closer_is_cut_from_the_clause_start(row: Row) -> None:
    found = [q for q in ALL.extract(row.example) if q.kind == quotes.QuoteKind.INDIRECT]
    assert len(found) == 1, found
    assert row.value not in found[0].text
    assert found[0].text.startswith("자재")


@pytest.mark.parametrize("row", NOT_OWNERS, ids=[r.id for r in NOT_OWNERS])
def test_not_owner_never_owns_the_quote(row: Row) -> None:
    for q in quotes.extract(row.example):
        assert "cue.owned-noun" not in q.rules, q
        assert q.speaker is None or "speaker.noun-owner" not in q.speaker.rules, q


def test_owned_noun_names_the_genitive_owner() -> None:
    found = quotes.extract('소방서에는 "창고에서 연기가 난다"는 한 주민의 신고가 들어왔다.')
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.text == "한 주민"
    assert found[0].cue is not None and found[0].cue.text == "신고"


def test_owned_noun_needs_a_sentence_like_quote() -> None:
    # a one-word label before a genitive phrase is not speech
    assert quotes.extract("'혁신'이라는 회사의 보도자료") == []


FORECASTS = _rows("forecast_predicate")


@pytest.mark.parametrize("row", FORECASTS, ids=[r.id for r in FORECASTS])
def test_forecast_predicate_reports_a_future_clause(row: Row) -> None:
    (q,) = [q for q in ALL.extract(row.example) if q.kind == quotes.QuoteKind.INDIRECT]
    assert q.cue is not None and q.cue.lemma == row.value and q.text.endswith("것")
    assert q.speaker is not None or row.value == "응답하다"
    # the same clause in the past is a finding, not a forecast
    past = row.example.replace("늘어날", "늘어난").replace("줄어들", "줄어든").replace("보일", "보인")
    past = past.replace("넘을", "넘은").replace("늦어질", "늦어진").replace("이뤄질", "이뤄진")
    past = past.replace("이를", "이른").replace("시작될", "시작된").replace("오를", "오른").replace("나빠질", "나빠진")
    if past != row.example:
        assert not [q for q in ALL.extract(past) if "indirect.forecast" in q.rules]


@pytest.mark.parametrize("row", _rows("forecast_link") + _rows("future_etm"), ids=lambda r: r.id)
def test_forecast_link_and_future_ending(row: Row) -> None:
    assert row.value in row.example or row.kind == "future_etm"
    (q,) = ALL.extract(row.example)
    assert "indirect.forecast" in q.rules and q.speaker is not None and q.speaker.text == "가온증권"
    # passive: sourceless, no forecast record
    passive = row.example.replace("가온증권은 ", "").replace("내다봤다", "전망된다")
    assert not [q for q in ALL.extract(passive) if "indirect.forecast" in q.rules]


@pytest.mark.parametrize("row", _rows("future_time"), ids=lambda r: r.id)
def test_future_time_word_belongs_to_the_clause(row: Row) -> None:
    (q,) = [q for q in ALL.extract(row.example) if q.kind == quotes.QuoteKind.INDIRECT]
    assert q.text.startswith(row.value)


def test_quoted_forecast_is_speech() -> None:
    (q,) = quotes.extract('분석가들은 "환율이 다시 오를 것"으로 점쳤다.')
    assert q.cue is not None and q.cue.lemma == "점치다" and "cue.forecast" in q.rules
    assert q.speaker is not None and q.speaker.text == "분석가들"
    # a quoted label before 으로 and a naming verb stays no speech
    assert quotes.extract("회사는 새 제품을 '가온'으로 이름 붙였다.") == []


@pytest.mark.parametrize("row", GISTS, ids=[r.id for r in GISTS])
def test_gist_noun_owns_nothing_but_keeps_the_speech(row: Row) -> None:
    (q,) = quotes.extract(row.example)
    assert "cue.owned-noun" in q.rules, q
    assert q.speaker is None, q  # not the gist noun (취지), and no one named made the complaint


VENUES = _rows("speech_venue")


@pytest.mark.parametrize("row", VENUES, ids=[r.id for r in VENUES])
def test_speech_venue_is_cut_from_the_clause_start(row: Row) -> None:
    (q,) = [q for q in ALL.extract(row.example) if q.kind == quotes.QuoteKind.INDIRECT]
    assert q.text == "예산이 부족하다", q
    assert q.speaker is not None and q.speaker.start == 0


def test_a_place_in_the_content_is_no_venue() -> None:
    (q,) = [
        q
        for q in ALL.extract("배우 한서윤은 '푸른 밤' 촬영장에서 사랑을 받았다고 말했다.")
        if q.kind == quotes.QuoteKind.INDIRECT
    ]
    assert q.text.endswith("밤' 촬영장에서 사랑을 받았다"), q  # (the venue of the content stays)
