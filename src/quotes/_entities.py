"""Entities: who speaks in a document, and which quotes each of them said.

Contract: :func:`attach_entities` takes the finished quotes of one document (in
text order), the lexicon and the offsets at which its stories begin (see
:mod:`quotes._stories`), and returns the quotes with ``Speaker.entity`` set and
the :class:`quotes.Entity` records, whose ``id`` is their position.

Grouping (a speaker joins the first group that fits, else starts one):

* the same resolved name is one entity, across stories too (a full name
  written twice is one person);
* an unnamed short reference joins the entity of its antecedent mention;
* an anonymous anaphor (``이 관계자``: an ``anaphoric_determiner`` row) joins the
  nearest earlier anonymous speaker with the same title *in the same story*;
* a speaker mention met again (two quotes of one ``그는``) joins its entity.

An entity's family and given name are read from its name: a Hangul name of
one word opens with a surname row (``남궁`` for four syllables); a name of
several words puts the family name last (``플뢰르 펠르랭``), or first when the
mention glossed it in hanja (``아이보시 고이치(相星孝一)``: ``mention.hanja-gloss``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import attrs

from ._hanja import read_hanja
from ._lexicon import Lexicon, default_lexicon
from ._mention_words import mention_words, surname_row
from .records import Entity, Mention, Quote, Speaker, SpeakerKind

__all__ = ["attach_entities", "split_name"]

#: The rule of a foreign name glossed in hanja: East Asian order, family name first.
FAMILY_FIRST_RULE = "mention.hanja-gloss"


def split_name(
    name: str | None, kind: SpeakerKind, lex: Lexicon, *, family_first: bool = False
) -> tuple[str | None, str | None]:
    """``(family name, given name)`` of a person's name, or ``(None, None)``.

    >>> from quotes._lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> split_name("이해진", SpeakerKind.PERSON, lex), split_name("플뢰르 펠르랭", SpeakerKind.PERSON, lex)
    (('이', '해진'), ('펠르랭', '플뢰르'))
    >>> split_name("정부", SpeakerKind.ORGANISATION, lex)
    (None, None)
    """
    if not name or kind not in (SpeakerKind.PERSON, SpeakerKind.PRONOUN):
        return None, None
    words = name.split()
    if len(words) > 1:
        if family_first:
            return words[0], " ".join(words[1:])
        return words[-1], " ".join(words[:-1])
    if len(name) < 2:
        return None, None
    row = surname_row(read_hanja(name), lex)  # 李會昌 is read 이회창 for the lookup
    if row is None:
        return None, None
    n = len(row.value)  # the row is the surname itself (남궁 for 남궁민수); hanja read one syllable each
    return name[:n], name[n:] or None


def attach_entities(
    found: Sequence[Quote], lex: Lexicon | None = None, stories: Sequence[int] = (0,)
) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    """The quotes with ``Speaker.entity`` set, and the entities (see the module docs)."""
    lex = lex if lex is not None else default_lexicon()
    starts = sorted(stories) or [0]
    anaphoric = mention_words(lex).anaphoric
    groups: list[dict[str, Any]] = []
    by_name: dict[str, int] = {}
    by_mention: dict[int, int] = {}
    last_anonymous: dict[tuple[int, str | None], int] = {}
    member: list[int | None] = []
    for qi, q in enumerate(found):
        sp = q.speaker
        if sp is None:
            member.append(None)
            continue
        story = starts[max(0, bisect.bisect_right(starts, sp.start) - 1)]
        k: int | None = None
        if sp.name is not None:
            k = by_name.get(sp.name)
        elif sp.antecedent is not None:
            k = by_mention.get(sp.antecedent.start)
        elif sp.kind == SpeakerKind.ANONYMOUS and sp.text.startswith(anaphoric):
            k = last_anonymous.get((story, sp.title))
        if k is None:
            k = by_mention.get(sp.start)
        if k is None:
            k = len(groups)
            groups.append({"name": sp.name, "kind": sp.kind, "mentions": {}, "quotes": [], "speakers": []})
            if sp.name is not None:
                by_name[sp.name] = k
        ent = groups[k]
        for m in (sp.antecedent, Mention(text=sp.text, start=sp.start, end=sp.end)):
            if m is not None:
                ent["mentions"][m.start] = m
                by_mention[m.start] = k
        ent["quotes"].append(qi)
        ent["speakers"].append(sp)
        if sp.kind == SpeakerKind.ANONYMOUS:
            last_anonymous[(story, sp.title)] = k
        member.append(k)
    records = tuple(_entity(k, e, lex) for k, e in enumerate(groups))
    quotes = tuple(
        q if k is None or q.speaker is None else attrs.evolve(q, speaker=attrs.evolve(q.speaker, entity=k))
        for q, k in zip(found, member, strict=True)
    )
    return quotes, records


def _entity(k: int, e: dict[str, Any], lex: Lexicon) -> Entity:
    speakers: list[Speaker] = e["speakers"]
    family_first = any(FAMILY_FIRST_RULE in sp.rules for sp in speakers)
    family, given = split_name(e["name"], e["kind"], lex, family_first=family_first)
    titles = tuple(dict.fromkeys(sp.title for sp in speakers if sp.title))
    organisation = next((sp.affiliation for sp in speakers if sp.affiliation), None)
    return Entity(
        id=k,
        name=e["name"],
        kind=e["kind"],
        family_name=family,
        given_name=given,
        titles=titles,
        organisation=organisation,
        mentions=tuple(e["mentions"][s] for s in sorted(e["mentions"])),
        quotes=tuple(e["quotes"]),
    )
