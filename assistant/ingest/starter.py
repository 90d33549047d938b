"""`assistant corpus new DIR`: a corpus that validates from the first minute."""

from __future__ import annotations

import json
from pathlib import Path

from ..corpus.loader import corpus_file_schema

SCHEMA_LINE = "# yaml-language-server: $schema={}schema/corpus-file.schema.json\n"

_THEME = """\
# Themes: the narratives your briefs are about. This example validates on its own;
# rewrite it, or replace it with your own, then link quotes to it (`themes:` in a quote).
themes:
  - id: example-harsh-life
    title: Life under the group is harsh and disappointing
    claim: "Life under IS is harsh and disappointing."
    summary: >-
      An example theme. Defectors describe fear, shortages and broken promises.
      Replace this text with the narrative in your own sources' words.
    key_messages:
      - The life the group promised is not the life its members found.
    pitfalls:
      - Do not stretch a quote to fit this theme; say where the corpus has no voice for it.
"""

_README = """\
# Curating this corpus

Each YAML file starts with a `$schema` line, so an editor with YAML support completes
keys and flags mistakes as you type (`assistant corpus schema -o schema` refreshes the
schema with this corpus's own ids).

From a news article to verified quotes:

1. `assistant --corpus . ingest article.txt -o candidates.yaml` lists every attributed
   quotation, exactly as printed, with a speaker, suggested themes, a `graphic` tag and
   notes on identifying details. Quotations that are not testimony (scare quotes, titles,
   the journalist's questions, no speaker) are listed at the end, left out.
2. Open `candidates.yaml`: delete what you reject, correct speakers and themes. Never
   edit a quote's text; the article is kept at the end of the file.
3. `assistant --corpus . ingest --accept candidates.yaml` appends them to the corpus
   files (nothing already there is rewritten), archives the article as
   `archive/SOURCE-ID.txt` and validates. If anything is wrong, nothing is added.
4. `assistant --corpus . corpus verify` checks every quote and figure against its
   archived article, and `assistant --corpus . corpus validate` lists every problem.

Protect the messenger: a speaker's `identity` holds only what has already been published.
"""


class StarterRefused(Exception):
    """The directory already holds a corpus or cannot be written."""


def start_corpus(directory: Path) -> list[Path]:
    """Write a new corpus into `directory` (which must be empty or absent)."""
    from ..paths import bundled_corpus_dir

    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise StarterRefused(f"{directory} is not empty; choose a new directory")
    audiences = (bundled_corpus_dir() / "audiences.yaml").read_text(encoding="utf-8")
    body = audiences.split("\n", 1)[1] if audiences.startswith("# yaml-language") else audiences
    files = {
        "sources.yaml": "# Sources: the articles and reports quotes were read in.\nsources:\n",
        "speakers.yaml": "# Speakers: described only as the sources describe them.\n"
                         "speakers:\n",
        "facts.yaml": "# Facts: figures, each with every source's version.\nfacts:\n",
        "themes.yaml": _THEME,
        "audiences.yaml": body,
        "quotes/README.md": "Quote files, one per source: `ingest --accept` writes them.\n",
    }
    written = []
    try:
        for name, text in files.items():
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            prefix = SCHEMA_LINE.format("../" * name.count("/")) if name.endswith(".yaml") else ""
            path.write_text(prefix + text, encoding="utf-8")
            written.append(path)
        schema = directory / "schema" / "corpus-file.schema.json"
        schema.parent.mkdir(parents=True, exist_ok=True)
        schema.write_text(json.dumps(corpus_file_schema(), indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        (directory / "README.md").write_text(_README, encoding="utf-8")
        written += [schema, directory / "README.md"]
    except OSError as exc:
        raise StarterRefused(f"cannot write {directory}: {exc.strerror}") from exc
    return written
