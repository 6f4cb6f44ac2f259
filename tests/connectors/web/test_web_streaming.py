"""Streaming: the pieces are the answer, in order, and every event is one line of JSON."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from assistant.reply import Reply
from connectors.web.streaming import event, pieces, reply_events


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_the_pieces_join_back_into_the_answer(answer: str) -> None:
    parts = list(pieces(answer))
    assert "".join(parts) == answer
    assert all(parts)


def test_sentences_and_list_items_come_one_at_a_time() -> None:
    answer = "**Verdict: eligible.**\n- Staff: 45 is under 250. [1]\n- Area: Dudley. [2] Next."
    assert list(pieces(answer)) == ["**Verdict: eligible.**\n", "- Staff: 45 is under 250. [1]",
                                    "\n", "- Area: Dudley. [2] ", "Next."]


def test_events_carry_the_reply_last() -> None:
    reply = Reply(conversation_id="c" * 32, message_id="m" * 32, route="greeting",
                  answer="Hello.\nAsk me anything.", grounded=False)
    events = [chunk.decode() for chunk in reply_events(reply)]
    assert all(e.startswith("event: ") and e.endswith("\n\n") and e.count("\n") == 3
               for e in events)
    assert events[-1].startswith("event: reply\n")
    assert Reply.model_validate_json(events[-1].split("data: ", 1)[1]) == reply
    text = "".join(json.loads(e.split("data: ", 1)[1])["text"] for e in events[:-1])
    assert text == reply.answer
    assert event("delta", {"text": "a\nb"}) == b'event: delta\ndata: {"text": "a\\nb"}\n\n'
