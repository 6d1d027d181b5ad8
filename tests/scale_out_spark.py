"""Extract the quotes of a corpus already in Spark: spark-submit scale_out_spark.py IN.jsonl OUT_DIR"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from quotes.scale import extract_lines, extract_records


def rows_to_jsonl(rows: Iterable[Any], text_field: str = "text", id_field: str | None = None) -> Iterator[str]:
    """mapPartitions function for a DataFrame's rows (or plain dicts): JSON lines out."""
    dicts = (row if isinstance(row, dict) else row.asDict(recursive=True) for row in rows)
    for rec in extract_records(dicts, text_field=text_field, id_field=id_field):
        yield json.dumps(rec, ensure_ascii=False)


def lines_to_jsonl(pairs: Iterable[tuple[str, int]], source: str) -> Iterator[str]:
    """mapPartitions function for textFile(source).zipWithIndex(): the CLI's records."""
    numbered = ((source, index + 1, line) for line, index in pairs)
    for rec in extract_lines(numbered):
        yield json.dumps(rec, ensure_ascii=False)


if __name__ == "__main__":
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("quotes").getOrCreate()
    source, out_dir = sys.argv[1], sys.argv[2]
    # Raw lines keep the CLI's records (source, line, error for bad JSON):
    lines = spark.sparkContext.textFile(source).zipWithIndex()
    lines.mapPartitions(lambda part: lines_to_jsonl(part, source)).saveAsTextFile(out_dir + "/from-lines")
    # A DataFrame already in Spark: its rows as dicts (every column, nulls too).
    frame = spark.read.json(source).select("id", "text")
    frame.rdd.mapPartitions(lambda rows: rows_to_jsonl(rows, id_field="id")).saveAsTextFile(out_dir + "/from-rows")
    spark.stop()
