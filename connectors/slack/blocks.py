"""Block Kit messages built from the engine's reply object, within Slack's limits.

An answer is rendered from the reply's structured fields: the answer text (converted to
mrkdwn), the eligibility checklist, the facts understood, the questions still open, signposts,
and sources; then the buttons. A message holds at most 50 blocks and a section at most 3,000
characters, so a long answer becomes several sections, and if need be several messages, with
the buttons on the last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from assistant.conversations import Referral
from assistant.reply import Citation, EligibilityResult, Reply, Signpost
from connectors.slack import texts
from connectors.slack.mrkdwn import escape, link, to_mrkdwn

Block = dict[str, Any]

# Slack's limits (Block Kit reference)
SECTION_TEXT_MAX = 3000
BLOCKS_MAX = 50
CONTEXT_ELEMENTS_MAX = 10
CONTEXT_TEXT_MAX = 3000
HEADER_TEXT_MAX = 150
BUTTON_TEXT_MAX = 75
FALLBACK_TEXT_MAX = 3000  # the notification text; Slack truncates far longer ones

# action and block ids the listeners match on
FEEDBACK_UP = "ssr_feedback_up"
FEEDBACK_DOWN = "ssr_feedback_down"
REFER = "ssr_refer"
SHARE = "ssr_share"
CLAIM = "ssr_claim"
SHOW_CONTACT = "ssr_referral_contact"
OPEN_LINK = "ssr_open"  # a link button: Slack still sends the click, which is acknowledged
ACTIONS_BLOCK = "ssr_actions"
FEEDBACK_DONE_BLOCK = "ssr_feedback_done"
REFERRAL_MODAL = "ssr_referral"


@dataclass
class SlackMessage:
    text: str  # the fallback, shown in notifications
    blocks: list[Block] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


# -- small builders ------------------------------------------------------------------------

def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(*items: str) -> Block:
    return {"type": "context",
            "elements": [{"type": "mrkdwn", "text": _clip(item, CONTEXT_TEXT_MAX)}
                         for item in items[:CONTEXT_ELEMENTS_MAX]]}


def header(text: str) -> Block:
    return {"type": "header",
            "text": {"type": "plain_text", "text": _clip(text, HEADER_TEXT_MAX), "emoji": True}}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element: Block = {"type": "button", "action_id": action_id, "value": value,
                      "text": {"type": "plain_text", "text": _clip(text, BUTTON_TEXT_MAX),
                               "emoji": True}}
    if style:
        element["style"] = style
    return element


def sections(text: str) -> list[Block]:
    """Section blocks for a mrkdwn text, split between paragraphs, then lines, then words, so
    that none is over Slack's limit."""
    return [section(piece) for piece in split_text(text, SECTION_TEXT_MAX)]


