"""Words compared outside the lexical index: content words reduced to a rough stem.

Enough to match "tests", "testing" and "tested", "automation" and "automate", or "qualify"
and "qualification" (which the Snowball and Porter stemmers keep apart); words that differ
more than that are left to semantic search. The lexical index stems with FTS5's own Porter
tokenizer.
"""

from __future__ import annotations

import re

from knowledge.stores import STOPWORDS

_WORD = re.compile(r"[a-z0-9]+")


def plain_words(text: str) -> str:
    """The text's words, lower-cased, hyphens as spaces and punctuation dropped, one space
    apart: for finding a phrase by its words ("Sub-Centre" in "which sub centre?")."""
    return " ".join(_WORD.findall(text.lower().replace("-", " ")))


def stems(text: str) -> list[str]:
    """Content words of the text, lower-cased and reduced to a rough stem."""
    words = _WORD.findall(text.lower())
    return [stem(w) for w in words if w not in STOPWORDS and len(w) > 1]


def stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word == "timer":  # "part-timers" are "part-time" staff
        return "time"
    for suffix, replacement in (("ification", "ify"), ("ation", "ate"), ("ment", ""),
                                ("ing", ""), ("ied", "y"), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiousz":
        word = word[:-1]
    return word
