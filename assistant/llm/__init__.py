"""The language-model option: an OpenAI-compatible client, the output guard that stands between
the model and the user, and the composer that uses both.

- client.py    `ChatClient.complete(messages)`; `LLMError` when the model cannot answer
- guard.py     `OutputGuard.check(answer, passages, decisions)`: only supported sentences, figures
               found in the sources, no instructions
- links.py     links and email addresses: only those the sources contain
- composer.py  `LLMComposer`: the model's words where the guard keeps them, else the extractive
               answer
"""

from assistant.llm.client import ChatClient, ChatMessage, LLMError
from assistant.llm.composer import LLMComposer
from assistant.llm.guard import CheckedSentence, GuardConfig, GuardedAnswer, OutputGuard, Verdict

__all__ = ["ChatClient", "ChatMessage", "CheckedSentence", "GuardConfig", "GuardedAnswer",
           "LLMComposer", "LLMError", "OutputGuard", "Verdict"]
