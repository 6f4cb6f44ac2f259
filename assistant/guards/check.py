"""The input guard: what every message passes before anything else sees it."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.guards.injection import BlockReason, find_injection
from assistant.guards.personal import personal_data_notice, redact
from assistant.guards.requests import is_emergency, refused_request

BLOCKED_EXPLANATIONS: dict[BlockReason, str] = {
    "empty": "Please type a question about the programme.",
    "too_long": (
        "Your message is {length} characters long; please keep it under {max_chars} "
        "characters, or send it in parts."
    ),
    "injection": "I can't change how I work or the programme's rules.",
    "system_prompt": "I can't share how I'm set up, but I'm happy to answer questions "
                     "about the programme.",
}


@dataclass(frozen=True)
class InputCheck:
    """What the guard made of one message."""

    text: str  # the message with personal data replaced by placeholders
    personal_data: list[str] = field(default_factory=list)
    blocked: BlockReason | None = None
    notice: str = ""  # tells the user what was removed; "" when nothing was
    length: int = 0  # characters in the message as sent, spaces collapsed
    refused: str | None = None  # the rule of `guards.requests` the request breaks, if any
    emergency: bool = False  # someone may be in danger now: point to the emergency services

    @property
    def ok(self) -> bool:
        return self.blocked is None


class InputGuard:
    """Checks a user's message before anything else sees it."""

    def __init__(self, max_chars: int = 4000) -> None:
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise ValueError(
                f"max_chars must be a whole number of characters above 0, got {max_chars!r}"
            )
        self.max_chars = max_chars

    def check(self, message: str) -> InputCheck:
        text, kinds = redact(message)
        notice = personal_data_notice(kinds)
        collapsed = " ".join(message.split())
        blocked: BlockReason | None
        if not collapsed:
            blocked = "empty"
        elif len(collapsed) > self.max_chars:
            blocked = "too_long"
        else:
            blocked = find_injection(message)
        refused = refused_request(text) if blocked is None and collapsed else None
        return InputCheck(text=text, personal_data=kinds, blocked=blocked, notice=notice,
                          length=len(collapsed), refused=refused,
                          emergency=bool(collapsed) and is_emergency(text))

    def explain(self, check: InputCheck) -> str:
        """A sentence for the user on why a message was not answered ("" when it was)."""
        if check.blocked is None:
            return ""
        return BLOCKED_EXPLANATIONS[check.blocked].format(
            length=check.length, max_chars=self.max_chars
        )
