"""Our own short articles, for the long-document checks (tests/test_stories.py, bench).

Each article is its headline, a lead byline and a few paragraphs; some close with a
byline.  ``EXPECTED`` gives, per article, the speaker name each quote must get when
the article is analysed alone *and* inside a long text of many articles: people
of one article never speak in, or lend their names to, the next.  The articles
are written so that a leak would show: the fifth says ``최 감독`` without a full
name right after the third named 최은비 감독, and the fourth opens with a quote
that has no subject: it takes the speaker named later in its own story
(``speaker.lede-forward``), never one of the story before.
"""

from __future__ import annotations

ARTICLES: tuple[str, ...] = (
    '한빛전자, 새 공장 착공…"3년 안에 매출 두 배"\n'
    "[한빛일보=윤서진 기자] 김민준 한빛전자 대표는 2일 경기 평택에서 열린 착공식에서 "
    '"3년 안에 매출을 두 배로 늘리겠다"고 말했다.\n'
    '김 대표는 "새 공장은 지역 일자리 1천 개를 만들 것"이라며 "협력사와 함께 성장하겠다"고 덧붙였다.\n'
    '"부품 국산화도 서두르겠다."\n'
    "이날 행사에는 협력사 대표 20여 명이 참석했다.\n"
    "윤서진 기자 sjyoon@hanbit.example\n",
    '시민단체 "폐수 대책부터 내놔야"\n'
    "[한빛일보=정하람 기자] 평택 지역 시민단체들이 새 공장 건설에 앞서 폐수 처리 계획을 공개하라고 요구했다.\n"
    '박소연 평택환경연대 사무국장은 "주민 설명회가 한 번도 열리지 않았다"고 지적했다.\n'
    '그는 "시가 인허가를 서두른다면 행정소송도 검토하겠다"고 밝혔다.\n'
    '"우리는 공장을 반대하는 것이 아니다."\n'
    "정하람 기자\n",
    '프로야구 개막 앞둔 감독들 "올해는 다르다"\n'
    "[한빛스포츠=오태윤 기자] 이준호 한빛타이거즈 감독은 28일 미디어데이에서 "
    '"선수들 몸 상태가 어느 때보다 좋다"고 말했다.\n'
    '"작년처럼 여름에 무너지지는 않겠다."\n'
    '최은비 바다갈매기 감독은 "우리 팀의 색깔은 빠른 야구"라고 맞받았다.\n'
    '최 감독은 "신인 선수들이 기대 이상"이라고 덧붙였다.\n'
    "오태윤 기자 tyoh@hanbit.example\n",
    "[한빛일보=서지안 기자]\n"
    '"예산이 부족하다는 말은 핑계다."\n'
    "시의회 예산결산특별위원회가 3일 내년 예산안 심사를 시작했다.\n"
    '한정우 예결위원장은 "불요불급한 사업부터 걸러내겠다"고 말했다.\n'
    "서지안 기자\n",
    "유소년 야구 교실 문 열어\n"
    "[한빛스포츠=남기현 기자] 지역 야구 꿈나무를 위한 주말 교실이 4일 문을 열었다.\n"
    '교실을 맡은 최 감독은 "아이들이 야구를 즐기는 것이 먼저"라고 말했다.\n'
    '"승패는 그다음 문제다."\n'
    "남기현 기자 khnam@hanbit.example\n",
    "도서관 밤 10시까지 연다\n"
    "[한빛일보=윤서진 기자] 한빛시립도서관이 다음 달부터 평일 운영 시간을 밤 10시까지 늘린다.\n"
    '도서관 측은 "직장인 이용자의 요청이 많았다"고 설명했다.\n'
    '이용자 김하늘씨는 "퇴근 뒤에도 책을 빌릴 수 있게 돼 반갑다"고 말했다.\n'
    '김씨는 "주말에는 자리가 모자란다"며 "열람실도 늘려 주면 좋겠다"고 덧붙였다.\n',
)

#: Per article: the quote's text -> the speaker name it must get (``None``: no name).
EXPECTED: tuple[dict[str, str | None], ...] = (
    {
        "3년 안에 매출을 두 배로 늘리겠다": "김민준",
        "새 공장은 지역 일자리 1천 개를 만들 것": "김민준",
        "협력사와 함께 성장하겠다": "김민준",
        "부품 국산화도 서두르겠다.": "김민준",
    },
    {
        "주민 설명회가 한 번도 열리지 않았다": "박소연",
        "시가 인허가를 서두른다면 행정소송도 검토하겠다": "박소연",
        "우리는 공장을 반대하는 것이 아니다.": "박소연",
    },
    {
        "선수들 몸 상태가 어느 때보다 좋다": "이준호",
        "작년처럼 여름에 무너지지는 않겠다.": "이준호",
        "우리 팀의 색깔은 빠른 야구": "최은비",
        "신인 선수들이 기대 이상": "최은비",
    },
    {
        "예산이 부족하다는 말은 핑계다.": "한정우",  # a lede quote, named two paragraphs later
        "불요불급한 사업부터 걸러내겠다": "한정우",
    },
    {
        "아이들이 야구를 즐기는 것이 먼저": None,
        "승패는 그다음 문제다.": None,
    },
    {
        "직장인 이용자의 요청이 많았다": "한빛시립도서관",
        "퇴근 뒤에도 책을 빌릴 수 있게 돼 반갑다": "김하늘",
        "주말에는 자리가 모자란다": "김하늘",
        "열람실도 늘려 주면 좋겠다": "김하늘",
    },
)


def long_document(paragraphs: int = 300) -> tuple[str, list[tuple[int, int]]]:
    """The articles one after another (a blank line between) until ``paragraphs`` lines.

    Returns the text and each article's ``(start, end)`` in it, in order.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = lines = k = 0
    while lines < paragraphs:
        art = ARTICLES[k % len(ARTICLES)]
        parts.append(art + "\n")
        spans.append((pos, pos + len(art)))
        pos += len(art) + 1
        lines += art.count("\n")
        k += 1
    return "".join(parts), spans
