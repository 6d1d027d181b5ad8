"""Wire-copy conventions: datelines before the first name, foreign names before their country."""

from __future__ import annotations

import pytest

import quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('(베이징=신화통신) 시진핑 중국 국가주석이 "개혁을 이어가겠다"고 말했다.', "시진핑 중국 국가주석"),
        ('(서울=가온뉴스) 한지석 가온당 대표가 "예산을 다시 짜겠다"고 밝혔다.', "한지석 가온당 대표"),
        ('【도쿄=가온통신】 기시다 후미오 일본 총리는 "서두르겠다"고 했다.', "기시다 후미오 일본 총리"),
    ],
)
def test_a_dateline_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    (q,) = quotes.extract(text)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_parenthesis_after_a_name_still_belongs_to_it() -> None:
    (q,) = quotes.extract('김민수(金民秀) 대표가 "좋다"고 말했다.')
    assert q.speaker is not None and q.speaker.text == "김민수(金民秀) 대표"


def test_the_body_after_a_country_is_the_affiliation() -> None:
    (q,) = quotes.extract('리창 중국 국무원 총리는 "내수가 과제"라고 말했다.')
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.affiliation, q.speaker.title) == ("리창", "중국 국무원", "총리")
