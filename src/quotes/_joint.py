"""Joint mentions: two people sharing one title (``조현민·노삼석 사장``).

Contract: :func:`split_joint` finds, in a mention's words, one word that joins
two Korean names with a middle dot and returns the words with the first name in
its place, the second name, and where the second name starts inside that word.
The mention is then the first person's (the name a gold file gives); the
coreference index adds the second as a person of their own with the same
title, so that ``노 사장`` later resolves to 노삼석.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

__all__ = ["split_joint"]

#: Two Hangul names joined by a middle dot (·, ㆍ, ‧, ・).
JOINT = regex.compile(r"^(?P<a>\p{Hangul}{2,4})[\N{MIDDLE DOT}\u318d\u2027\u30fb](?P<b>\p{Hangul}{2,4})$")


def split_joint(words: Sequence[str], is_name: Callable[[str], bool]) -> tuple[list[str], str, int, int] | None:
    """``(words with the first name, second name, index of the joint word, offset of the second name in it)``.

    ``is_name`` says whether a word is a Korean name (:func:`quotes._mentions.is_korean_name`).
    """
    for i, w in enumerate(words):
        m = JOINT.match(w)
        if m is not None and is_name(m.group("a")) and is_name(m.group("b")):
            return [*words[:i], m.group("a"), *words[i + 1 :]], m.group("b"), i, m.start("b")
    return None
