"""The language-model composer: answers in the model's words, kept only where the output guard
finds them supported; the extractive answer whenever the model fails or nothing it wrote
survives. The refusal decision is the extractive composer's: when the guidance does not answer
the question, the model is not asked."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from assistant import prompts
from assistant.composer import Composition, ExtractiveComposer, Lead
from assistant.llm.client import ChatClient, ChatMessage, LLMError
from assistant.llm.guard import GuardConfig, OutputGuard
from knowledge.embeddings import Embedder
from knowledge.retrieval import ScoredChunk

log = logging.getLogger(__name__)


class LLMComposer:
    """Answers in the model's words, kept only where the output guard finds them supported;
    the extractive answer whenever the model fails or nothing it wrote survives."""

    def __init__(self, client: ChatClient, fallback: ExtractiveComposer, embedder: Embedder,
                 guard_config: GuardConfig | None = None, max_sentences: int = 6) -> None:
        if max_sentences < 1:
            raise ValueError(f"max_sentences must be at least 1, got {max_sentences!r}")
        self._client = client
        self._fallback = fallback
        self._guard = OutputGuard(embedder, guard_config)
        self._max_sentences = max_sentences

    @property
    def guard(self) -> OutputGuard:
        return self._guard

    def messages(self, question: str, passages: Sequence[ScoredChunk],
                 decisions: Sequence[str] = ()) -> list[ChatMessage]:
        return [
            ChatMessage("system", prompts.answer_system_prompt(self._max_sentences)),
            ChatMessage("user", prompts.answer_user_prompt(question, passages, decisions)),
        ]

    def compose(self, question: str, passages: list[ScoredChunk],
                decisions: Sequence[str] = (), lead: Sequence[Lead] = ()) -> Composition:
        extractive = self._fallback.compose(question, passages, decisions, lead)
        # refused (the guidance does not answer), nothing to ground on, or a direct answer
        # from the policy, which the model could only reword: the extractive answer
        if not extractive.found or not passages or lead:
            return extractive
        try:
            text = self._client.complete(self.messages(question, passages, decisions))
        except LLMError as exc:
            log.warning("using the extractive answer: %s", exc)
            return extractive
        guarded = self._guard.check(text, passages, decisions)
        if guarded.dropped:
            log.info("output guard dropped %d of %d sentences: %s", len(guarded.dropped),
                     len(guarded.sentences),
                     ", ".join(s.verdict.value for s in guarded.dropped))
        if not guarded.kept:
            return extractive
        written = guarded.composition()
        return dataclasses.replace(written, signals=extractive.signals,
                                   refusal_probability=extractive.refusal_probability,
                                   question_kind=extractive.question_kind)
