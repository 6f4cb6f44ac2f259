"""Guards: deterministic checks on what comes in and on what retrieved passages may say.

- check.py      `InputGuard.check(message)`: every message before anything else sees it (length,
                personal data, injection, requests refused, emergencies)
- personal.py   `redact`: email addresses, UK phone, card and National Insurance numbers replaced
- injection.py  `find_injection`: attempts to override the assistant's rules or read its set-up
- requests.py   `refused_request`: help to mislead a funder, others' data, credentials, harm,
                abuse; `is_emergency`: someone in danger now
- passages.py   `is_instruction_to_assistant`: steering sentences inside retrieved documents

All generic English and formats; nothing here names a programme.
"""

from assistant.guards.check import BLOCKED_EXPLANATIONS, InputCheck, InputGuard
from assistant.guards.injection import BlockReason, find_injection
from assistant.guards.passages import is_instruction_to_assistant
from assistant.guards.personal import (
    CARD,
    EMAIL,
    NATIONAL_INSURANCE,
    PERSONAL_DATA_NOTICE,
    PHONE,
    luhn_valid,
    personal_data_notice,
    redact,
)
from assistant.guards.requests import is_emergency, refused_request

__all__ = [
    "BLOCKED_EXPLANATIONS", "CARD", "EMAIL", "NATIONAL_INSURANCE", "PERSONAL_DATA_NOTICE",
    "PHONE", "BlockReason", "InputCheck", "InputGuard", "find_injection",
    "is_emergency", "is_instruction_to_assistant", "luhn_valid", "personal_data_notice",
    "redact", "refused_request",
]
