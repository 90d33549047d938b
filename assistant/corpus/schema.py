"""The JSON Schema editors use for corpus files: every field described, and, for a given
corpus, its speaker, source, theme and fact ids as the values an editor can complete."""

from __future__ import annotations

import copy
from typing import Any

from .models import CorpusFile

SCHEMA_FILE = "corpus-file.schema.json"

# Descriptions for fields whose model gives none: what a curator writes there.
DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("CorpusFile", "sources"): "Where quotes and figures were published",
    ("CorpusFile", "speakers"): "Who is quoted, described only as the sources describe them",
    ("CorpusFile", "quotes"): "Verbatim quotations, each with its speaker and sources",
    ("CorpusFile", "facts"): "Figures, each with every source's version",
    ("CorpusFile", "themes"): "The narratives briefs are built on",
    ("CorpusFile", "audiences"): "Who a brief is written for, and the rules for them",
    ("Source", "id"): "Stable id: lower-case letters, digits and hyphens",
    ("Source", "title"): "Title as printed; [in brackets] when the copy gives none",
    ("Source", "author"): "Byline as printed, if any",
    ("Source", "kind"): "What sort of publication it is",
    ("Identity", "age"): "An age, only if published",
    ("Identity", "public"): "How much of the speaker's name has been published",
    ("Speaker", "id"): "Stable id: lower-case letters, digits and hyphens",
    ("Speaker", "role"): "Defector, expert, official, report, journalist or other",
    ("Speaker", "identity"): "Only what has already been published about the speaker",
    ("Speaker", "affiliation"): "Organisation, as published",
    ("ThemeLink", "theme"): "The theme's id",
    ("Quote", "id"): "Stable id such as q-040",
    ("Quote", "speaker"): "The speaker's id",
    ("Quote", "sources"): "Where it was read (first) and the original outlet it quotes (via)",
    ("Quote", "themes"): "The themes it supports; a quote with none is never used",
    ("FactSource", "source"): "The source's id",
    ("FactSource", "via"): "The original source that source quotes, if any",
    ("Fact", "id"): "Stable id such as f-defectors-public",
    ("Fact", "statement"): "The figure in a sentence of our own",
    ("Fact", "value"): "The number (or ISO date) the statement gives",
    ("Fact", "unit"): "What the value counts (people, percent...)",
    ("Fact", "sources"): "Every source that gives the figure, each with its own version",
    ("Fact", "conflict_note"): "Required when the sources disagree: how they differ",
    ("Theme", "id"): "Stable id such as harsh-life",
    ("Theme", "title"): "Short title shown in lists",
    ("Theme", "summary"): "What the narrative says and where the sources support it",
    ("Theme", "key_messages"): "Plain statements a brief can use, each supported by the sources",
    ("Theme", "pitfalls"): "What a communicator must not do on this theme",
    ("Theme", "related_facts"): "Ids of the facts a brief on this theme draws on",
    ("Audience", "id"): "Stable id such as policymakers",
    ("Audience", "name"): "Name shown in lists",
    ("Audience", "description"): "Who they are and what they decide",
    ("Audience", "tone"): "How a brief for them should sound",
    ("Audience", "word_limit"): "Most words the audience's part of a brief may have",
    ("Audience", "graphic_allowed"): "Whether quotes tagged graphic may appear at all",
    ("Audience", "messenger_guidance"): "Who to lead with and how, in a sentence or two",
    ("Audience", "call_to_action"): "What the audience is asked to do",
    ("Chart", "id"): "Stable id: lower-case letters, digits and hyphens",
    ("Chart", "title"): "The chart's title on the slide, in our own words",
    ("Chart", "kind"): "bar, pie, or figures (the facts as sentences, where they make no whole)",
    ("Chart", "parts"): "The bars or slices, in order: each a fact and its label",
    ("ChartPart", "fact"): "The fact whose figure this bar or slice shows",
    ("CorpusFile", "charts"): "Charts of facts for the trainer's deck",
}

# Where a schema can list a corpus's ids: (definition, property) -> the kind of record.
ID_FIELDS: dict[tuple[str, str], str] = {
    ("Quote", "speaker"): "speakers",
    ("Citation", "source"): "sources",
    ("Citation", "via"): "sources",
    ("FactSource", "source"): "sources",
    ("FactSource", "via"): "sources",
    ("ThemeLink", "theme"): "themes",
    ("Theme", "related_facts"): "facts",
    ("ChartPart", "fact"): "facts",
    ("Chart", "whole"): "facts",
}


def _with_enum(prop: dict[str, Any], ids: list[str]) -> None:
    target = prop.get("items", prop)
    branches = target.get("anyOf", [target])
    for branch in branches:
        if branch.get("type") == "string":
            branch.pop("pattern", None)
            branch["enum"] = ids


def build_schema(ids: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The schema of one corpus file; with `ids` (kind -> ids), those ids as enums."""
    schema = copy.deepcopy(CorpusFile.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_FILE
    schema["title"] = "counterbrief corpus file"
    definitions = {**schema["$defs"], "CorpusFile": schema}
    for name, definition in definitions.items():
        for prop_name, prop in definition.get("properties", {}).items():
            if "description" not in prop and (name, prop_name) in DESCRIPTIONS:
                prop["description"] = DESCRIPTIONS[(name, prop_name)]
            kind = ID_FIELDS.get((name, prop_name))
            if ids is not None and kind is not None and ids.get(kind):
                _with_enum(prop, sorted(ids[kind]))
    return schema


def undescribed_fields(schema: dict[str, Any]) -> list[str]:
    definitions = {**schema["$defs"], "CorpusFile": schema}
    return [f"{name}.{prop}" for name, d in definitions.items()
            for prop, p in d.get("properties", {}).items() if "description" not in p]
