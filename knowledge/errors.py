"""Errors of the knowledge layer, with messages written for the person running the command."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class: something about the knowledge folder or its index is wrong."""


class LoaderError(KnowledgeError):
    """A file could not be read as the format its extension promises."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class KnowledgeFolderError(KnowledgeError):
    """The knowledge folder itself is missing or laid out wrongly."""


class IndexStateError(KnowledgeError):
    """The index in the data directory cannot be used (say, built by another embedding model)."""


class PolicyError(KnowledgeError):
    """The eligibility policy in `policy/` is invalid; the message names the file and line."""
