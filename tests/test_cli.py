"""The command line, run in-process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GOLDEN
from quotes.cli import main


def test_demo_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "speaker" in out and "박지훈" in out and "말했다" in out


def test_evaluate_prints_figures_and_misses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(GOLDEN / "demo.jsonl"), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "speaker accuracy" in out and "CUE direct" in out


def test_evaluate_reports_speaker_accuracy_per_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    right = '한빛시 박서윤 시장은 "다리를 새로 놓겠다"고 말했다.'
    wrong = '정다온 교수는 자리를 떴다. 남은 사람은 "아직 모른다"고 말했다.'
    docs = [
        {
            "id": "a1",
            "text": right,
            "quotes": [_gold(right, "다리를 새로 놓겠다", "박서윤 시장", "박서윤")],
        },
        {
            "id": "a2",
            "text": wrong,
            "quotes": [_gold(wrong, "아직 모른다", "남은 사람", None)],
        },
        {"id": "a3", "text": "따옴표 없는 글이다.", "quotes": []},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
    assert main(["evaluate", str(gold), "--per-document"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("a")}
    assert rows["a1"] == ["1", "1", "1", "1", "1.000"]
    assert rows["a3"] == ["0", "0", "0", "0", "n/a"]
    assert main(["evaluate", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    shares = {d["doc"]: d["speaker_acc"] for d in report["documents"]}
    assert shares["a1"] == 1.0 and shares["a3"] is None
    assert report["figures"]["speaker_acc_doc_mean"] == pytest.approx((1.0 + shares["a2"]) / 2)


def _gold(text: str, quote: str, speaker: str, name: str | None) -> dict[str, object]:
    start = text.index(quote)
    return {
        "kind": "direct",
        "text": quote,
        "start": start,
        "end": start + len(quote),
        "speaker": speaker,
        "speaker_name": name,
        "required": True,
    }


def test_evaluate_require_fails_when_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.json"
    text = "그는 회사를 떠났다고 한다."  # hearsay, which the default extractor does not report
    record = {"kind": "indirect", "text": "회사를 떠났다", "start": 3, "end": 10, "speaker": None, "speaker_name": None}
    gold.write_text(json.dumps({"id": "x", "text": text, "quotes": [record]}, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", str(gold), "--require", "indirect_r>=0.99"]) == 1
    assert "short:" in capsys.readouterr().out
    assert main(["evaluate", str(GOLDEN / "demo.jsonl"), "--require", "nonsense>=1"]) == 2


def test_extract_jsonl_keeps_one_record_per_line_and_reports_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": 1, "body": "김 대표는 \\"좋다\\"고 말했다."}\n{broken\n{"id": 3, "body": 5}\n',
        encoding="utf-8",
    )
    assert main(["extract", str(src), "--text-field", "body"]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert len(lines) == 3
    assert lines[0]["id"] == 1 and lines[0]["quotes"][0]["text"] == "좋다"
    assert lines[1]["line"] == 2 and "invalid JSON" in lines[1]["error"]
    assert "not a string" in lines[2]["error"]
    assert "2 of 3" in captured.err


def test_python_m_quotes_runs() -> None:
    proc = subprocess.run([sys.executable, "-m", "quotes", "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("quotes ")


def _corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "body": "김 대표는 \\"좋다\\"고 말했다.\\r\\n그는 \\"더 가겠다\\"며 웃었다."}\n'
        "{broken\n"
        '{"id": "c", "body": "인용 없는 문장이다."}\n',
        encoding="utf-8",
    )
    return src


def test_extract_csv_and_tsv_give_a_row_per_quote_and_per_bad_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv

    src = _corpus(tmp_path)
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        out = tmp_path / f"out.{fmt}"
        assert (
            main(["extract", str(src), "--text-field", "body", "--id-field", "id", "--format", fmt, "-o", str(out)])
            == 1
        )
        with out.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter=delimiter))
        assert [(r["line"], r["id"], r["text"], r["speaker_text"]) for r in rows] == [
            ("1", "a", "좋다", "김 대표"),
            ("1", "a", "더 가겠다", "그"),
            ("2", "", "", ""),
            ("3", "c", "", ""),
        ]
        assert "invalid JSON" in rows[2]["error"] and rows[3]["error"] == ""
    assert "1 of 3" in capsys.readouterr().err


def test_extract_table_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _corpus(tmp_path)
    assert main(["extract", str(src), "--text-field", "body", "--format", "table"]) == 1
    out = capsys.readouterr().out
    assert "== " in out and "김 대표" in out and "error: invalid JSON" in out
    page = tmp_path / "page.html"
    assert main(["extract", str(src), "--text-field", "body", "--format", "html", "-o", str(page)]) == 1
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count("<article") == 3 and "invalid JSON" in html


def test_extract_with_two_workers_equals_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _corpus(tmp_path)
    assert main(["extract", str(src), "--text-field", "body"]) == 1
    one = capsys.readouterr().out
    assert main(["extract", str(src), "--text-field", "body", "-j", "2"]) == 1
    assert capsys.readouterr().out == one


def test_extract_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["extract", "-j", "0"], ["extract", "--format", "xml"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
    capsys.readouterr()


def test_extract_stdin_jsonl_into_head_exits_cleanly(tmp_path: Path) -> None:
    lines = "".join(
        json.dumps({"text": f'{i}번: 김 대표는 "좋다"고 말했다.'}, ensure_ascii=False) + "\n" for i in range(200)
    )
    proc = subprocess.run(
        f"{sys.executable} -m quotes extract --jsonl - | head -n 2",
        shell=True,
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(proc.stdout.splitlines()) == 2
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_input_fields_named_like_output_keys_are_kept_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {"text": '김 대표는 "좋다"고 말했다.', "source": "연합", "line": "x", "url": "u"}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["extract", str(src)]) == 0
    (rec,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert (rec["source"], rec["line"], rec["input.source"], rec["input.line"], rec["url"]) == (
        str(src),
        1,
        "연합",
        "x",
        "u",
    )


def test_html_headings_show_the_record_id(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    page = tmp_path / "page.html"
    argv = ["extract", str(src), "--text-field", "body", "--id-field", "id", "--format", "html", "-o", str(page)]
    proc = subprocess.run(
        [sys.executable, "-m", "quotes", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    html = page.read_text(encoding="utf-8")
    assert f"<h2>a ({src}:1)</h2>" in html and f"<h2>c ({src}:3)</h2>" in html
    assert f"<h2>{src}:2: invalid JSON" in html  # no id could be read: where it came from
    assert html.count("<article") == 3 and html.rstrip().endswith("</html>")


def test_html_is_written_one_document_at_a_time() -> None:
    import io

    from quotes._cli_formats import Writer
    from quotes.records import Analysis

    out = io.StringIO()
    writer = Writer(out, "html")
    assert out.getvalue().startswith("<!DOCTYPE html>") and "<article" not in out.getvalue()
    writer.write({"source": "a.txt"}, "날씨가 맑다.", Analysis())
    assert out.getvalue().count("<article") == 1 and "</html>" not in out.getvalue()
    writer.write({"source": "b.jsonl", "line": 2, "error": "invalid JSON"}, None, None)
    assert out.getvalue().count("<article") == 2
    writer.close()
    assert out.getvalue().endswith("</html>\n")
    empty = io.StringIO()
    Writer(empty, "html").close()
    assert "No documents." in empty.getvalue() and empty.getvalue().endswith("</html>\n")
