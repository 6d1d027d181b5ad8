"""Scale-out (issue #6): the per-worker helpers and the Dask recipe on a real 2-process cluster.

The recipes live in ``tests/scale_out_dask.py`` and ``tests/scale_out_spark.py``;
``docs/how-to/scale-out.md`` shows them verbatim (checked here), so the page and
the code that runs cannot drift apart.
"""

from __future__ import annotations

import json
import logging
import pickle
import re
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes import Config, Extractor
from quotes.cli import main
from quotes.scale import extract_lines, extract_records, number_lines, worker_extractor

TESTS = Path(__file__).parent
PAGE = TESTS.parent / "docs" / "how-to" / "scale-out.md"
SENTENCES = [
    line
    for line in (TESTS / "data" / "scale_out_sentences.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _corpus(tmp_path: Path) -> list[Path]:
    """Two JSONL files of the sentences, with the bad lines a crawl has."""

    def line(i: int, text: str) -> bytes:
        rec = {"doc_id": f"d{i:02d}", "section": "사회" if i % 2 else "경제", "text": text}
        return json.dumps(rec, ensure_ascii=False).encode("utf-8")

    half = len(SENTENCES) // 2
    first = [line(i, s) for i, s in enumerate(SENTENCES[:half])]
    first[3:3] = [b"", b'{"doc_id": "broken", "text": "\xeb\x8b\xab\xed\x9e\x88\xec\xa7\x80 \xec\x95\x8a\xec\x9d\x80']
    first[8:8] = [json.dumps({"doc_id": "no-text", "body": "본문 필드만 있다"}, ensure_ascii=False).encode()]
    second = [line(i, s) for i, s in enumerate(SENTENCES[half:], half)]
    second[2:2] = [b"[1, 2]", b'{"doc_id": "bad-bytes", "text": "\xff\xfe"}', b"   "]
    second[5] += b"\r"  # a CRLF line ending
    paths = []
    for name, lines in (("part-1.jsonl", first), ("part-2.jsonl", second)):
        path = tmp_path / name
        path.write_bytes(b"\n".join(lines) + b"\n")
        paths.append(path)
    return paths


def _in_process(paths: list[Path]) -> list[dict[str, Any]]:
    """What one process makes of the files, read the way the CLI reads them."""
    numbered = [(str(p), no, raw) for p in paths for no, raw in enumerate(p.read_bytes().splitlines(), 1)]
    return list(extract_lines(numbered, id_field="doc_id"))


def _read_jsonl(paths: list[str] | list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines()]


def _page_block(heading: str) -> str:
    """The first ```python block after ``heading`` on the how-to page."""
    page = PAGE.read_text(encoding="utf-8")
    found = re.search(re.escape(heading) + r".*?```python\n(.*?)```", page, re.DOTALL)
    assert found, f"no python block after {heading!r} in {PAGE}"
    return found.group(1)


# -- the per-worker extractor ---------------------------------------------------


def test_worker_extractor_is_built_once_per_process_and_config() -> None:
    ex = worker_extractor()
    assert ex is worker_extractor() is worker_extractor(Config()) is quotes.default_extractor()
    assert ex.analyser.loaded  # warmed up: the first task pays the load, not the first document
    other = worker_extractor(Config(include_unclosed=False))
    assert other is worker_extractor(Config(include_unclosed=False))
    assert other is not ex and other.analyser.kiwi is ex.analyser.kiwi  # one model per process
    with pytest.raises(TypeError):
        pickle.dumps(other)  # built on the shared Kiwi: ship its Config instead


def test_an_extractor_pickles_as_its_config_never_a_kiwi() -> None:
    ex = quotes.default_extractor()
    ex.extract('김 장관은 "곧 발표하겠다"고 말했다.')  # the model is loaded ...
    data = pickle.dumps(ex)
    assert len(data) < 10_000 and b"kiwipiepy" not in data  # ... but not pickled
    copy = pickle.loads(data)
    assert isinstance(copy, Extractor) and copy.config == ex.config and not copy.analyser.loaded


# -- the record functions ----------------------------------------------------------


def test_number_lines_restarts_per_file() -> None:
    pairs = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")]
    assert [n for _, n, _ in number_lines(pairs)] == [1, 2, 1, 2]


def test_extract_lines_equals_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _corpus(tmp_path)
    out = tmp_path / "cli.jsonl"
    assert main(["extract", *map(str, paths), "--id-field", "doc_id", "-o", str(out)]) == 1  # bad records
    assert "4 of" in capsys.readouterr().err
    cli = _read_jsonl([out])
    mine = _in_process(paths)
    assert mine == cli
    assert [list(r) for r in mine] == [list(r) for r in cli]  # same keys in the same order
    assert len(mine) >= 40 and sum("error" in r for r in mine) == 4
    assert any(r["quotes"] for r in mine if "quotes" in r)


def test_extract_records_is_extract_lines_without_the_position(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    expected = [{k: v for k, v in r.items() if k not in ("source", "line")} for r in _in_process(paths)]
    objs: list[Any] = []
    for p in paths:
        for raw in p.read_bytes().splitlines():
            if raw.strip():
                try:
                    objs.append(json.loads(raw.decode("utf-8")))
                except (UnicodeError, json.JSONDecodeError):
                    objs.append(None)  # the lines extract_lines reports as invalid JSON
    got = list(extract_records(objs, id_field="doc_id"))
    assert [r for r, o in zip(got, objs, strict=True) if o is not None] == [
        e for e, o in zip(expected, objs, strict=True) if o is not None
    ]


def test_max_chars_gives_an_error_record_not_a_failed_job() -> None:
    [rec] = extract_records([{"text": "가" * 20, "k": 1}], config=Config(max_chars=10))
    assert rec["k"] == 1 and "max_chars=10" in rec["error"]


def test_the_spark_partition_functions_without_spark() -> None:
    from scale_out_spark import lines_to_jsonl, rows_to_jsonl

    class Row:  # the one pyspark.sql.Row method the recipe uses
        def __init__(self, **fields: Any) -> None:
            self.fields = fields

        def asDict(self, recursive: bool = False) -> dict[str, Any]:  # noqa: N802 (Spark's name)
            return dict(self.fields)

    rows = [Row(id="r1", text=SENTENCES[0]), Row(id="r2", text=None)]
    out = [json.loads(s) for s in rows_to_jsonl(rows, id_field="id")]
    assert out[0]["id"] == "r1" and out[0]["quotes"] and "error" in out[1]
    pairs = [(json.dumps({"text": SENTENCES[1]}, ensure_ascii=False), 0), ("", 1), ("{oops", 2)]
    out = [json.loads(s) for s in lines_to_jsonl(pairs, "in.jsonl")]
    assert [(r["source"], r["line"], "error" in r) for r in out] == [("in.jsonl", 1, False), ("in.jsonl", 3, True)]


def test_the_page_shows_the_recipes_that_run() -> None:
    assert _page_block("## Dask") == (TESTS / "scale_out_dask.py").read_text(encoding="utf-8")
    assert _page_block("## Spark") == (TESTS / "scale_out_spark.py").read_text(encoding="utf-8")


# -- the Dask recipe on a real cluster ------------------------------------------------


def test_the_dask_recipe_on_two_worker_processes_equals_one_process(tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    from scale_out_dask import extract_corpus

    paths = _corpus(tmp_path)
    expected = _in_process(paths)
    cli = tmp_path / "cli.jsonl"
    main(["extract", *map(str, paths), "--id-field", "doc_id", "-o", str(cli)])
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        written = extract_corpus([str(p) for p in paths], str(tmp_path / "out"), id_field="doc_id", npartitions=4)
        loaded = client.run(lambda: quotes.default_extractor().analyser.loaded)
    assert len(written) == 4 and written == sorted(written)
    got = _read_jsonl(written)
    assert got == expected == _read_jsonl([cli])
    assert len(loaded) == 2 and any(loaded.values())  # the work ran in the worker processes


# -- issue 13: nothing lost before a bad item, whatever the number of workers ---------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_results_before_a_bad_item_come_out_first(workers: int) -> None:
    texts: list[Any] = [SENTENCES[0]] * 5 + [5] + [SENTENCES[1]] * 3
    got = []
    with pytest.raises(TypeError):
        for analysis in quotes.default_extractor().analyze_many(texts, workers=workers, chunk_size=4):
            got.append(analysis)
    assert len(got) == 5


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_input_iterable_raises_after_the_results_read_before_it(workers: int) -> None:
    def texts() -> Any:
        yield from [SENTENCES[0]] * 3
        raise OSError("the corpus went away")

    got = []
    with pytest.raises(OSError, match="went away"):
        for analysis in quotes.default_extractor().analyze_many(texts(), workers=workers, chunk_size=2):
            got.append(analysis)
    assert len(got) == 3


def test_hostile_lines_and_rows_give_error_records_that_keep_their_id() -> None:
    lines = [
        ("a.jsonl", 1, "\ufeff" + json.dumps({"k": "bom", "text": SENTENCES[0]}, ensure_ascii=False)),
        ("a.jsonl", 2, '{"k": "nan", "x": NaN, "text": "x"}'),
        ("a.jsonl", 3, '{"k": "big", "n": ' + "1" * 5000 + ', "text": "x"}'),
        ("a.jsonl", 4, '{"k": "deep", "text": "x", "d": ' + "[" * 5000 + "}"),
        ("a.jsonl", 5, '{"k": "sur", "t": "\\udc80", "text": "x"}'),
        ("a.jsonl", 6, '{"text": "x"}'),
    ]
    out = list(extract_lines(lines, id_field="k"))
    assert [r.get("id") for r in out] == ["bom", "nan", None, None, "sur", None]
    assert "quotes" in out[0] and out[4]["repaired"] == ["t"] and out[5]["error"] == "id field 'k' missing"
    for rec in out:
        json.dumps(rec, ensure_ascii=False, allow_nan=False).encode("utf-8")  # strict JSON, valid UTF-8
    rows = [{"id": "r1", "text": None, "score": float("nan")}, {"id": "r2", "text": "x", "score": float("inf")}]
    bad, good = extract_records(rows, id_field="id")
    assert bad == {"id": "r1", "error": "field 'text' missing or not a string"}  # the Spark row keeps its id
    assert good["score"] is None and good["repaired"] == ["score"]
