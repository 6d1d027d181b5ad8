"""The JSON Schema validates real output, rejects corrupted records, and matches its page."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import quotes
from quotes import records
from quotes.cli import main
from quotes.schema import RECORDS, json_schema

jsonschema = pytest.importorskip("jsonschema")

PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "json-schema.md"

TEXTS = [
    # direct, speaker first; a resolved short reference; a pronoun
    '이해진 네이버 GIO는 "함께 가겠다"며 "유럽과 손잡겠다"고 말했다. 이 GIO는 "늦지 않았다"고 덧붙였다.',
    # indirect speech and according-to
    "정부는 수출이 곧 회복될 것이라고 밝혔다. 통계청에 따르면 수출이 석 달째 늘었다.",
    # a quote with no speaker, a scare quote, an unclosed mark
    '"아직 아무것도 정해지지 않았다"\n\n이른바 \'깜깜이 협상\'이 계속됐다. 한 관계자는 "끝까지 가겠다',
    # a bare quote with no speaker named after it
    "\"아무것도 정해지지 않았다\"\n\n이른바 '깜깜이 협상'이 계속됐다.",
    # an anonymous source and a quote-first order
    '"시장이 곧 안정될 것"이라고 한 업계 관계자는 전했다.',
    "",
]


def validator(root: str) -> Any:
    schema = json_schema(root)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def analyses() -> list[quotes.Analysis]:
    return [quotes.analyze(t) for t in TEXTS]


def test_schema_is_valid_draft_2020_12() -> None:
    for root in RECORDS:
        jsonschema.Draft202012Validator.check_schema(json_schema(root))
    with pytest.raises(ValueError, match="unknown record"):
        json_schema("Quotes")


def test_properties_are_the_record_fields() -> None:
    defs = json_schema()["$defs"]
    for name in RECORDS[1:]:
        cls = getattr(records, name)
        fields = [f.name for f in attrs.fields(cls)]
        assert list(defs[name]["properties"]) == fields, name
        assert defs[name]["required"] == fields
        assert defs[name]["additionalProperties"] is False


def test_enums_are_the_kinds() -> None:
    defs = json_schema()["$defs"]
    assert defs["Quote"]["properties"]["kind"]["enum"] == [k.value for k in quotes.QuoteKind]
    assert defs["Quote"]["properties"]["order"]["enum"] == [k.value for k in quotes.Order]
    assert defs["Speaker"]["properties"]["kind"]["enum"] == [k.value for k in quotes.SpeakerKind]
    assert defs["Cue"]["properties"]["kind"]["enum"] == [k.value for k in quotes.CueKind]
    assert defs["Problem"]["properties"]["code"]["enum"] == [k.value for k in quotes.ProblemCode]


def test_real_analyses_validate(analyses: list[quotes.Analysis]) -> None:
    analysis, quote, problem, speaker = (validator(r) for r in ("Analysis", "Quote", "Problem", "Speaker"))
    seen: set[str] = set()
    for a in analyses:
        d = json.loads(json.dumps(a.to_dict(), ensure_ascii=False))  # exactly the JSON form
        analysis.validate(d)
        for q in a.quotes:
            quote.validate(q.to_dict())
            seen.add(q.kind.value)
            if q.speaker is not None:
                speaker.validate(q.speaker.to_dict())
                if q.speaker.antecedent is not None:
                    seen.add("antecedent")
            else:
                seen.add("no speaker")
        for p in a.problems:
            problem.validate(p.to_dict())
            seen.add(p.code.value)
        if a.not_speech:
            seen.add("not speech")
    # the sentences cover what the schema has to allow
    assert {"direct", "indirect", "according_to", "antecedent", "no speaker", "not speech"} <= seen
    assert {"unclosed_mark", "no_speaker"} <= seen


def test_cli_output_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXTS[0], encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"url": "https://example.invalid/1", "text": TEXTS[1], "section": "경제", "n": 3}),
        "{not json",
        json.dumps({"url": "u3", "body": "본문 필드가 다르다"}),
        json.dumps({"url": "u4", "text": TEXTS[2]}, ensure_ascii=False),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["extract", str(article), str(corpus), str(tmp_path / "missing.txt"), "--id-field", "url"])
    assert code == 1  # some records could not be read
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 6
    v = validator("OutputRecord")
    for rec in out:
        v.validate(rec)
    errors = [r for r in out if "error" in r]
    assert len(errors) == 3  # invalid JSON, missing text field, unreadable file
    assert out[1]["id"] == "https://example.invalid/1" and out[1]["section"] == "경제"
    assert out[0]["quotes"] and out[0]["problems"] == []


def test_corrupted_records_fail(analyses: list[quotes.Analysis]) -> None:
    q = analyses[0].quotes[2].to_dict()
    quote, output = validator("Quote"), validator("OutputRecord")
    quote.validate(q)

    def broken(change: Any) -> dict[str, Any]:
        d = copy.deepcopy(q)
        change(d)
        return d

    bad = [
        broken(lambda d: d.update(kind="quotation")),  # not a QuoteKind
        broken(lambda d: d.update(start=-1)),  # negative offset
        broken(lambda d: d.update(start="7")),  # a string offset
        broken(lambda d: d.pop("rules")),  # a missing field
        broken(lambda d: d.update(extra=1)),  # an unknown field
        broken(lambda d: d["speaker"].update(kind="robot")),  # a nested bad enum
        broken(lambda d: d["speaker"]["antecedent"].pop("end")),  # a nested missing field
        broken(lambda d: d.update(cue={"text": "말했다"})),  # an incomplete cue
        broken(lambda d: d.update(open_mark=1.5)),
    ]
    for d in bad:
        with pytest.raises(jsonschema.ValidationError):
            quote.validate(d)
    with pytest.raises(jsonschema.ValidationError):
        output.validate({"quotes": [q], "problems": []})  # no source
    with pytest.raises(jsonschema.ValidationError):
        output.validate({"source": "a.txt", "quotes": [q]})  # no problems
    with pytest.raises(jsonschema.ValidationError):
        output.validate({"source": "a.txt", "line": 0, "error": "invalid JSON"})
    with pytest.raises(jsonschema.ValidationError):
        output.validate({"source": "a.txt", "error": "x", "section": "carried fields only on success"})


def test_page_shows_the_schema() -> None:
    page = PAGE.read_text(encoding="utf-8")
    block = page.split("```json\n", 1)[1].split("\n```", 1)[0]
    assert json.loads(block) == json_schema()
    assert block == json.dumps(json_schema(), indent=2, ensure_ascii=False), "regenerate the block (see the page)"