def split_text(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for paragraph in _units(text.strip(), limit):
        joined = f"{current}\n\n{paragraph}" if current else paragraph
        if len(joined) <= limit:
            current = joined
            continue
        if current:
            pieces.append(current)
        current = paragraph
    if current:
        pieces.append(current)
    return pieces


def _units(text: str, limit: int) -> list[str]:
    """Paragraphs no longer than `limit`: a longer one is cut between lines, a longer line
    between words, and a longer word anywhere."""
    units: list[str] = []
    for paragraph in re.split(r"\n{2,}", text):
        if len(paragraph) <= limit:
            units.append(paragraph)
            continue
        lines: list[str] = []
        for line in paragraph.split("\n"):
            lines.extend(_cut_line(line, limit))
        current = ""
        for line in lines:
            joined = f"{current}\n{line}" if current else line
            if len(joined) > limit:
                units.append(current)
                current = line
            else:
                current = joined
        if current:
            units.append(current)
    return [unit for unit in units if unit.strip()]


def _cut_line(line: str, limit: int) -> list[str]:
    out: list[str] = []
    while len(line) > limit:
        cut = line.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else limit
        out.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    out.append(line)
    return out


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def fallback(markdown: str) -> str:
    """The notification text for an answer: its first paragraph, as plain as mrkdwn gets."""
    first = to_mrkdwn(markdown).split("\n\n", 1)[0]
    return _clip(first, FALLBACK_TEXT_MAX) or "…"


# -- answers -------------------------------------------------------------------------------

def answer_messages(reply: Reply, *, all_programmes: bool = False, shareable: bool = False,
                    feedback: bool = True) -> list[SlackMessage]:
    """The reply as one or more messages (more only when it exceeds 50 blocks).

    `all_programmes` shows every programme's checklist (for `/ssr check`); otherwise the
    programme the reply leads with gets its checklist and the others a line. `shareable` adds a
    button that posts an only-visible-to-you reply to the channel.
    """
    blocks = sections(to_mrkdwn(reply.answer))
    blocks += eligibility_blocks(reply, all_programmes=all_programmes)
    blocks += understood_blocks(reply)
    blocks += open_question_blocks(reply)
    blocks += [signpost_block(s) for s in reply.signposts]
    blocks += source_blocks(reply.citations)
    actions = action_block(reply, shareable=shareable, feedback=feedback)
    return paginate(blocks, actions, fallback(reply.answer))


def eligibility_blocks(reply: Reply, *, all_programmes: bool) -> list[Block]:
    if not reply.eligibility:
        return []
    shown = reply.eligibility if all_programmes else reply.eligibility[:1]
    blocks: list[Block] = []
    for i, result in enumerate(shown):
        # the answer text is about the programme the reply leads with
        if i > 0 or not _said_in(result, reply.answer):
            blocks += sections(checklist(result, reply.citations))
    others = [] if all_programmes else reply.eligibility[1:]
    if others:
        items = "; ".join(f"{escape(r.programme)}: {texts.DECISIONS[r.decision]}"
                          for r in sorted(others, key=lambda r: _DECISION_ORDER[r.decision]))
        blocks.append(context(texts.OTHER_PROGRAMMES.format(items=items)))
    return blocks


_DECISION_ORDER = {"eligible": 0, "need_more_info": 1, "ineligible": 2}


def _said_in(result: EligibilityResult, answer: str) -> bool:
    """Whether the answer text already goes through this checklist, criterion by criterion
    (an engine that writes the checklist into its answer, leaving out a criterion or two): it
    is not shown twice."""
    explained = [c.explanation for c in result.criteria if c.explanation]
    said = sum(text in answer for text in explained)
    return bool(explained) and said * 2 > len(explained)


def checklist(result: EligibilityResult, citations: list[Citation]) -> str:
    lines = [f"*{escape(result.programme)}*: {texts.DECISIONS[result.decision]}"]
    for criterion in result.criteria:
        ref = _reference(criterion.citation, citations)
        lines.append(f"{texts.MARKS[criterion.met]} {escape(criterion.explanation)}{ref}")
    return "\n".join(lines)


def _reference(citation: Citation | None, citations: list[Citation]) -> str:
    """A criterion's citation as the reply numbers it, or its locator when not numbered."""
    if citation is None:
        return ""
    for numbered in citations:
        if (numbered.source, numbered.locator) == (citation.source, citation.locator):
            return f" [{numbered.n}]"
    where = citation.locator or citation.title
    return f" ({escape(where)})" if where else ""


def understood_blocks(reply: Reply) -> list[Block]:
    if not reply.understood:
        return []
    items = []
    for fact in reply.understood:
        words = fact.text.strip()
        said = f" (“{escape(_clip(words, 80))}”)" if words and words != fact.value else ""
        items.append(f"{escape(fact.value)}{said}")
    return [context(texts.UNDERSTOOD.format(items=" · ".join(items)), texts.UNDERSTOOD_HINT)]


def open_question_blocks(reply: Reply) -> list[Block]:
    """The questions still open, unless the answer text already asks them."""
    questions = [q for q in reply.follow_up if q not in reply.answer]
    if not questions:
        return []
    return sections("\n".join([texts.STILL_OPEN, *(f"• {escape(q)}" for q in questions)]))


def signpost_block(signpost: Signpost) -> Block:
    """A card for a facility or team: its name, who runs it and where, and a link to it. Why it
    fits is in the answer's text, so it is not repeated here."""
    where = " · ".join(escape(part) for part in (signpost.partner, signpost.location) if part)
    text = f"*{escape(signpost.name)}*" + (f"\n{where}" if where else "")
    block = section(_clip(text, SECTION_TEXT_MAX))
    if signpost.url:
        block["accessory"] = {"type": "button", "action_id": f"{OPEN_LINK}:{signpost.name[:200]}",
                              "url": signpost.url,
                              "text": {"type": "plain_text", "text": texts.OPEN}}
    return block


def source_blocks(citations: list[Citation]) -> list[Block]:
    if not citations:
        return []
    items = [texts.SOURCES, *(_source(c) for c in citations)]
    return [context(*items[i:i + CONTEXT_ELEMENTS_MAX])
            for i in range(0, len(items), CONTEXT_ELEMENTS_MAX)]


def _source(citation: Citation) -> str:
    title = link(citation.url, citation.title) if citation.url else escape(citation.title)
    where = f", {escape(citation.locator)}" if citation.locator else ""
    path = "" if citation.url else f" · `{escape(citation.source)}`"
    return f"[{citation.n}] {title}{where}{path}"


def action_block(reply: Reply, *, shareable: bool, feedback: bool = True) -> Block | None:
    answer = answer_key(reply)
    elements = []
    if feedback:
        elements += [button(texts.HELPFUL, FEEDBACK_UP, answer),
                     button(texts.NOT_HELPFUL, FEEDBACK_DOWN, answer)]
    elements.append(button(texts.REFER, REFER, reply.conversation_id))
    if shareable:
        elements.append(button(texts.SHARE, SHARE, answer, style="primary"))
    return {"type": "actions", "block_id": ACTIONS_BLOCK, "elements": elements}


def answer_key(reply: Reply) -> str:
    """What an answer's buttons carry: its conversation and message ids."""
    return f"{reply.conversation_id}:{reply.message_id}"


def parse_answer_key(value: str) -> tuple[str, str]:
    conversation_id, _, message_id = value.partition(":")
    return conversation_id, message_id


def paginate(blocks: list[Block], last: Block | None, text: str) -> list[SlackMessage]:
    """Messages of at most 50 blocks each, `last` (the buttons) at the end of the last."""
    room = BLOCKS_MAX - (1 if last else 0)
    pages = [blocks[i:i + BLOCKS_MAX] for i in range(0, len(blocks), BLOCKS_MAX)] or [[]]
    if len(pages[-1]) > room:
        pages.append([])
    if last:
        pages[-1].append(last)
    return [SlackMessage(text=text if i == 0 else texts.CONTINUED, blocks=page)
            for i, page in enumerate(pages)]


def acknowledge_feedback(blocks: list[Block], rating: str, user_id: str) -> list[Block]:
    """The answer's blocks with the rating buttons replaced by a thank-you; the other buttons
    stay."""
    updated: list[Block] = []
    for block in blocks:
        if block.get("block_id") == FEEDBACK_DONE_BLOCK:
            continue
        if block.get("type") == "actions" and block.get("block_id") == ACTIONS_BLOCK:
            updated.append({"type": "context", "block_id": FEEDBACK_DONE_BLOCK,
                            "elements": [{"type": "mrkdwn", "text": texts.FEEDBACK_THANKS[
                                rating].format(user=user_id)}]})
            rest = [e for e in block.get("elements", [])
                    if e.get("action_id") not in (FEEDBACK_UP, FEEDBACK_DOWN)]
            if rest:
                updated.append({**block, "elements": rest})
            continue
        updated.append(block)
    return updated


def without_actions(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.get("type") != "actions"]


# -- fixed messages ------------------------------------------------------------------------

def text_message(text: str) -> SlackMessage:
    return SlackMessage(text=_clip(text, FALLBACK_TEXT_MAX), blocks=sections(text))


def help_message(programme: str, command: str, lead: str = "") -> SlackMessage:
    body = texts.HELP.format(programme=escape(programme), command=command)
    return text_message(f"{lead}\n\n{body}" if lead else body)


# -- referrals -----------------------------------------------------------------------------

def referral_card(referral: Referral) -> SlackMessage:
    """The card posted to the referral channel: what the conversation established, and a
    Claim button; once claimed, who has it instead of the button. No contact details."""
    company = referral.contact.company
    summary = referral.summary
    blocks: list[Block] = [
        header(texts.REFERRAL_HEADER.format(company=company)),
        context(texts.REFERRAL_FROM.format(date=slack_date(referral.created_at))),
    ]
    if referral.claimed_by is None:
        blocks.append(section(texts.REFERRAL_NEW))
    verdicts = [f"• {escape(v.programme)}: {texts.DECISIONS.get(v.decision, v.decision)}"
                + (f" (still to confirm: {escape(', '.join(_words(f) for f in v.missing_facts))})"
                   if v.missing_facts else "")
                for v in summary.verdicts]
    blocks += sections("\n".join([texts.REFERRAL_VERDICTS,
                                  *(verdicts or [texts.REFERRAL_NO_VERDICTS])]))
    if summary.understood:
        items = " · ".join(escape(u.value) for u in summary.understood)
        blocks.append(context(texts.UNDERSTOOD.format(items=items)))
    if summary.signposts:
        lines = [f"• {escape(s.name)}" + (f" ({escape(s.partner)})" if s.partner else "")
                 for s in summary.signposts]
        blocks += sections("\n".join([texts.REFERRAL_SUPPORT, *lines]))
    if referral.claimed_by is None:
        blocks.append({"type": "actions", "block_id": ACTIONS_BLOCK, "elements": [
            button(texts.CLAIM, CLAIM, referral.id, style="primary")]})
    else:
        when = slack_date(referral.claimed_at) if referral.claimed_at else ""
        blocks.append(section(texts.REFERRAL_CLAIMED.format(
            who=claimant_mention(referral.claimed_by), date=when)))
        blocks.append({"type": "actions", "block_id": ACTIONS_BLOCK, "elements": [
            button(texts.SHOW_CONTACT, SHOW_CONTACT, referral.id)]})
    blocks.append(context(texts.REFERRAL_PRIVACY.format(id=referral.id, turns=summary.turns)))
    text = texts.REFERRAL_HEADER.format(company=company)
    if referral.claimed_by:
        text += f" (claimed by {referral.claimed_by})"
    return SlackMessage(text=_clip(text, FALLBACK_TEXT_MAX), blocks=blocks)


def _words(name: str) -> str:
    return name.replace("_", " ")


def referral_contact(referral: Referral) -> SlackMessage:
    contact = referral.contact
    note = texts.REFERRAL_CONTACT_NOTE.format(note=escape(contact.note)) if contact.note else ""
    return text_message(texts.REFERRAL_CONTACT.format(
        id=referral.id, name=escape(contact.name), email=escape(contact.email),
        company=escape(contact.company), note=note))


def claimant(user_id: str, name: str) -> str:
    """How a claim is recorded: the person's Slack name and id, readable on the website too."""
    return f"{name} (Slack {user_id})" if name else f"Slack {user_id}"


_CLAIMANT = re.compile(r"\(Slack ([UW][A-Z0-9]+)\)$|^Slack ([UW][A-Z0-9]+)$")


def claimant_user_id(claimed_by: str) -> str | None:
    """The Slack user behind a recorded claim, if it was made in Slack."""
    found = _CLAIMANT.search(claimed_by)
    return (found.group(1) or found.group(2)) if found else None


def claimant_mention(claimed_by: str) -> str:
    """A recorded claimant as Slack shows a person: a mention when the claim came from Slack."""
    user_id = claimant_user_id(claimed_by)
    return f"<@{user_id}>" if user_id else escape(claimed_by)


def slack_date(moment: datetime) -> str:
    """A time that each reader's Slack shows in their own time zone (UTC as the fallback)."""
    return (f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} at {{time}}|"
            f"{moment:%Y-%m-%d %H:%M} UTC>")


