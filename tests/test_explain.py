"""Extractor.explain / quotes explain: the speaker sieve's steps, per quote."""

from __future__ import annotations

import pytest

import quotes
from quotes.cli import main


def test_explain_gives_the_same_quotes_as_analyze() -> None:
    text = '김 장관은 "곧 발표하겠다"며 "서두르지 않겠다"고 말했다.\n\n이어 "늦지 않았다"고 덧붙였다.'
    explained = quotes.explain(text)
    assert tuple(e.quote for e in explained) == quotes.analyze(text).quotes


@pytest.mark.parametrize(
    "text",
    ['김 장관은 "곧 발표하겠다"고 말했다.', '박 교수는 "연구는 이제 시작"이라고 설명했다.'],
)
def test_the_answering_rule_is_the_speakers_first_rule(text: str) -> None:
    (e,) = quotes.explain(text)
    chose = [s for s in e.steps if s.outcome == "chose"]
    assert len(chose) == 1 and e.steps[-1] is chose[0]
    assert e.quote.speaker is not None and chose[0].rule == e.quote.speaker.rules[0]
    assert chose[0].text == e.quote.speaker.text
    assert text[chose[0].start : chose[0].end] == chose[0].text


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ('그 회사의 성장은 "곧 발표하겠다"고 말했다.', "성장"),
        ('올해 수출은 "더 늘어날 것"이라고 전망했다.', "수출"),
    ],
)
def test_a_refused_candidate_is_shown_with_its_reason(text: str, refused: str) -> None:
    (e,) = quotes.explain(text)
    rejected = [s for s in e.steps if s.outcome == "rejected"]
    assert any(s.text == refused and s.reason for s in rejected)


def test_a_chain_shares_its_steps_and_an_inherited_speaker_says_so() -> None:
    text = '김 장관은 "곧 발표하겠다"며 "서두르지 않겠다"고 말했다. 이어 "늦지 않았다"고 덧붙였다.'
    first, second, third = quotes.explain(text)
    assert first.steps == second.steps
    assert third.steps[-1].rule == "speaker.previous-quote"
    assert [s.outcome for s in third.steps[:-1]] == ["nothing"] * (len(third.steps) - 1)


def test_a_speaker_named_by_its_own_cue_is_one_step() -> None:
    (e,) = quotes.explain('"끝까지 가겠다"고 한 김 대표는 자리를 떴다.')
    assert [s.rule for s in e.steps] == ["speaker.relative-head"]


def test_explain_on_no_quote_and_bad_input() -> None:
    assert quotes.explain("") == ()
    assert quotes.explain("따옴표가 없는 문장이다.") == ()
    with pytest.raises(TypeError):
        quotes.explain(b"bytes")  # type: ignore[arg-type]


def test_cli_explain_prints_the_steps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", '김 장관은 "곧 발표하겠다"고 말했다.']) == 0
    out = capsys.readouterr().out
    assert '"곧 발표하겠다"  →  김 장관' in out
    assert "chose     subject before the quote [speaker.subject-before]: 김 장관" in out


def test_cli_explain_reads_a_file_and_reports_a_missing_one(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text('한 관계자는 "아직 정해진 것은 없다"고 전했다.', encoding="utf-8")
    assert main(["explain", "--file", str(path)]) == 0
    assert "한 관계자" in capsys.readouterr().out
    assert main(["explain", "--file", str(tmp_path / "none.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
