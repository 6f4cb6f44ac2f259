"""Errors of the evaluation suite, with messages written for the person running it."""

from __future__ import annotations


class EvalError(Exception):
    """Base class: something the person running an evaluation can fix."""


class DatasetError(EvalError):
    """A dataset file cannot be read as cases; the message names the file and line."""


class TargetError(EvalError):
    """The assistant under evaluation could not answer (unreachable, bad response)."""


class ReportError(EvalError):
    """A report file (say, a baseline run) cannot be read."""


class GateConfigError(EvalError):
    """The thresholds file is invalid; the message names the file and key."""
