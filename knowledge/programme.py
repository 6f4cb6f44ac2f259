"""The programme a knowledge folder describes: its name and how to reach a person.

Read from `policy/programme.yaml` in the knowledge folder; a folder without one still works,
with a generic contact line.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

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


class Programme(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str = "the programme"
    short_name: str = ""
    website: str = ""
    contact: Contact = Contact()


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
