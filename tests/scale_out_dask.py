"""Extract the quotes of JSONL files with Dask: python scale_out_dask.py OUT_DIR IN.jsonl ..."""

from __future__ import annotations

import json
import sys

import dask.bag as db

from quotes import Config
from quotes.scale import extract_lines, number_lines


def extract_corpus(
    paths: list[str],
    out_dir: str,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    config: Config | None = None,
    npartitions: int | None = None,
) -> list[str]:
    """Write one output JSONL file per partition into out_dir; return their names, in order."""
    # Whole files, so that line numbers are exact; bad UTF-8 becomes an error record.
    lines = db.read_text(paths, blocksize=None, include_path=True, errors="surrogateescape")
    # Partition functions return lists: Dask pickles partitions that move between
    # processes, and a generator cannot be pickled.
    numbered = lines.map_partitions(lambda part: list(number_lines(part)))
    if npartitions is not None:
        numbered = numbered.repartition(npartitions=npartitions)  # spread large files over the workers
    jsonl = numbered.map_partitions(
        lambda part: [
            json.dumps(rec, ensure_ascii=False)
            for rec in extract_lines(part, text_field=text_field, id_field=id_field, config=config)
        ]
    )
    return jsonl.to_textfiles(f"{out_dir}/*.jsonl", name_function="{:05d}".format, encoding="utf-8", last_endline=True)


if __name__ == "__main__":
    from dask.distributed import Client, LocalCluster

    # On a real cluster: with Client("tcp://scheduler:8786"): extract_corpus(...)
    with LocalCluster(n_workers=2, threads_per_worker=1, memory_limit="2GiB") as cluster, Client(cluster):
        for name in extract_corpus(sys.argv[2:], sys.argv[1]):
            print(name)
