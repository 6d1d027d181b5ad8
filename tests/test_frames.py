"""to_dataframe: one row per quote, flat columns, stable dtypes."""

from __future__ import annotations

import sys
from typing import Any

import attrs
import pytest

import quotes
from quotes.frames import COLUMNS, DTYPES, to_dataframe
from quotes.records import Quote

pd = pytest.importorskip("pandas")

TEXTS = [
    '이해진 네이버 GIO는 "함께 가겠다"며 "유럽과 손잡겠다"고 말했다. 이 GIO는 "늦지 않았다"고 덧붙였다.',
    "오늘 서울은 맑겠다.",
    '"아직 아무것도 정해지지 않았다"\n\n정부는 수출이 곧 회복될 것이라고 밝혔다.',
]


@pytest.fixture(scope="module")
def analyses() -> list[quotes.Analysis]:
    return [quotes.analyze(t) for t in TEXTS]


def check_dtypes(df: Any, doc_dtype: str = "Int64") -> None:
    assert tuple(df.columns) == COLUMNS
    for name in COLUMNS:
        expected = doc_dtype if name == "doc" else DTYPES[name]
        assert df[name].dtype == pd.api.types.pandas_dtype(expected), name


def value(v: Any) -> Any:
    return None if v is pd.NA else v


def test_one_row_per_quote_equal_to_the_records(analyses: list[quotes.Analysis]) -> None:
    a = analyses[0]
    df = to_dataframe(a)
    check_dtypes(df)
    assert len(df) == len(a.quotes) == 3
    for (_, row), q in zip(df.iterrows(), a.quotes, strict=True):
        flat = {k: value(v) for k, v in row.items()}
        d = q.to_dict()
        for key in (
            "kind",
            "text",
            "start",
            "end",
            "open_mark",
            "close_mark",
            "order",
            "sentence_start",
            "sentence_end",
        ):
            assert flat[key] == d[key], key
        assert flat["rules"].split(",") == d["rules"]
        for key in ("text", "start", "end", "name", "title", "affiliation", "kind"):
            assert flat[f"speaker_{key}"] == d["speaker"][key]
        assert flat["speaker_rules"].split(",") == d["speaker"]["rules"]
        for key in ("text", "start", "end", "lemma", "kind"):
            assert flat[f"cue_{key}"] == d["cue"][key]
        ante = d["speaker"]["antecedent"]
        for key in ("text", "start", "end"):
            assert flat[f"antecedent_{key}"] == (ante[key] if ante else None)
    assert df.doc.tolist() == [0, 0, 0] and df.quote.tolist() == [0, 1, 2]
    # the third quote's speaker (이 GIO) was resolved to the first mention
    assert df.antecedent_text[2] == "이해진 네이버 GIO" and df.speaker_name[2] == "이해진"


def test_a_list_of_quotes_is_one_document(analyses: list[quotes.Analysis]) -> None:
    a = analyses[0]
    assert to_dataframe(list(a.quotes)).equals(to_dataframe(a))
    assert to_dataframe(a.quotes).equals(to_dataframe(a))


def test_missing_speaker_and_cue_are_na(analyses: list[quotes.Analysis]) -> None:
    q = analyses[0].quotes[0]
    bare = attrs.evolve(q, speaker=None, cue=None, open_mark=None, close_mark=None, rules=())
    df = to_dataframe([bare])
    check_dtypes(df)
    row = df.iloc[0]
    for name in COLUMNS:
        if name.startswith(("speaker_", "cue_", "antecedent_")) or name in ("open_mark", "close_mark"):
            assert row[name] is pd.NA, name
    assert row["rules"] == ""


def test_many_documents_with_and_without_ids(analyses: list[quotes.Analysis]) -> None:
    counts = [len(a.quotes) for a in analyses]
    assert counts[1] == 0, "the test needs a document without quotes"
    rows = [max(n, 1) for n in counts]  # a document without quotes keeps one row
    df = to_dataframe(analyses)
    check_dtypes(df)
    assert len(df) == sum(rows)
    assert df.doc.tolist() == [i for i, n in enumerate(rows) for _ in range(n)]
    ids = ["a.txt", "b.txt", "c.txt"]
    named = to_dataframe(analyses, ids=ids)
    check_dtypes(named, "string")
    assert named.doc.tolist() == [ids[i] for i, n in enumerate(rows) for _ in range(n)]
    assert to_dataframe((a.quotes for a in analyses), ids=[10, 20, 30]).doc.tolist() == [
        (i + 1) * 10 for i, n in enumerate(rows) for _ in range(n)
    ]
    quotes_only = to_dataframe(analyses, keep_empty=False)
    assert len(quotes_only) == sum(counts) and quotes_only.quote.notna().all()
    # quote lists, as extract_many gives them
    many = to_dataframe(list(quotes.default_extractor().extract_many(TEXTS)))
    assert many.equals(df)
    with pytest.raises(ValueError, match="one id per document"):
        to_dataframe(analyses, ids=["only one"])


def test_empty_input_has_the_columns() -> None:
    for df in (
        to_dataframe([], keep_empty=False),
        to_dataframe(quotes.Analysis(), keep_empty=False),
        to_dataframe([quotes.Analysis(), []], keep_empty=False),
        to_dataframe([], ids=[]),
    ):
        assert df.shape == (0, len(COLUMNS))
        check_dtypes(df)
    check_dtypes(to_dataframe([[]], ids=["x"]), "string")


def test_a_document_without_quotes_keeps_one_row_as_in_the_csv() -> None:
    for data, n in ((quotes.Analysis(), 1), ([], 1), ([quotes.Analysis(), []], 2)):
        df = to_dataframe(data)
        check_dtypes(df)
        assert df.shape == (n, len(COLUMNS))
        assert df.doc.tolist() == list(range(n))
        assert all(df[c].isna().all() for c in COLUMNS if c != "doc")
    named = to_dataframe([[]], ids=["x"])
    assert named.doc.tolist() == ["x"] and named.quote.isna().all()
    assert named.groupby("doc").quote.count().to_dict() == {"x": 0}


def test_wrong_input() -> None:
    with pytest.raises(TypeError, match="Analysis"):
        to_dataframe("김 대표는 말했다")
    with pytest.raises(TypeError, match="int"):
        to_dataframe([quotes.Analysis(), 3])
    with pytest.raises(TypeError, match="list of Quote"):
        to_dataframe([["not a quote"]])
    q = Quote(text="가", start=0, end=1)
    with pytest.raises(TypeError, match="Quote"):
        to_dataframe(q)


def test_missing_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install pandas"):
        to_dataframe([])
