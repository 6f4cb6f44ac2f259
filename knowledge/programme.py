"""The programme a knowledge folder describes: its name, how to reach a person, the words users
call its offers by, and the fixed replies that name its people and places.

Read from `policy/programme.yaml` in the knowledge folder; a folder without one still works,
with a generic contact line and the assistant's generic replies.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from knowledge.errors import KnowledgeFolderError


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    team: str = "the programme team"
    email: str = ""
    phone: str = ""
    hours: str = ""
    url: str = ""

    def sentence(self) -> str:
        """The team and how to reach it, as one phrase."""
        ways = [self.email] if self.email else []
        if self.phone:
            ways.append(f"{self.phone} ({self.hours})" if self.hours else self.phone)
        return f"{self.team} ({', '.join(ways)})" if ways else self.team


_PLACEHOLDERS = {"programme": "the programme", "contact": "the team"}


class Replies(BaseModel):
    """Fixed replies in the programme's own words; one left out uses the assistant's generic
    reply. Each is a `str.format` template: `{programme}` is the programme's name, `{contact}`
    its contact sentence."""

    model_config = ConfigDict(extra="forbid")

    greeting: str | None = None  # hello, and what the assistant can help with
    out_of_scope: str | None = None  # a message about something else
    unsafe: str | None = None  # a request the assistant refuses
    referral: str | None = None  # the user asks to talk to a person
    not_found: str | None = None  # the guidance does not answer the question
    emergency: str | None = None  # someone may be in danger: the emergency numbers

    @field_validator("*")
    @classmethod
    def _template(cls, text: str | None) -> str | None:
        if text is None:
            return None
        try:
            text.format(**_PLACEHOLDERS)
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"a reply may use only {{programme}} and {{contact}}; "
                             f"{exc!s} in {text[:60]!r}") from None
        return text


class KindWords(BaseModel):
    """How users name one kind of programme (a policy programme's `kind`)."""

    model_config = ConfigDict(extra="forbid")

    one: str  # "Innovation Centre"
    many: str  # "Innovation Centres"
    words: list[str] = Field(default_factory=list)  # "centre", "innovation centres", ...


class Programme(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str = "the programme"
    short_name: str = ""
    website: str = ""
    contact: Contact = Contact()
    # what users call the programme's offers ("accelerator", "centre"): a message using one is
    # about business support, never off-topic
    words: list[str] = Field(default_factory=list)
    kinds: dict[str, KindWords] = Field(default_factory=dict)  # by the policy's `kind`
    replies: Replies = Replies()

    @field_validator("words")
    @classmethod
    def _words(cls, words: list[str]) -> list[str]:
        if any(not w.strip() for w in words):
            raise ValueError("a word is empty")
        return [w.strip() for w in words]


def load_programme(knowledge_dir: Path) -> Programme:
    path = knowledge_dir / "policy" / "programme.yaml"
    if not path.exists():
        return Programme()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Programme.model_validate(data)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise KnowledgeFolderError(f"policy/programme.yaml{line}: not valid YAML") from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise KnowledgeFolderError(f"policy/programme.yaml: {problems}") from exc
