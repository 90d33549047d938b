"""What the review commands share: draft ids, refusals as exit codes, opening the
review database, and the corpus a draft was composed from.

SQLAlchemy and the review layer load only when one of these commands runs, so the rest
of the command line stays quick to start.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..render.formats import FORMATS as EXPORT_FORMATS
from .common import Refused, settings
from .settings import Settings

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..review import DraftSummary, DraftView, ReviewStore
    from ..review.composing import Composed, RecordedCorpus


STATUSES = ("draft", "in-review", "approved", "changes-requested")
ROLES = ("author", "reviewer", "admin")
FORMATS = tuple(EXPORT_FORMATS)  # one vocabulary: assistant/render/formats.py
LARGEST_ID = 2**63 - 1  # the largest id either database can hold


class DraftId(click.ParamType[int]):
    """A draft id: a whole number the database can hold; anything else is a usage error."""

    name = "ID"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()) or int(text) > LARGEST_ID:
            self.fail(f"a draft id is a whole number from 1 to {LARGEST_ID} (got {text!r}); "
                      "`assistant review list` shows the drafts", param, ctx)
        return int(text)


DRAFT_ID = DraftId()


@contextmanager
def refusals() -> Iterator[None]:
    """Review and composition failures as the contract wants them: exit 1 or 2, one line."""
    from ..compose.errors import BriefError, UnknownId
    from ..render.export import ExportRefused
    from ..review import NothingChanged, ReviewError

    try:
        yield
    except NothingChanged as exc:  # not a failure: the draft already says this
        click.echo(str(exc), err=True)
        raise click.exceptions.Exit(0) from None
    except ReviewError as exc:
        if exc.exit_code == 2:
            raise click.UsageError(str(exc)) from None
        raise Refused(str(exc)) from None
    except UnknownId as exc:
        raise click.UsageError(str(exc)) from None
    except BriefError as exc:
        raise Refused(str(exc)) from None
    except ExportRefused as exc:  # e.g. PDF without its optional libraries
        raise Refused(str(exc)) from None


def open_review_store(ctx: click.Context) -> ReviewStore:
    """The review database from --db/ASSISTANT_DB, acting as --user (SQLite) or the login."""
    from ..review import open_store

    config = settings(ctx)
    with refusals():
        return open_store(config.db_url, config.user, os_user=config.os_user)


def draft_corpus(ctx: click.Context, draft: DraftView) -> RecordedCorpus:
    """The corpus the draft's newest version was composed from (see recorded_corpus)."""
    from ..review.composing import recorded_corpus

    config = settings(ctx)

    def load(where: Path) -> Corpus:
        return Settings.build(corpus_dir=str(where)).corpus()

    with refusals():
        return recorded_corpus(draft.current, draft.id, config.corpus_dir, load,
                               deck=draft.is_deck)


def compose(ctx: click.Context, inputs: Any) -> Composed:
    from ..review.composing import compose_version

    config = settings(ctx)
    with refusals():
        return compose_version(config.corpus(), inputs, config.templates_dir)


def summary_line(draft: DraftSummary) -> str:
    return (f"draft {draft.id}: version {draft.current_number} "
            f"({draft.current_hash[:12]}), {draft.status}")


def brief_json(draft: DraftView) -> dict[str, Any]:
    return draft.model_dump(mode="json", exclude={"versions", "reviews"})

