"""The one exception family guidelint raises for a user's mistake.

The CLI turns any of these into a one-line message on stderr and exit code 2.
Anything else that escapes is a bug in guidelint and is allowed to show a
traceback.
"""

from __future__ import annotations


class GuidelintError(Exception):
    """A mistake the user can fix: bad option, bad config, missing path."""


class ConfigError(GuidelintError):
    """The configuration file (or an option standing in for it) is invalid."""


class UsageError(GuidelintError):
    """A command-line usage problem, e.g. a path that does not exist."""
