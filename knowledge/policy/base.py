"""What every policy model shares: strict models (unknown keys are errors), the size bands,
the area statuses, the code formats and the clause reference."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

Band = Literal["micro", "small", "medium", "large"]
AreaStatus = Literal["inside", "mixed", "outside"]

# An outward code: the part of a UK postcode before the space ("B15", "CV7", "WS10").
OUTWARD_CODE_RE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
# A SIC 2007 code: a division ("64"), group ("01.1"), class ("25.40") or subclass ("25.40/1"
# is not used: subclasses are written as classes), or a range of two of them ("01.1-01.6").
SIC_CODE_RE = re.compile(r"^\d{2}(?:\.\d{1,2})?$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClauseRef(Strict):
    """Where the guidance states a rule: a file of the knowledge folder and a clause id in it
    (or a heading, for documents without numbered clauses)."""

    source: str  # path within the knowledge folder, forward slashes: "guidance/rules/x.pdf"
    clause: str  # "3.4", or a heading such as "The excluded sectors"

    @field_validator("source")
    @classmethod
    def _relative_path(cls, source: str) -> str:
        parts = source.split("/")
        if not source or source.startswith("/") or "\\" in source or ".." in parts:
            raise ValueError(
                f"source must be a path inside the knowledge folder with forward slashes, "
                f"such as guidance/rules/ssr-eligibility-rules.pdf; got {source!r}"
            )
        return source

    @field_validator("clause")
    @classmethod
    def _not_blank(cls, clause: str) -> str:
        if not clause.strip():
            raise ValueError("clause must be a clause id such as 3.4, or a heading")
        return clause.strip()
