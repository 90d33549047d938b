"""The export settings `brief` and `draft export` share: part, paper, marking, language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..compose.parts import PARTS

if TYPE_CHECKING:
    from ..render.export import ExportOptions

F = TypeVar("F", bound=Callable[..., Any])


def export_options(command: F) -> F:
    """Add --part, --paper, --marking and --language (each also an environment setting)."""
    for option in reversed((
        click.option("--part", type=click.Choice(PARTS), default="all", show_default=True,
                     help="What to export: the audience's part, the team's notes, or all "
                          "(the team notes as an annex after a page break)."),
        click.option("--paper", type=click.Choice(["A4", "Letter"], case_sensitive=False),
                     default="A4", show_default=True, envvar="ASSISTANT_PAPER",
                     help="Paper size of Word and PDF exports (env ASSISTANT_PAPER)."),
        click.option("--marking", default="", metavar="TEXT", envvar="ASSISTANT_MARKING",
                     help="Protective marking heading and footing every page, e.g. OFFICIAL "
                          "(env ASSISTANT_MARKING)."),
        click.option("--language", default="", metavar="TAG", envvar="ASSISTANT_LANGUAGE",
                     help="Document language, e.g. en-GB (default: the corpus's "
                          "`language:`, else en-GB; env ASSISTANT_LANGUAGE)."),
    )):
        command = option(command)
    return command


def options_from(part: str, paper: str, marking: str, language: str,
                 author: str) -> ExportOptions:
    from ..render.export import ExportOptions

    return ExportOptions(part=part, paper=paper, marking=marking,  # type: ignore[arg-type]
                         language=language, author=author)
