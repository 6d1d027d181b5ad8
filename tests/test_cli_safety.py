"""Issue 13, data safety: ``quotes extract`` never destroys its input or loses records (run as a user runs it)."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAYS = '한별시 오가람 시장은 "새 도서관을 열겠다"고 말했다.'
PLAIN = "바람이 분다. 오늘은 조용한 하루였다."


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "--no-progress", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def records(out: bytes) -> list[dict[str, object]]:
    """Strict reading: valid UTF-8, strict JSON (no NaN/Infinity), one object per line."""

    def refuse(name: str) -> object:
        raise AssertionError(f"{name} in the output")

    return [json.loads(x, parse_constant=refuse) for x in out.decode("utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_text(line(id="a", text=SAYS) + "\n" + line(id="b", text=PLAIN) + "\n", encoding="utf-8")
    return path


# -- item 1: never write over an input; replace the output only at the end ---------------------


@pytest.mark.parametrize("how", ["same", "hard link", "symlink", "stdin"])
def test_refuses_to_write_over_its_input(corpus: Path, how: str) -> None:
    before = corpus.read_bytes()
    if how == "same":
        proc = run(str(corpus), "-o", str(corpus))
    elif how == "hard link":
        os.link(corpus, corpus.with_name("hard.jsonl"))
        proc = run(str(corpus.with_name("hard.jsonl")), "-o", str(corpus))
    elif how == "symlink":
        corpus.with_name("link.jsonl").symlink_to(corpus)
        proc = run(str(corpus), "-o", str(corpus.with_name("link.jsonl")))
    else:
        with corpus.open("rb") as fh:
            proc = subprocess.run(
                [sys.executable, "-m", "quotes", "extract", "-", "-o", str(corpus)],
                stdin=fh,
                capture_output=True,
                check=False,
            )
    assert proc.returncode == 2, proc.stderr
    assert b"refusing to write over the input" in proc.stderr and b"Traceback" not in proc.stderr
    assert corpus.read_bytes() == before


def test_a_missing_input_leaves_the_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    proc = run(str(tmp_path / "missing.jsonl"), "-o", str(out))
    assert proc.returncode == 2 and b"no input file could be read" in proc.stderr
    assert out.read_text(encoding="utf-8") == "old\n"


def test_a_completed_run_replaces_the_output_and_leaves_no_temporary_file(corpus: Path) -> None:
    out = corpus.with_name("out.jsonl")
    out.write_text("old\n", encoding="utf-8")
    proc = run(str(corpus), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in records(out.read_bytes())] == ["a", "b"]
    assert sorted(p.name for p in corpus.parent.iterdir()) == ["c.jsonl", "out.jsonl"]


def test_killed_mid_run_the_output_is_the_old_file_never_a_partial_one(tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    src.write_text("".join(line(id=i, text=f"{i}번째. {SAYS}") + "\n" for i in range(3000)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quotes", "extract", str(src), "-o", str(out)])
    try:
        deadline = time.monotonic() + 120  # not an assertion: only a bound on the wait for output to start
        while time.monotonic() < deadline and proc.poll() is None:
            temps = [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
            if temps and temps[0].stat().st_size > 0:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert out.read_text(encoding="utf-8") == "old\n"


def test_unwritable_outputs_are_clear_errors_not_tracebacks(corpus: Path) -> None:
    proc = run(str(corpus), "-o", "/no/such/dir/x.jsonl")
    assert proc.returncode == 2 and b"cannot write" in proc.stderr and b"Traceback" not in proc.stderr
    if Path("/dev/full").exists():
        proc = run(str(corpus), "-o", "/dev/full")
        assert proc.returncode == 3 and b"aborted" in proc.stderr and b"Traceback" not in proc.stderr


# -- item 2 and the proof: every bad line is an error record, output strict UTF-8 JSON -----------

BAD_LINES = [
    '{"id": "huge-int", "n": ' + "7" * 4400 + ', "text": "가"}',  # over the int digit limit
    '{"id": "deep", "x": ' + "[" * 5000 + "}",  # RecursionError
    '{"id": "nan", "x": NaN, "text": "가"}',
    '{"id": "inf", "x": -Infinity, "text": "가"}',
    '{"id": "overflow", "x": 1e400, "text": "가"}',
    '{"id": "high", "text": "그는 \\"안\\ud800녕\\"이라고 말했다."}',  # a lone surrogate in the text
    '{"id": "low", "note": "\\udc80", "text": "가"}',  # ... in a carried field
    '{"id": "broken", "text": ',
    "[1, 2, 3]",
    '{"id": "no-text", "body": "가"}',
]


def _hostile(n: int, every: int = 10) -> tuple[bytes, int]:
    """``n`` JSONL lines, one in ``every`` bad (each kind above in turn), some blank; and how many are non-blank."""
    out: list[bytes] = []
    for i in range(n):
        if i % every == 5:
            out.append(BAD_LINES[(i // every) % len(BAD_LINES)].encode("utf-8"))
        elif i % 37 == 0:
            out.append(b"   ")
        elif i % 41 == 0:
            out.append(b'{"id": "bytes", "text": "\xff\xfe"}')  # not UTF-8
        else:
            out.append(line(id=f"d{i}", text=SAYS if i % 2 else PLAIN).encode("utf-8"))
    return b"\n".join(out) + b"\n", sum(1 for x in out if x.strip())


def test_every_bad_line_is_an_error_record_and_one_and_two_workers_agree(tmp_path: Path) -> None:
    data, nonblank = _hostile(300)
    src = tmp_path / "hostile.jsonl"
    src.write_bytes(data)
    one, two = run(str(src), "--id-field", "id", "-j", "1"), run(str(src), "--id-field", "id", "-j", "2")
    assert one.returncode == two.returncode == 1, one.stderr
    assert one.stdout == two.stdout  # byte-identical
    recs = records(one.stdout)
    assert len(recs) == nonblank
    errors = [r for r in recs if "error" in r]
    assert all(set(r) <= {"source", "line", "id", "error"} and "line" in r for r in errors)
    ids = {r.get("id") for r in errors}
    assert {"nan", "inf", "overflow", "no-text"} <= ids  # the lines that parse keep their id
    repaired = {r["id"]: r["repaired"] for r in recs if "repaired" in r}
    assert repaired["high"] == ["text"] and repaired["low"] == ["note"]
    assert b"Traceback" not in one.stderr + two.stderr


def test_a_lone_surrogate_in_a_file_name_is_written_as_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(SAYS, encoding="utf-8")
    proc = run(name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    [rec] = records(proc.stdout)
    assert rec["source"] == "caf\N{REPLACEMENT CHARACTER}.txt" and rec["quotes"]


# -- item 4 and 5: ids ----------------------------------------------------------------------------


def test_id_field_never_overwrites_a_carried_field_and_a_missing_one_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(
        line(id=7, url="u1", text=SAYS) + "\n" + line(id=8, text=SAYS) + "\n" + line(url="u3", body=1) + "\n",
        encoding="utf-8",
    )
    proc = run(str(src), "--id-field", "url")
    assert proc.returncode == 1
    first, second, third = records(proc.stdout)
    assert (first["id"], first["input.id"], first["url"]) == ("u1", 7, "u1")
    assert second == {"source": str(src), "line": 2, "error": "id field 'url' missing"}
    assert third["id"] == "u3" and "not a string" in str(third["error"])  # the error keeps its id


# -- item 6: what counts as JSONL -------------------------------------------------------------------


def test_jsonl_on_stdin_is_found_by_its_content() -> None:
    proc = run(stdin=(line(id="a", text=SAYS) + "\n" + line(id="b", text=PLAIN) + "\n").encode())
    assert proc.returncode == 0
    assert [(r["line"], r["id"]) for r in records(proc.stdout)] == [(1, "a"), (2, "b")]
    proc = run("-", "--plain", stdin=(line(text=SAYS) + "\n").encode())
    [rec] = records(proc.stdout)
    assert "line" not in rec  # --plain: one document


def test_upper_case_names_gzip_a_bom_and_blank_lines(tmp_path: Path) -> None:
    body = ("\ufeff" + line(id="a", text=SAYS) + "\n\n  \n" + line(id="b", text=PLAIN) + "\n").encode()
    (tmp_path / "CORPUS.JSONL").write_bytes(body)
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wb") as fh:
        fh.write(body)
    proc = run("CORPUS.JSONL", "corpus.jsonl.gz", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    got = [(r["source"], r["line"], r["id"]) for r in records(proc.stdout)]
    assert got == [
        ("CORPUS.JSONL", 1, "a"),
        ("CORPUS.JSONL", 4, "b"),  # blank lines give no record but are counted
        ("corpus.jsonl.gz", 1, "a"),
        ("corpus.jsonl.gz", 4, "b"),
    ]
