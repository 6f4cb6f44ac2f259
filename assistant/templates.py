"""Every fixed sentence the assistant says in its answers, in one place.

The replies for the routes that need no retrieval (greeting, out of scope, unsafe, referral,
not found, emergency) are generic here; a knowledge folder's `policy/programme.yaml` replaces
any of them with the programme's own words (`replies:`), which may name its hubs, people and
emergency numbers. Each is a `str.format` template: {programme} is the programme's name,
{contact} its contact sentence. (Prompts for a language model are in `assistant.prompts`.)
"""

from __future__ import annotations

from knowledge.programme import Programme

GREETING_REPLY = (
    "Hello! I can answer questions about {programme}: whether your business is eligible and "
    "for which support, how much you could receive, how to apply, and which facility or "
    "expert team can help with your project. Tell me a little about your business or ask a "
    "question to get started."
)
OUT_OF_SCOPE_REPLY = (
    "Sorry, I can only help with questions about {programme}: eligibility, funding and how to "
    "apply, and finding the right facility or expert team for your business. If you have "
    "a question about that, I'm happy to help, or you can contact {contact}."
)
UNSAFE_REPLY = (
    "I can't help with that. I can answer questions about {programme}, check your business's "
    "eligibility from accurate information about it, and point you to the right support. "
    "If you'd like to talk something through, please contact {contact}."
)
REFERRAL_REPLY = (
    "Of course: I can ask an adviser from {programme} to get in touch with you. Would a phone "
    "call or an email suit you better, and when is the best time to reach you? Please don't "
    "type your phone number or email address in this chat; give them through the programme's "
    "enquiry form, or contact {contact} directly."
)
EMERGENCY_REPLY = (
    "If someone is seriously ill or injured, or in danger, contact the emergency services now. "
    "I can only help with questions about {programme}."
)

NOT_FOUND = (
    "I couldn't find this in the programme's guidance, so I won't guess. "
    "Please contact {contact}, who can help."
)
_DEFAULTS = {"greeting": GREETING_REPLY, "out_of_scope": OUT_OF_SCOPE_REPLY,
             "unsafe": UNSAFE_REPLY, "referral": REFERRAL_REPLY, "not_found": NOT_FOUND,
             "emergency": EMERGENCY_REPLY}


def fixed_reply(programme: Programme, name: str) -> str:
    """A fixed reply in the programme's words where its folder gives them, filled in."""
    template = getattr(programme.replies, name, None) or _DEFAULTS[name]
    return template.format(programme=programme.name, contact=programme.contact.sentence())
EMPTY_QUESTION = "Please type a question about the programme."
TOO_LONG = "The message is {length} characters long; please keep it under {limit}."
UNKNOWN_CONVERSATION = "There is no conversation with the id {id!r} (it may have been deleted)."
SOURCES_HEADING = "Sources"

AWARD_LINE = "**What you could receive:**"
MET_LINE = "Met: {labels}."
ANY_SIZE = ("{programme} is open to businesses of any size: the SME test is not one of its "
            "conditions.")
NEXT_QUESTIONS_INTRO = "To complete the check, could you tell me:"
OTHER_PROGRAMMES_HEADING = "**Other support:**"
NOT_MET = "not met: {label}"
OTHERS_CLOSED = "Not open to the business as things stand: {names}"
DECISION = "Eligibility for the {programme}, decided by the programme's rules: {decision}."
NO_PROGRAMMES = (
    "I can't check eligibility here because this knowledge folder has no eligibility policy. "
    "Please contact {contact}."
)

SIGNPOST_INTRO = "These could help with that:"
ACCESS_PREFIX = "How to access it:"
TALK_TO = "To take this further, talk to the **{hub}** team."
NO_SIGNPOSTS = (
    "I couldn't find a facility or expert team for that in the catalogue. "
    "Please contact {contact}, who can look into it."
)
