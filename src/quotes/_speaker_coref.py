"""Speaker coreference: the attributions of a document with their short references resolved.

Contract: :func:`resolve_speakers` takes the speech quotes' attributions (from
:mod:`quotes._speakers`) and returns them with each short reference resolved by
:func:`quotes._coreference.resolve` (the name, the antecedent span and the rule id),
or flagged ``ambiguous`` when several earlier names fit.  Each mention carries the
paragraphs in which its person spoke (the quotes attributed to it, inherited ones
too), so that a pronoun takes the running speaker as well as the last named subject.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ._coreference import PersonMention, resolve
from ._document import Doc
from ._lexicon import Lexicon
from ._speakers import Attribution
from .records import SpeakerKind

__all__ = ["resolve_speakers"]


def resolve_speakers(
    doc: Doc,
    lex: Lexicon,
    title_re: regex.Pattern[str],
    attributions: Sequence[Attribution],
    opens: Sequence[int] = (),
) -> list[Attribution]:
    """The attributions with their short references resolved (see :func:`resolve`).

    Only a quote's own speaker mention is resolved (not one inherited from an earlier quote;
    a topic taken by ``speaker.previous-sentence`` is its own); every quote with it takes the result.
    """
    inherited = ("speaker.previous-quote", "speaker.previous-paragraph")
    own = [a for a in attributions if a.speaker is not None and a.parts is not None and a.rules[-1] not in inherited]
    spoken: dict[tuple[int, int], list[tuple[int, int]]] = {}  # mention -> (quote start, paragraph)
    for a, pos in zip(attributions, opens, strict=False):
        if a.speaker is not None:
            spoken.setdefault(a.speaker, []).append((pos, doc.sentences[doc.sentence_of(pos)].paragraph))
    mentions: list[PersonMention] = []
    seen: set[tuple[int, int]] = set()
    for a in own:
        assert a.speaker is not None and a.parts is not None
        if a.speaker not in seen:
            seen.add(a.speaker)
            para = doc.sentences[doc.sentence_of(a.speaker[0])].paragraph
            spoke = tuple(spoken.get(a.speaker, ()))
            mentions.append(
                PersonMention(start=a.speaker[0], end=a.speaker[1], paragraph=para, parts=a.parts, spoke=spoke)
            )
    mentions.sort(key=lambda m: m.start)
    headline = {a.speaker for a in own if a.rules[0] in ("speaker.headline", "speaker.headline-comma")}
    forward = [(m.start, m.end) in headline for m in mentions]
    resolved = resolve(doc, lex, title_re, mentions, forward)
    results = dict(zip(((m.start, m.end) for m in mentions), resolved, strict=True))
    out: list[Attribution] = []
    for a in attributions:
        res = results.get(a.speaker) if a.speaker is not None else None
        if res is None:
            out.append(a)
            continue
        rules = a.rules if res.rule in a.rules else (*a.rules, res.rule)
        if res.rule == "coref.ambiguous":
            out.append(attrs.evolve(a, ambiguous=True, rules=rules))
        else:
            parts = a.parts
            if res.rule == "coref.given-name" and parts is not None:  # 연서 read as a noun is a person
                parts = attrs.evolve(parts, kind=SpeakerKind.PERSON)
            out.append(
                attrs.evolve(a, parts=parts, resolved_name=res.name, antecedent=(res.start, res.end), rules=rules)
            )
    return out
