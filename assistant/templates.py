"""Every fixed sentence the assistant says, in one place."""

NOT_FOUND = (
    "I couldn't find this in the programme's guidance, so I won't guess. "
    "Please contact {contact}, who can help."
)
EMPTY_QUESTION = "Please type a question about the programme."
SOURCES_HEADING = "Sources"
