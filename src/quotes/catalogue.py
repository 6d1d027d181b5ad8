"""Generate the rule catalogue (``docs/reference/rules.md``) from the data files.

Run ``python -m quotes.catalogue > docs/reference/rules.md``; a test checks that
the committed page matches, so the documentation never drifts from the rules.
"""

from __future__ import annotations

import sys
from importlib import resources

from ._lexicon import default_lexicon

__all__ = ["render", "sieve_table"]

HEADER = """# Rule catalogue

Every `Quote` carries `rules`: the ids of the rules that produced it, in the
order they fired (`Speaker.rules` holds the speaker's).  This page lists them
all.  It is generated from the package's data files by
`python -m quotes.catalogue`; do not edit it by hand.  *Decides* says what a
rule decides: speech, not speech, or a story boundary (a rule that never
appears in a record: it keeps the speakers of one article out of the next
when several articles share one text).

"""


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\\n", " / ")


def sieve_table() -> str:
    """The speaker sieve (``quotes._speakers.SIEVE``) as a Markdown table, in order."""
    from ._speakers import SIEVE

    out = ["| # | rule | records | answers with |\n", "| --- | --- | --- | --- |\n"]
    for k, row in enumerate(SIEVE, start=1):
        doc = (row.find.__doc__ or "").strip().split("\n\n")[0]
        summary = " ".join(doc.split())
        ids = ", ".join(f"`{r}`" for r in row.rules)
        out.append(f"| {k} | {row.name} | {ids} | {_cell(summary)} |\n")
    return "".join(out)


def render() -> str:
    """The catalogue as Markdown."""
    out = [
        HEADER,
        "## Pipeline rules\n\n",
        "| id | stage | decides | what it means | example |\n",
        "| --- | --- | --- | --- | --- |\n",
    ]
    text = (resources.files("quotes") / "data" / "rules.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        if not line.strip():
            continue
        rid, stage, polarity, desc, example = line.split("\t")
        out.append(f"| `{rid}` | {stage} | {polarity.replace('_', ' ')} | {_cell(desc)} | {_cell(example)} |\n")
    out.append("\n## Speaker sieve\n\nTried in this order for each chain of quotes until one answers.\n\n")
    out.append(sieve_table())
    lex = default_lexicon()
    tables = [
        ("predicates", "Reporting predicates (`predicates.tsv`)", ("lemma", "category")),
        ("particles", "Endings after the closing mark (`particles.tsv`)", ("form", "kind")),
        ("speech_nouns", "Speech nouns (`speech_nouns.tsv`)", ("noun", "")),
        ("titles", "Titles and roles (`titles.tsv`)", ("title", "kind")),
        ("words", "Word classes (`words.tsv`, `cue_words.tsv`, `mention_words.tsv`)", ("word", "kind")),
    ]
    for table, title, (value, kind) in tables:
        rows = lex.rows[table]
        out.append(f"\n## {title}\n\n{len(rows)} rows.\n\n")
        head = f"| id | {value} |" + (f" {kind} |" if kind else "") + " example |\n"
        out.append(head)
        out.append("| --- | --- |" + (" --- |" if kind else "") + " --- |\n")
        for r in rows:
            out.append(f"| `{r.id}` | {r.value} |" + (f" {r.kind} |" if kind else "") + f" {_cell(r.example)} |\n")
    return "".join(out)


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render())
