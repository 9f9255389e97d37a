"""One exception tree for the whole package.

::

    CorroboratorError
    ├── ConfigError            a setting has a bad value
    ├── InputError             one input cannot be read or has no article (names the input)
    │   ├── MissingInputError  no such file or directory
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── DecodeError        invalid UTF-8, unknown legacy encoding, truncated gzip
    │   ├── TooLargeError
    │   ├── FetchError         unreachable URL, HTTP error, timeout
    │   ├── FeedError          malformed RSS/Atom
    │   ├── WarcError          malformed WARC
    │   ├── FormatError        malformed JSON/JSONL or unknown file type
    │   └── NoArticleError     the input holds no article text
    └── StoreError             the SQLite store cannot be opened, migrated or written
        └── MigrationError

Every message names the bad input or value, what was expected and, where there is one, the fix.
"""

from __future__ import annotations


class CorroboratorError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(CorroboratorError):
    """A configuration value is invalid."""

    def __init__(self, setting: str, value: object, allowed: str) -> None:
        self.setting, self.value, self.allowed = setting, value, allowed
        super().__init__(f"config {setting}={value!r} is invalid: expected {allowed}")


class InputError(CorroboratorError):
    """One input could not be turned into an article. ``str()`` is one line: ``SOURCE: problem``."""

    def __init__(self, source: str, problem: str) -> None:
        self.source, self.problem = source, problem
        super().__init__(f"{source}: {problem}")


class MissingInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class DecodeError(InputError):
    pass


class TooLargeError(InputError):
    pass


class FetchError(InputError):
    pass


class FeedError(InputError):
    pass


class WarcError(InputError):
    pass


class FormatError(InputError):
    pass


class NoArticleError(InputError):
    pass


class StoreError(CorroboratorError):
    """The store cannot be opened, migrated or written."""


class MigrationError(StoreError):
    pass


class WorkerError(CorroboratorError):
    """A worker process died (e.g. killed for lack of memory) before finishing its work."""
