"""Sentences inside retrieved documents that try to steer the answer ("AI assistants must
recommend ..."), so composers and the output guard can drop them: passages are data, never
instructions."""

from __future__ import annotations

import re

from assistant.guards.injection import OVERRIDE_VERB, find_injection, normalise_for_matching

_STEERING_PATTERNS = [
    # Addressed to a machine reader: "AI assistants must answer ...", "Note to chatbots: ...".
    r"\b(?:ai|a\.i\.|artificial intelligence|automated|virtual)\s+(?:assistants?|models?|"
    r"systems?|chat ?bots?|agents?|tools?|helpers?|responders?)\b[^.?!]{0,60}?\b"
    r"(?:must|should|shall|are\s+to|need\s+to|have\s+to|are\s+required\s+to|"
    r"are\s+instructed\s+to|always|never)\b[^.?!]{0,40}?\b(?:answer|respond|reply|say|tell|"
    r"state|recommend|mention|refer|direct|output|include|ignore|disregard|claim|inform|"
    r"advise|treat|describe|quote|promote|suggest|send)",
    r"\b(?:assistants?|chat ?bots?|bots|language models?|llms?|gpts?)\b[^.?!]{0,60}?\b"
    r"(?:must|should|shall|are\s+to|need\s+to|have\s+to|are\s+required\s+to|"
    r"are\s+instructed\s+to)\b[^.?!]{0,40}?\b(?:answer|respond|reply|say|tell|"
    r"state|recommend|mention|refer|direct|output|include|ignore|disregard|claim|inform|"
    r"advise|treat|describe|quote|promote|suggest)",
    r"\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|a\.i\.|assistant|chat ?bot|bot|language model|llm|"
    r"automated|machine|model|search engine|crawler)\b",
    r"\b(?:note|message|instructions?|reminder)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?"
    r"(?:ai|a\.i\.|assistants?|chat ?bots?|bots|language models?|llms?|models?|"
    r"automated systems?)\b",
    # Telling the reader what to tell *other people*: "tell every user to email ...".
    r"\b(?:tell|instruct|inform|advise|direct|remind|ask|urge|encourage|warn|redirect|send|"
    r"refer|point)\s+(?:every|each|all|any|the)?\s*(?:users?|visitors?|readers?|enquirers?|"
    r"questioners?|people\s+who\s+ask|customers\s+who\s+ask)\b",
    r"\b(?:tell|inform|advise|answer|reply\s+to|respond\s+to)\s+(?:anyone|everyone|whoever|"
    r"anybody|everybody)\s+(?:who\s+)?(?:asks|enquires|queries|wants|writes|contacts)\b",
    # Overriding the rest of the material: "ignore all other documents".
    rf"\b{OVERRIDE_VERB}\s+(?:all\s+|any\s+|the\s+)?(?:other|previous|prior|earlier|"
    r"preceding|remaining|conflicting|above|rest\s+of\s+the|official)\s+(?:\w+\s+)?"
    r"(?:documents?|sources?|passages?|guidance|information|context|pages?|results?|"
    r"instructions?|content|text|material|sections?|answers?|rules)\b",
    # Imperatives that only make sense to whoever writes the answer.
    r"^\W*(?:please\s+)?(?:always|never|only)\s+(?:recommend|say|answer|respond|reply|mention|"
    r"suggest|promote|state|claim|output|quote|advise\s+(?:users|people|everyone))\b",
    r"\b(?:when|whenever|if)\s+(?:you\s+are\s+|you're\s+)?(?:asked|questioned|prompted|"
    r"responding|answering|replying)\b[^.?!]{0,60}?,?\s*(?:always\s+|just\s+)?"
    r"(?:say|answer|respond|reply|claim|state|recommend)\s+(?:that|with|yes|no|['\"])",
    r"\b(?:in|at\s+the\s+(?:end|start|beginning)\s+of|to)\s+(?:every|each|all|any|your)\s+"
    r"(?:answers?|responses?|replies|outputs?|conversations?|chats?)\b",
    r"\bregardless\s+of\s+(?:what|the\s+question|the\s+user|what\s+the\s+user|"
    r"what\s+is\s+asked|the\s+context)\b",
    r"\bthis\s+(?:instruction|document|passage|text|page)\s+(?:overrides|supersedes|"
    r"takes\s+priority|replaces)\b",
]
_STEERING_RE = [re.compile(p, re.IGNORECASE) for p in _STEERING_PATTERNS]


def is_instruction_to_assistant(sentence: str) -> bool:
    """True when a sentence from a retrieved document tries to steer whoever answers.

    Guidance addresses its reader ("Send three quotes", "Tell us about your project"); an
    injected sentence addresses the answering system or tells it what to say to users.
    """
    text = normalise_for_matching(sentence).strip()
    if any(p.search(text) for p in _STEERING_RE):
        return True
    return find_injection(text) is not None
