"""The Frontlines exception tree.

    FrontlinesError                 base: every error we raise on purpose
    ├── InputError                  a document or archive we cannot read (says how to fix it)
    │   ├── EmptyInputError         nothing to read
    │   ├── EncodingError           not UTF-8 text, or binary
    │   ├── InputTooLargeError      over the size limit (FRONTLINES_MAX_BYTES)
    │   └── MalformedInputError     broken JSONL/CSV/feed/HTML (with line number where known)
    ├── InvalidParameterError       a bad option or query parameter (--published, --bbox, ...)
    ├── ConfigurationError          a setting or optional dependency is missing
    ├── KnowledgeError              a curated data file is invalid
    └── StoreError                  the database refused an operation
        ├── StoreNotFoundError      the asked-for record does not exist
        └── MigrationError          the schema cannot be brought up to date

Third-party exceptions are translated at the boundary (``raise X from exc``); the CLI turns
these into one-line messages and exit codes, the web layer into the one error body.
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "EmptyInputError",
    "EncodingError",
    "FrontlinesError",
    "InputError",
    "InputTooLargeError",
    "InvalidParameterError",
    "KnowledgeError",
    "MalformedInputError",
    "MigrationError",
    "StoreError",
    "StoreNotFoundError",
]


class FrontlinesError(Exception):
    """Base class. ``str(err)`` is a complete sentence that says what to do next."""

    exit_code = 1
    http_status = 500
    code = "error"


class InputError(FrontlinesError):
    exit_code = 2
    http_status = 400
    code = "bad_input"


class EmptyInputError(InputError):
    code = "empty_input"


class EncodingError(InputError):
    code = "bad_encoding"


class InputTooLargeError(InputError):
    http_status = 413
    code = "input_too_large"


class MalformedInputError(InputError):
    code = "malformed_input"


class InvalidParameterError(FrontlinesError):
    exit_code = 2
    http_status = 422
    code = "invalid_parameter"


class ConfigurationError(FrontlinesError):
    exit_code = 3
    code = "configuration"


class KnowledgeError(FrontlinesError):
    exit_code = 3
    code = "knowledge"


class StoreError(FrontlinesError):
    exit_code = 4
    http_status = 500
    code = "store"


class StoreNotFoundError(StoreError):
    http_status = 404
    code = "not_found"


class MigrationError(StoreError):
    code = "migration"
