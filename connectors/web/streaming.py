"""Server-sent events for a turn: the answer's text in pieces (sentences, list items), then
the whole reply object. Every piece is text of the reply's final answer, which has passed the
engine's output guard: nothing is sent that the reply object would not also hold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from assistant.reply import Reply

# A piece ends after a sentence (with its citation markers) and the space after it, or at a
# line break; joining the pieces gives the answer back exactly.
_PIECE = re.compile(r".*?(?:[.!?](?:\s*\[\d+\])*(?:[ \t]+|(?=\n)|$)|\n+|$)", re.S)


def pieces(answer: str) -> Iterator[str]:
    position = 0
    while position < len(answer):
        match = _PIECE.match(answer, position)
        end = match.end() if match and match.end() > position else len(answer)
        yield answer[position:end]
        position = end


def event(name: str, data: object) -> bytes:
    """One SSE event; JSON data on a single line, so no field needs splitting."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"event: {name}\ndata: {payload}\n\n".encode()


def reply_events(reply: Reply) -> Iterator[bytes]:
    for piece in pieces(reply.answer):
        yield event("delta", {"text": piece})
    yield event("reply", reply.model_dump_json())


def comment(text: str) -> bytes:
    """A keep-alive line that clients ignore, so proxies keep a slow answer's stream open."""
    return f": {text}\n\n".encode()
