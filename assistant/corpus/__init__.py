"""The corpus of sourced testimony: models, loading with file:line errors, JSON Schema."""

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
