"""Every fixed sentence the Slack bot says, in one place (Slack mrkdwn unless noted).

`{programme}` is the programme's name and `{contact}` its contact line, both from the
knowledge folder: nothing here names a programme.
"""

WORKING = ":hourglass_flowing_sand: Working on it…"
WORKING_COMMAND = ":hourglass_flowing_sand: Working on `/{command} {sub}`…"
CONTINUED = "(continued)"

FAILED = ("Sorry, something went wrong while answering that, and I can't give an answer right "
          "now. Please try again in a minute; if it keeps happening, contact {contact}.")
NOT_IN_THREAD = ("This thread's conversation is no longer stored (it may have been erased). "
                 "Mention me in a new message to start again.")
EMPTY_COMMAND = "Add what you want to {what} after `/{command} {sub}`, for example:\n{example}"
UNKNOWN_SUBCOMMAND = "I don't know `/{command} {sub}`. Here is what I can do:"

HELP = (
    "*I answer questions about {programme}* from its guidance and its catalogue of facilities "
    "and expert teams, with sources. Eligibility is decided by the programme's rules, never "
    "guessed.\n\n"
    "• `/{command} ask <question>`: an answer in this channel\n"
    "• `/{command} check <company description>`: each programme's checklist for the company, "
    "what I understood and what is still open (only you see it, until you share it)\n"
    "• `/{command} find <need>`: facilities and expert teams that fit, and why (only you see "
    "it, until you share it)\n"
    "• `/{command} help`: this message\n\n"
    "Mention me in a channel, or message me directly, and I answer in a thread; reply in that "
    "thread to carry on the same conversation (facts you gave earlier still count)."
)
ASK_EXAMPLE = "`/{command} ask Where do I send the application form?`"
CHECK_EXAMPLE = ("`/{command} check Precision engineering firm in Coventry, 45 staff, turnover "
                 "£4m, trading since 2012`")
FIND_EXAMPLE = "`/{command} find a climatic chamber to test a battery pack`"

# answers
OTHER_PROGRAMMES = "*Other support:* {items}"
UNDERSTOOD = "*Understood:* {items}"
UNDERSTOOD_HINT = "Anything misread? Correct it in a reply, e.g. “sorry, 35 staff”."
STILL_OPEN = "*Still to find out:*"
SOURCES = "*Sources*"
DECISIONS = {
    "eligible": ":white_check_mark: eligible",
    "ineligible": ":x: not eligible as things stand",
    "need_more_info": ":grey_question: more information needed",
}
MARKS = {True: ":white_check_mark:", False: ":x:", None: ":grey_question:"}

# buttons (plain text, at most 75 characters)
HELPFUL = "Helpful"
NOT_HELPFUL = "Not helpful"
REFER = "Refer to an adviser"
SHARE = "Share in channel"
CLAIM = "Claim"
SHOW_CONTACT = "Show contact details"
OPEN = "Open"

FEEDBACK_THANKS = {
    "up": ":thumbsup: <@{user}> found this helpful. Thank you!",
    "down": ":thumbsdown: <@{user}> found this not helpful. Thank you: it will be reviewed.",
}
SHARED_BY = "Shared by <@{user}>"

# referrals
REFERRAL_MODAL_TITLE = "Refer to an adviser"  # plain text, at most 24 characters
REFERRAL_MODAL_SUBMIT = "Send referral"
REFERRAL_MODAL_INTRO = (
    "An adviser will contact the business. What was established in this conversation (facts, "
    "verdicts, suggested support) goes with the referral; the messages themselves do not."
)
REFERRAL_NAME = "Contact name"
REFERRAL_EMAIL = "Contact email"
REFERRAL_COMPANY = "Company"
REFERRAL_NOTE = "Note for the adviser (optional)"
REFERRAL_CONSENT = "The business agreed to be contacted by an adviser"
REFERRAL_BAD_EMAIL = "Please give an email address, like name@company.co.uk."
REFERRAL_NO_CONSENT = "A referral needs the business's agreement to be contacted."
REFERRAL_REQUIRED = "Please fill this in."
REFERRAL_SENT = ":incoming_envelope: <@{user}> referred this to an adviser ({company})."
REFERRAL_NO_CONVERSATION = ("There is no conversation to refer yet: ask a question or describe "
                            "the business first.")

REFERRAL_HEADER = "Referral: {company}"  # plain text, at most 150 characters
REFERRAL_FROM = "From the website · {date}"
REFERRAL_NEW = "*New request to talk to an adviser.* Claim it to take it on."
REFERRAL_PRIVACY = ("Contact details go only to whoever claims it. Referral `{id}` · "
                    "{turns} message(s) in the conversation.")
REFERRAL_VERDICTS = "*Eligibility so far*"
REFERRAL_NO_VERDICTS = "_No eligibility check yet._"
REFERRAL_SUPPORT = "*Suggested support*"
REFERRAL_CLAIMED = ":raised_hand: *Claimed by {who}* · {date}"
REFERRAL_ALREADY = "This referral was already claimed by {who} ({date})."
REFERRAL_GONE = "This referral no longer exists (its conversation may have been erased)."
REFERRAL_CONTACT = ("*Contact for referral `{id}`* (shown only to you)\n"
                    "*Name:* {name}\n*Email:* {email}\n*Company:* {company}{note}")
REFERRAL_CONTACT_NOTE = "\n*Note:* {note}"
REFERRAL_CONTACT_OTHERS = "Only the person who claimed it ({who}) sees the contact details."
