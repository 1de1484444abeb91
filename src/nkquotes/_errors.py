"""The exception hierarchy of nkquotes.

Every exception nkquotes raises on purpose derives from :class:`NkQuotesError`, and each
subclass also inherits the builtin it refines, so ``except ValueError`` keeps working::

    NkQuotesError
    ├── InputError (ValueError)          bad text, record or option passed in
    │   └── SpanError                    offsets that do not index the text
    ├── ConfigurationError (ValueError)  a pipeline, target or model that cannot work
    ├── SchemaError (ValueError)         JSON that does not follow the nkquotes schema
    └── ModelError (RuntimeError)        a stance model that cannot be loaded or used
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "InputError",
    "ModelError",
    "NkQuotesError",
    "SchemaError",
    "SpanError",
]


class NkQuotesError(Exception):
    """Root of every exception nkquotes raises on purpose."""


class InputError(NkQuotesError, ValueError):
    """The text, record or option passed in cannot be used."""


class SpanError(InputError):
    """Offsets that do not index the text they claim to."""


class ConfigurationError(NkQuotesError, ValueError):
    """A pipeline, target or model configured in a way that cannot work."""


class SchemaError(NkQuotesError, ValueError):
    """JSON that does not follow the nkquotes schema."""


class ModelError(NkQuotesError, RuntimeError):
    """A stance model that cannot be loaded, trained or applied."""
