"""Coverage-guided fuzzing of :func:`quotes.analyze` with atheris (run locally).

    pip install -e ".[fuzz]"
    python fuzz/fuzz_extract.py -max_total_time=1800 fuzz/corpus

Each input is decoded three ways (UTF-8 with replacement, UTF-16 with
surrogate passing, and a byte-per-mark alphabet that favours quotation marks,
Hangul and line breaks) and every record is checked against the invariants the
property tests state: nothing raises but the documented errors, every span
slices back to its text, quotes never cross, records round-trip through their
dict form.  A failing input is written by libFuzzer as ``crash-<sha1>``; turn
it into a regression test in ``tests/test_robustness.py``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["quotes"]):
    import quotes
    from quotes import Analysis

# A small alphabet where every byte picks a character that matters to the parser.
ALPHABET = (
    "\"'“”‘’「」『』«»＂＇〈〉《》()[]…. ,\n\r\t\u200b\u00ad&;#"
    "가나다이김씨는은이가고라며말했다밝혔다대표장관관계자그녀정부측에따르면며서\u1100\u1161"
    "ABCxyz019&quot;&#8220;<br>"
)
_EXTRACTOR = quotes.Extractor()


def _texts(data: bytes) -> list[str]:
    a = data.decode("utf-8", "replace")
    b = data[: len(data) // 2 * 2].decode("utf-16-le", "surrogatepass")
    c = "".join(ALPHABET[x % len(ALPHABET)] for x in data)
    return [a, b, c]


def _check(text: str) -> None:
    analysis = _EXTRACTOR.analyze(text)
    previous_end = -1
    for q in analysis.quotes:
        assert text[q.start : q.end] == q.text, (q.start, q.end)
        assert q.start >= previous_end, "quotes cross"
        previous_end = q.end
        for part in (q.speaker, q.cue, q.speaker.antecedent if q.speaker else None):
            if part is not None:
                assert text[part.start : part.end] == part.text
    for n in analysis.not_speech:
        assert text[n.start : n.end] == n.text
    for p in analysis.problems:
        assert 0 <= p.start <= p.end <= len(text)
    assert Analysis.from_dict(analysis.to_dict()) == analysis


def test_one_input(data: bytes) -> None:
    for text in _texts(data):
        _check(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
