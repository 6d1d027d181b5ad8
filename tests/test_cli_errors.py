"""Issue 13, clear errors: every failure is a one-line message and an exit code, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAYS = '한별시 오가람 시장은 "새 도서관을 열겠다"고 말했다.'


def quotes(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quotes", *args], capture_output=True, text=True, cwd=cwd, check=False)


def gold_doc(**quote: object) -> str:
    start = SAYS.index("새")
    q = {"kind": "direct", "text": "새 도서관을 열겠다", "start": start, "end": start + 10, "speaker": "오가람 시장"}
    q.update(quote)
    return json.dumps({"id": "g1", "text": SAYS, "quotes": [q]}, ensure_ascii=False)


# -- quotes evaluate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "cannot read"),
        ("{oops\n", "g.jsonl:1: not valid JSON"),
        (gold_doc(start=None) + "\n", "quote 1 needs an integer 'start'"),
    ],
    ids=["missing", "malformed", "no start"],
)
def test_bad_gold_files_are_usage_errors(tmp_path: Path, content: str | None, says: str) -> None:
    if content is not None:
        (tmp_path / "g.jsonl").write_text(content, encoding="utf-8")
    proc = quotes("evaluate", "g.jsonl", cwd=tmp_path)
    assert proc.returncode == 2 and says in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("req", ["direct_f1", "direct_f1>0.5", "direct_f1>=x", "nonsense>=1"])
def test_a_bad_require_is_a_usage_error_before_the_run(tmp_path: Path, req: str) -> None:
    (tmp_path / "g.jsonl").write_text(gold_doc() + "\n", encoding="utf-8")
    proc = quotes("evaluate", "g.jsonl", "--require", req, cwd=tmp_path)
    assert proc.returncode == 2 and "--require" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""  # refused before the run: no report


def test_require_holds_and_cue_accuracy_without_cues_is_na(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text(gold_doc() + "\n", encoding="utf-8")
    proc = quotes("evaluate", "g.jsonl", "--require", "direct_r >= 0.5", "--require", "hearsay_f1>=1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "cue accuracy n/a" in proc.stdout


def test_the_help_example_is_quoted() -> None:
    assert "--require 'direct_f1>=0.9'" in quotes("evaluate", "--help").stdout
    for args in (("--help",), ("extract", "--help"), ("evaluate", "--help")):
        assert "130  interrupted" in quotes(*args).stdout


def test_evaluate_into_head_stops_quietly(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text(gold_doc() + "\n", encoding="utf-8")
    proc = subprocess.run(
        f"{sys.executable} -m quotes evaluate g.jsonl --misses --per-document | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert len(proc.stdout.splitlines()) == 1 and "Traceback" not in proc.stderr and "Broken" not in proc.stderr


# -- interrupted and aborted runs ---------------------------------------------------------------------


def _procs(field: int, value: int, *, live: bool = True) -> list[int]:
    """Processes (``live``: not zombies) whose ``/proc/PID/stat`` field ``field`` (after the name) is ``value``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[field]) == value and not (live and fields[0] == "Z"):
                found.append(int(entry.name))
    return found


def _group(pgid: int) -> list[int]:
    """The processes still alive in process group ``pgid``."""
    return _procs(2, pgid)


def _children(pid: int) -> list[int]:
    return _procs(1, pid, live=False)


def _start(tmp_path: Path, *args: str) -> subprocess.Popen[bytes]:
    src = tmp_path / "big.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": f"{i}. {SAYS}"}, ensure_ascii=False) + "\n" for i in range(4000)),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotes", "extract", str(src), "-j", "2", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # unbuffered: readline() below reads no further than the first line
        start_new_session=True,  # its own process group, as a shell job has
    )
    assert proc.stdout is not None
    assert proc.stdout.readline()  # the workers are running
    return proc


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_with_two_workers_exits_130_quietly_and_leaves_no_worker(tmp_path: Path) -> None:
    proc = _start(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
    _, err_bytes = proc.communicate(timeout=120)
    err = err_bytes.decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    deadline = time.monotonic() + 30  # a bound on waiting for exits, not an assertion on time
    while _group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _group(proc.pid) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_a_killed_worker_aborts_with_exit_3_and_names_the_last_record(tmp_path: Path) -> None:
    proc = _start(tmp_path)
    workers = [w for child in _children(proc.pid) for w in _children(child)]  # forkserver's children
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    out_bytes, err_bytes = proc.communicate(timeout=120)
    out, err = out_bytes.decode(), err_bytes.decode()
    assert proc.returncode == 3, err
    assert "a worker process died" in err and "resume after" in err and "Traceback" not in err
    written = 1 + len(out.splitlines())
    assert f"record {written} (" in err
