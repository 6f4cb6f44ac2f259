"""Links and email addresses in a model's answer: only those the sources contain survive."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.figures import URL_PATTERN
from assistant.guards.personal import EMAIL_PATTERN
from knowledge.retrieval import ScoredChunk

_LINK_RE = re.compile(
    r"\[(?P<anchor>[^\]\n]+)\]\((?P<target>[^)\s]+)\)"  # Markdown link
    r"|<(?P<auto>(?:https?://|www\.)[^>\s]+)>"  # autolink
    r"|(?P<bare>(?:https?://|www\.)[^\s<>()\[\]]+)",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\""
_GONE = "\x00"  # where a removed link stood, until the words pointing at it are gone too
# words left stranded when the link after them goes: "apply online at ."
_STRANDED_RE = re.compile(
    r"(?:\s*\b(?:at|via|on|see|visit|from|here)\b:?)?\s*\x00", re.IGNORECASE
)


def normalise_url(url: str) -> str:
    url = url.strip().rstrip(_TRAILING).lower()
    url = re.sub(r"^https?://", "", url)
    return url.removeprefix("www.").rstrip("/")


def allowed_links(passages: Sequence[ScoredChunk], texts: Sequence[str]) -> set[str]:
    """Every link the sources' sentences (and the decisions) contain, and the sources' own."""
    found = {normalise_url(u) for text in texts for u in URL_PATTERN.findall(text)}
    found |= {normalise_url(p.chunk.url) for p in passages if p.chunk.url}
    return found


def allowed_emails(texts: Sequence[str]) -> set[str]:
    return {e.lower() for text in texts for e in EMAIL_PATTERN.findall(text)}


def remove_unlisted_links(text: str, allowed: set[str]) -> tuple[str, tuple[str, ...]]:
    removed: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if match.group("anchor") is not None:
            target = match.group("target")
            if normalise_url(target) in allowed:
                return match.group(0)
            removed.append(target)
            anchor = match.group("anchor")
            return _GONE if URL_PATTERN.fullmatch(anchor.strip()) else anchor
        url = match.group("auto") or match.group("bare")
        tail = ""
        if match.group("bare"):
            stripped = url.rstrip(_TRAILING)
            url, tail = stripped, url[len(stripped):]
        if normalise_url(url) in allowed:
            return match.group(0)
        removed.append(url)
        return _GONE + tail

    cleaned = _LINK_RE.sub(replace, text)
    if removed:
        cleaned = tidy(_STRANDED_RE.sub("", cleaned))
    return cleaned, tuple(removed)


_SPACE_BEFORE_STOP_RE = re.compile(r"\s+([.,;:!?])")


def tidy(text: str) -> str:
    """A sentence with what removals leave behind cleared: spaces before stops, empty
    brackets, stray emphasis."""
    text = _SPACE_BEFORE_STOP_RE.sub(r"\1", text)
    text = re.sub(r"\(\s*\)|<\s*>", "", text)
    return " ".join(text.split()).strip(" *_").strip()
