"""The engine's Markdown as Slack mrkdwn, and Slack's message markup back to plain text.

Slack does not render Markdown: `**bold**` shows its asterisks, `[text](url)` shows brackets,
and `&`, `<` and `>` must be escaped. The Markdown is parsed (markdown-it) rather than
pattern-replaced, so emphasis inside links, nested lists and code are all handled the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_BULLET = "•"
_INDENT = "    "


def escape(text: str) -> str:
    """Text as Slack shows it literally: the three characters Slack treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A Slack link; a label with markup characters is escaped, and `|` cannot end it early."""
    safe_url = url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")
    return f"<{safe_url}|{escape(label).replace('|', '¦')}>" if label else f"<{safe_url}>"


def to_mrkdwn(markdown: str) -> str:
    """Slack mrkdwn for a Markdown text: bold, italics, links, lists, headings, quotes, code.

    Blocks are separated by a blank line, so a long text can be split between blocks.
    """
    renderer = _Renderer()
    renderer.render(_PARSER.parse(markdown))
    return "\n".join(renderer.lines).strip("\n")


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self._lists: list[list[int]] = []  # one [next number] per open list; 0 = bullets
        self._quote = 0
        self._item_start = False
        self._row: list[str] | None = None  # the cells of the table row being read

    def render(self, tokens: Sequence[Token]) -> None:
        heading = False
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
                self._lists.append([start])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self._lists.pop()
                if not self._lists:
                    self._blank()
            elif kind == "list_item_open":
                self._item_start = True
            elif kind == "heading_open":
                heading = True
            elif kind == "heading_close":
                heading = False
                self._blank()
            elif kind == "paragraph_close" and not self._lists:
                self._blank()
            elif kind == "blockquote_open":
                self._quote += 1
            elif kind == "blockquote_close":
                self._quote -= 1
                self._blank()
            elif kind in ("fence", "code_block"):
                self._emit("```\n" + token.content.rstrip("\n") + "\n```")
                self._blank()
            elif kind == "hr":
                self._emit("───")
                self._blank()
            elif kind == "tr_open":
                self._row = []
            elif kind == "tr_close":
                self._emit(" | ".join(self._row or []))
                self._row = None
            elif kind == "table_close":
                self._blank()
            elif kind == "inline":
                text = _inline(token.children or [], bold=heading)
                if heading:
                    text = f"*{text}*" if text.strip() else text
                if self._row is not None:
                    self._row.append(text)
                else:
                    self._emit(text)

    def _emit(self, text: str) -> None:
        prefix = ""
        if self._lists:
            depth = len(self._lists) - 1
            if self._item_start:
                counter = self._lists[-1]
                if counter[0]:
                    marker = f"{counter[0]}."
                    counter[0] += 1
                else:
                    marker = _BULLET
                prefix = _INDENT * depth + marker + " "
                self._item_start = False
            else:
                prefix = _INDENT * depth + "  "
        quote = "> " * self._quote
        for i, line in enumerate(text.split("\n")):
            self.lines.append(quote + (prefix if i == 0 else " " * len(prefix)) + line)

    def _blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


def _inline(children: Sequence[Token], bold: bool = False) -> str:
    """Inline Markdown as mrkdwn. Inside a bold heading, inner bold markers are dropped (Slack
    does not nest them)."""
    out: list[str] = []
    href: str | None = None
    label: list[str] = []
    for child in children:
        kind = child.type
        if href is not None and kind != "link_close":
            label.append(child.content if kind in ("text", "code_inline") else "")
            continue
        if kind == "text":
            out.append(escape(child.content))
        elif kind in ("strong_open", "strong_close"):
            out.append("" if bold else "*")
        elif kind in ("em_open", "em_close"):
            out.append("_")
        elif kind in ("s_open", "s_close"):
            out.append("~")
        elif kind == "code_inline":
            out.append(f"`{child.content}`")
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
            label = []
        elif kind == "link_close":
            text = "".join(label).strip()
            out.append(link(href or "", text if text != href else ""))
            href = None
        elif kind == "image":
            src = str(child.attrGet("src") or "")
            out.append(link(src, child.content or src))
        elif kind in ("html_inline", "html_block"):
            out.append(escape(child.content))
    return "".join(out)


# -- Slack's markup in what users type -----------------------------------------------------

_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_LABELLED = re.compile(r"<(?:https?://|mailto:|tel:)[^|>]*\|([^>]*)>")
_BARE = re.compile(r"<((?:https?://|mailto:|tel:)[^|>]*)>")
_SPECIAL = re.compile(r"<[#!][^|>]*\|([^>]*)>|<[#!]([^|>]*)>")


def plain_text(text: str, bot_user_id: str | None = None) -> str:
    """What a person typed, as the engine should read it: the bot's own mention removed, links
    and mentions as their labels, Slack's escapes undone."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = _USER_MENTION.sub(lambda m: "@" + m.group(1), text)
    text = _LABELLED.sub(lambda m: m.group(1), text)
    text = _BARE.sub(lambda m: m.group(1).removeprefix("mailto:").removeprefix("tel:"), text)
    text = _SPECIAL.sub(lambda m: m.group(1) or m.group(2), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    # lines are kept: owners paste descriptions as "Employees: 35" lines
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def mentions(text: str, user_id: str | None) -> bool:
    return bool(user_id) and f"<@{user_id}" in text
