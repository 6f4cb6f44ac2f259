"""Personal data in a message: email addresses, UK phone numbers, payment card numbers and
National Insurance numbers, replaced by a placeholder before anything stores, logs or answers
the message (`redact`), and the sentence that tells the user so.

The patterns are generic UK formats, not anything specific to one programme.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

# The kinds of personal data, as reported to callers and named to the user.
EMAIL = "email"
PHONE = "phone"
CARD = "card"
NATIONAL_INSURANCE = "national insurance number"

_PLACEHOLDERS = {
    EMAIL: "[email removed]",
    PHONE: "[phone number removed]",
    CARD: "[card number removed]",
    NATIONAL_INSURANCE: "[National Insurance number removed]",
}
_NAMES_FOR_USER = {
    EMAIL: "an email address",
    PHONE: "a phone number",
    CARD: "a payment card number",
    NATIONAL_INSURANCE: "a National Insurance number",
}
PERSONAL_DATA_NOTICE = (
    "For your privacy I removed {items} from your message before saving it. "
    "Please don't share personal details in this chat; an adviser will ask for them "
    "securely if they are needed."
)

# --- personal data ---------------------------------------------------------------------------

# The one email address pattern (redaction here, the output guard's contact check)
EMAIL_PATTERN = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)

# UK numbers follow a few fixed groupings. Listing them (rather than "any 10-11 digits with
# spaces") keeps years, SIC code lists, money and dates out: after the area code a UK
# subscriber number never starts with 0, and separators are single spaces or dashes.
_S = r"[ \-]?"
_LOCAL = r"[1-9]"
_NATIONAL_BODY = "|".join([
    rf"7\d{{3}}\)?{_S}\d{{3}}{_S}\d{{3}}",                  # 07700 900 123, 07700900123
    rf"2\d\)?{_S}{_LOCAL}\d{{3}}{_S}\d{{4}}",               # 020 7946 0958
    rf"1\d1\)?{_S}{_LOCAL}\d{{2}}{_S}\d{{4}}",              # 0121 496 0750
    rf"11\d\)?{_S}{_LOCAL}\d{{2}}{_S}\d{{4}}",              # 0114 496 0123
    rf"1\d{{3}}\)?{_S}{_LOCAL}\d{{4,5}}",                   # 01632 960123, 01632 96012
    rf"1\d{{3}}\)?{_S}{_LOCAL}\d{{2}}{_S}\d{{3}}",          # 01632 960 123
    rf"[358]\d{{2}}\)?{_S}{_LOCAL}\d{{2}}{_S}\d{{4}}",      # 0300 123 4567, 0800 123 4567
    rf"8\d{{2}}{_S}{_LOCAL}\d{{5}}",                        # 0800 123456
])
_PHONE_RE = re.compile(
    r"(?<![\w£€$+./-])"
    rf"(?:(?:\+|00)44[ ]?(?:\(0\)[ ]?)?\(?|\(?0)(?:{_NATIONAL_BODY})"
    r"(?![\w/]|[.,]\d)"
)

# Card numbers: contiguous, in fours, or in the 4-6-5 / 4-6-4 grouping; checked with Luhn.
# Issuer ranges start with 2 to 6, which keeps long reference numbers out.
_CARD_RE = re.compile(
    r"(?<![\w.,])(?:"
    r"[2-6]\d{12,18}"
    r"|[2-6]\d{3}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?"
    r"|[2-6]\d{3}([ -])\d{6}\2\d{4,5}"
    r")(?![\w]|[.,]\d)"
)

# National Insurance numbers: two prefix letters (D, F, I, Q, U, V never used; O not second;
# BG, GB, KN, NK, NT, TN, ZZ never allocated), six digits, suffix A to D.
_NINO_RE = re.compile(
    r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ ]?(\d{2})[ ]?(\d{2})[ ]?(\d{2})[ ]?([A-D])\b",
    re.IGNORECASE,
)
_NINO_UNALLOCATED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def luhn_valid(digits: str) -> bool:
    """The payment card check digit test."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _is_card(match: re.Match[str]) -> bool:
    digits = re.sub(r"\D", "", match.group(0))
    return 13 <= len(digits) <= 19 and luhn_valid(digits)


def _is_nino(match: re.Match[str]) -> bool:
    return match.group(1).upper() not in _NINO_UNALLOCATED


def _always(_: re.Match[str]) -> bool:
    return True


# Order matters: cards before phones, so a card is never half-read as a phone number.
_DETECTORS: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], bool]], ...] = (
    (EMAIL, EMAIL_PATTERN, _always),
    (CARD, _CARD_RE, _is_card),
    (NATIONAL_INSURANCE, _NINO_RE, _is_nino),
    (PHONE, _PHONE_RE, _always),
)


def redact(text: str, keep: Collection[str] = ()) -> tuple[str, list[str]]:
    """Replace personal data with a placeholder; return the text and the kinds found.

    `keep` lists strings to leave alone (the programme's own published email and phone
    number, when a reply quoting them is stored).
    """
    found: list[str] = []
    kept = {value.strip().lower() for value in keep if value.strip()}

    for kind, pattern, accept in _DETECTORS:
        def replace(match: re.Match[str], kind: str = kind,
                    accept: Callable[[re.Match[str]], bool] = accept) -> str:
            if match.group(0).lower() in kept or not accept(match):
                return match.group(0)
            if kind not in found:
                found.append(kind)
            return _PLACEHOLDERS[kind]

        text = pattern.sub(replace, text)
    return text, found


def personal_data_notice(kinds: Collection[str]) -> str:
    """One plain sentence telling the user what was removed, or "" when nothing was."""
    names = [_NAMES_FOR_USER[kind] for kind in _PLACEHOLDERS if kind in kinds]
    if not names:
        return ""
    items = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return PERSONAL_DATA_NOTICE.format(items=items)
