"""Errors of the assistant layer, with messages written for the user."""


class AssistantError(Exception):
    """Base class for problems a user can fix (bad input, missing setup)."""


class InputError(AssistantError):
    """The message itself cannot be answered as sent (empty, too long)."""


class SettingsError(AssistantError):
    """A setting (environment variable, .env entry or option) has a value that cannot work."""


class TurnCancelled(AssistantError):
    """The caller went away while its turn was being answered; nothing was stored."""
