"""What every policy model shares: strict models (unknown keys are errors) and the size bands."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Band = Literal["micro", "small", "medium", "large"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
