"""The assistant: one turn in, one reply object out, the same for every channel."""

from __future__ import annotations

import uuid

from assistant import templates
from assistant.composer import ExtractiveComposer
from assistant.errors import InputError
from assistant.reply import Reply
from knowledge.programme import Programme
from knowledge.retrieval import HybridRetriever

MAX_MESSAGE_CHARS = 4000


class Assistant:
    def __init__(self, retriever: HybridRetriever, composer: ExtractiveComposer,
                 programme: Programme, k: int = 5) -> None:
        self._retriever = retriever
        self._composer = composer
        self._programme = programme
        self._k = k

    def ask(self, message: str, conversation_id: str | None = None) -> Reply:
        question = " ".join(message.split())
        if not question:
            raise InputError(templates.EMPTY_QUESTION)
        if len(question) > MAX_MESSAGE_CHARS:
            raise InputError(
                f"The message is {len(question)} characters long; please keep it under "
                f"{MAX_MESSAGE_CHARS}."
            )
        passages = self._retriever.search(question, k=self._k)
        composition = self._composer.compose(question, passages)
        if composition.found:
            answer, grounded = composition.answer, True
        else:
            answer = templates.NOT_FOUND.format(contact=self._programme.contact.sentence())
            grounded = False
        return Reply(
            conversation_id=conversation_id or uuid.uuid4().hex,
            message_id=uuid.uuid4().hex,
            route="programme_question",
            answer=answer,
            citations=composition.citations,
            grounded=grounded,
        )
