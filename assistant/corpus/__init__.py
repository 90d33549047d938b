"""The corpus of sourced testimony: models, loading with file:line errors, JSON Schema.

Names are imported on first use (PEP 562), so that `assistant.corpus.glance` can show
the themes before pydantic and the models have loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loader import (
        Corpus,
        CorpusError,
        Location,
        Problem,
        corpus_file_schema,
        load_corpus,
        validate_corpus,
    )
    from .models import (
        Audience,
        Citation,
        Fact,
        FactSource,
        NameDisclosure,
        Quote,
        Role,
        Source,
        Speaker,
        Theme,
    )

_WHERE = {
    **dict.fromkeys(("Corpus", "CorpusError", "Location", "Problem", "corpus_file_schema",
                     "load_corpus", "validate_corpus"), "loader"),
    **dict.fromkeys(("Audience", "Citation", "Fact", "FactSource", "NameDisclosure", "Quote",
                     "Role", "Source", "Speaker", "Theme"), "models"),
}

__all__ = [
    "Audience",
    "Citation",
    "Corpus",
    "CorpusError",
    "Fact",
    "FactSource",
    "Location",
    "NameDisclosure",
    "Problem",
    "Quote",
    "Role",
    "Source",
    "Speaker",
    "Theme",
    "corpus_file_schema",
    "load_corpus",
    "validate_corpus",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