def referral_modal(conversation_id: str, channel: str, thread_ts: str) -> Block:
    """The form behind "Refer to an adviser": the contact, and the business's consent."""
    def field_input(block_id: str, label: str, optional: bool = False,
                    multiline: bool = False) -> Block:
        return {"type": "input", "block_id": block_id, "optional": optional,
                "label": {"type": "plain_text", "text": label},
                "element": {"type": "plain_text_input", "action_id": "value",
                            "multiline": multiline, "max_length": 2000 if multiline else 200}}

    return {
        "type": "modal",
        "callback_id": REFERRAL_MODAL,
        "private_metadata": f"{conversation_id}|{channel}|{thread_ts}",
        "title": {"type": "plain_text", "text": texts.REFERRAL_MODAL_TITLE},
        "submit": {"type": "plain_text", "text": texts.REFERRAL_MODAL_SUBMIT},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            section(texts.REFERRAL_MODAL_INTRO),
            field_input("company", texts.REFERRAL_COMPANY),
            field_input("name", texts.REFERRAL_NAME),
            field_input("email", texts.REFERRAL_EMAIL),
            field_input("note", texts.REFERRAL_NOTE, optional=True, multiline=True),
            {"type": "input", "block_id": "consent",
             "label": {"type": "plain_text", "text": "Consent"},
             "element": {"type": "checkboxes", "action_id": "value", "options": [
                 {"text": {"type": "plain_text", "text": texts.REFERRAL_CONSENT},
                  "value": "yes"}]}},
        ],
    }
