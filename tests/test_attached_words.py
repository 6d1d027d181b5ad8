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


@pytest.mark.parametrize("row", REPORT, ids=[r.id for r in REPORT])
def test_report_noun_heads_an_owned_indirect_clause(row: Row) -> None:
    found = [q for q in ALL.extract(row.example) if q.kind == quotes.QuoteKind.INDIRECT and q.cue is not None]
    assert any(q.cue.text == row.value for q in found), found
    owned = next(q for q in found if q.cue is not None and q.cue.text == row.value)
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
