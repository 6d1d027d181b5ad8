"""A speech noun predicate owned by a relative clause: ``"…" X가 … 한 말이다``.

Contract: :func:`clause_owner` takes a sentence's words and the index of the word
that holds a speech noun predicate (``말이다``, ``첫마디였다``: a ``speech_nouns`` row
and a ``noun_predicate_tail`` row).  When the word right before the noun is an
adnominal verb of saying (``한``, ``남긴``, ``꺼낸``, ``건넨``: a ``predicates.tsv``
lemma or an ``utterance_verb`` row), it returns the span ``(start, end)`` of the
person-like subject nearest before that verb, outside quotes -- the one who said
it (``탈당설이 나온 오 의원이 기자회견에서 한 말이다``: ``오 의원``).  Otherwise
``None``.  ``speaker.clause-noun-predicate`` in the rule catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._phrases import person_like, predicate_of, subject_candidates

__all__ = ["clause_owner", "saying_lemma"]


def saying_lemma(lemma: str, lex: Lexicon) -> bool:
    """A verb of saying: a ``predicates`` row that does not name, or an ``utterance_verb`` row."""
    row = lex.predicates.get(lemma)
    if row is not None and row.kind != "naming":
        return True
    return lex.word_kind(lemma, "utterance_verb") is not None


def _saying_verb(word: Word, lex: Lexicon) -> bool:
    pred = predicate_of(word, lex)
    return pred is not None and pred[1] and saying_lemma(pred[0], lex)


def clause_owner(doc: Doc, sentence: int, words: Sequence[Word], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of the relative clause ``X가 … 한`` before ``words[k]`` (see the module docstring)."""
    if k == 0 or not _saying_verb(words[k - 1], lex):
        return None
    verb = words[k - 1]
    start = doc.sentences[sentence].start
    for c in reversed(subject_candidates(doc, sentence, start, verb.start, lex)):
        if person_like(c, lex):
            return c.start, c.end
    return None
