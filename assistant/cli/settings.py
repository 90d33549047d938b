"""Who is working, on which corpus and database: shared by every command and the app."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import bundled_corpus_dir, bundled_templates_dir

if TYPE_CHECKING:  # the corpus (and pydantic) load only for commands that need them
    from ..corpus import Corpus


@dataclass
class Settings:
    corpus_dir: Path
    templates_dir: Path
    db_url: str | None
    user: str | None

    @classmethod
    def build(cls, corpus_dir: str | None = None, db_url: str | None = None,
              user: str | None = None) -> Settings:
        return cls(
            corpus_dir=Path(corpus_dir) if corpus_dir else bundled_corpus_dir(),
            templates_dir=bundled_templates_dir(),
            db_url=db_url,
            user=user,
        )

    @property
    def os_user(self) -> str:
        try:
            return getpass.getuser()
        except Exception:  # no login name (some containers): fall back to a fixed one
            return "user"

    def corpus(self) -> Corpus:
        """The corpus, or refuse with every problem listed."""
        from ..corpus import CorpusError, load_corpus
        from ..corpus.loader import NotACorpus
        from .common import BadUsage, Refused  # click, only on this (command-line) path

        try:
            return load_corpus(self.corpus_dir)
        except NotACorpus as exc:
            raise BadUsage("; ".join(f"--corpus {p}" for p in exc.problems)) from None
        except CorpusError as exc:
            shown = exc.problems[:20]
            more = len(exc.problems) - len(shown)
            lines = [str(p) for p in shown] + ([f"... and {more} more"] if more else [])
            raise Refused(
                f"the corpus at {self.corpus_dir} has {len(exc.problems)} problem(s); "
                "run `assistant corpus validate` for the list:\n" + "\n".join(lines)
            ) from exc
