"""Every fixed sentence the assistant says in its answers, in one place.

(Prompts for a language model are in `assistant.prompts`; the replies that routing alone
decides are in `assistant.routing`.)
"""

NOT_FOUND = (
    "I couldn't find this in the programme's guidance, so I won't guess. "
    "Please contact {contact}, who can help."
)
EMPTY_QUESTION = "Please type a question about the programme."
TOO_LONG = "The message is {length} characters long; please keep it under {limit}."
UNKNOWN_CONVERSATION = "There is no conversation with the id {id!r} (it may have been deleted)."
SOURCES_HEADING = "Sources"

AWARD_HEADING = "**What you could receive** (worked from the rules):"
NEXT_QUESTIONS_INTRO = "To complete the check, could you tell me:"
OTHER_PROGRAMMES_HEADING = "**Other support:**"
NOT_MET = "not met: {label}"
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
