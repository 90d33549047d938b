"""The command line. No arguments opens the terminal UI.

Exit status: 0 success, 1 the work was refused, 2 a usage error. Every command that
reports takes --json. Each command group lives in its own module of this package.
"""

from __future__ import annotations

import os
import sys

import click

from .common import Settings, main_wrapper
from .corpus import audiences_command, corpus_group, themes_command


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=str),
              envvar="ASSISTANT_CORPUS", help="Corpus directory (default: the bundled corpus).")
@click.option("--db", "db_url", envvar="ASSISTANT_DB", metavar="URL",
              help="SQLAlchemy database URL (default: a SQLite file in your data directory).")
@click.option("--user", "user", envvar="ASSISTANT_USER", metavar="NAME",
              help="Who you are (SQLite only; on PostgreSQL the database login decides).")
@click.version_option(package_name="counterbrief", prog_name="assistant")
@click.pass_context
def cli(ctx: click.Context, corpus_dir: str | None, db_url: str | None, user: str | None) -> None:
    """counterbrief: briefs built from the voices of those who left Islamic State."""
    ctx.obj = Settings.build(corpus_dir=corpus_dir, db_url=db_url, user=user)
    if ctx.invoked_subcommand is None:
        from .tui_launch import open_tui

        open_tui(ctx.obj)


cli.add_command(corpus_group)
cli.add_command(themes_command)
cli.add_command(audiences_command)


def _register_optional() -> None:
    """Command groups that live in their own modules."""
    import importlib

    for module_name in ("brief", "check", "review"):
        try:
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module_name}":
                raise
            continue
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register_optional()


def main() -> None:
    main_wrapper(cli, debug=bool(os.environ.get("ASSISTANT_DEBUG")))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())  # type: ignore[func-returns-value]
