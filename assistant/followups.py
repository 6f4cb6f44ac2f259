"""A follow-up that is only a fragment ("And for a larger firm?", "What about a sub-centre?")
restated as the question it continues, with the thing it asks about put in place of the like
thing before: "What does it pay a small business?" then "And for a larger firm?" is
"What does it pay a larger firm?".

The words replaced are those of the earlier question most like the fragment's own, by the
embedder: a size for a size, a programme for a programme. A fragment with nothing alike to
replace is left as it is (the engine then searches it with the earlier question beside it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

# "and for a larger firm?", "what about a sub-centre?", "how about Walsall?", "or a voucher?"
_OPENER = re.compile(
    r"^\W*(?:and|or|but|also|so|ok|okay)?\s*(?:what|how)?\s*(?:about|if)?\s*(?:for|in|with|at)?"
    r"\s*(?:(?:a|an|the|our|my|we're|we\s+are|it's|it\s+is|it\s+was)\s+)?", re.IGNORECASE)
_STOP = frozenset(
    "a an the of for to in on at by with and or is are was were be do does did can could would "
    "should will what which who how when where why much many my our your their its it this that "
    "these those i we you they me us them there what's who's how's where's when's it's that's "
    "there's i'm we're".split())
_INSIDE_A_NAME = frozenset({"of", "and", "&"})  # "Institute of ...", "Food and Drink"
_WORD = re.compile(r"[\w£€%.'-]+")
_MAX_FRAGMENT_WORDS = 6
_SUPERLATIVE = re.compile(
    r"(?!(?:inter|r|t|requ|for|ch|gu|harv|prot|cont|w|n|v|qu|dig|inv|sugg|be)est\b)[a-z]+est|"
    r"best|most|least|maximum|minimum|max|min|top|bottom", re.IGNORECASE)
_MAX_SPAN = 4  # longest run of the earlier question's words that may be replaced
_LIKENESS = 0.38  # the least cosine at which the earlier words stand for the same kind of thing
_WHOLE_PHRASE = 0.06  # a longer phrase holding the best words is taken when this close to it


def fragment(text: str) -> str | None:
    """The thing a fragment asks about ("larger firm" in "And for a larger firm?"), or
    None when the message is a question of its own."""
    stripped = text.strip().rstrip("?!. ")
    if not stripped or len(stripped.split()) > _MAX_FRAGMENT_WORDS:
        return None
    opener = _OPENER.match(stripped)
    if opener is None or not opener.group(0).strip():
        return None
    rest = stripped[opener.end():].strip()
    words = _WORD.findall(rest)
    if not words or all(w.lower() in _STOP for w in words) or \
            words[0].lower() in {"is", "are", "does", "do", "can", "could", "would", "will"}:
        return None
    return rest


def restate(previous: str, text: str,
            embed: Callable[[Sequence[str]], np.ndarray]) -> str | None:
    """The earlier question with the fragment's subject in place of the like words, or None
    when the message is no fragment or nothing in the earlier question is like it."""
    subject = fragment(text)
    if subject is None:
        return None
    tokens = list(_WORD.finditer(previous))
    # a superlative stands for a superlative ("the largest ...?" then "and the lowest?"),
    # which the embedder sees as opposites rather than alike
    if _SUPERLATIVE.fullmatch(subject) and \
            (extreme := next((t for t in tokens if _SUPERLATIVE.fullmatch(t.group())), None)):
        return f"{previous[:extreme.start()]}{subject}{previous[extreme.end():]}"
    spans: list[tuple[int, int]] = []
    for i in range(len(tokens)):
        for j in range(i, min(i + _MAX_SPAN, len(tokens))):
            words = [t.group().lower() for t in tokens[i:j + 1]]
            if words[0] in _STOP or words[-1] in _STOP or \
                    any(w in _STOP and w not in _INSIDE_A_NAME for w in words):
                continue
            spans.append((tokens[i].start(), tokens[j].end()))
    if not spans:
        return None
    vectors = embed([subject, *(previous[a:b] for a, b in spans)])
    likeness = vectors[1:] @ vectors[0]
    best = int(np.argmax(likeness))
    if float(likeness[best]) < _LIKENESS:
        return None
    a, b = spans[best]
    # "small business" rather than "small" alone, when the whole phrase is nearly as alike
    wider = [i for i, (c, d) in enumerate(spans) if c <= a and b <= d and (c, d) != (a, b)
             and float(likeness[i]) >= float(likeness[best]) - _WHOLE_PHRASE]
    if wider:
        a, b = spans[max(wider, key=lambda i: spans[i][1] - spans[i][0])]
    # the words before a noun describe it: "micro business", "Valley Growth Centre"
    before = [t for t in tokens if t.end() <= a]
    while before and before[-1].group().lower() not in _STOP and \
            not previous[before[-1].end():a].strip():
        a = before.pop().start()
    if previous[a:b].lower() == subject.lower():
        return None
    return f"{previous[:a]}{subject}{previous[b:]}"
