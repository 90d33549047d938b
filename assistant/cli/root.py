"""The root command group: global options, and subcommands imported on first use.

The global options (`--corpus`, `--db`, `--user`) are accepted before the subcommand
and after it (`assistant brief --corpus DIR ...`): each subcommand is given copies of
them when it is loaded.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from .common import BadUsage, as_click_error, not_utf8_argument
from .settings import Settings

# command name -> (module in this package, attribute), in the order `--help` lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "brief": ("brief", "brief_command"),
    "check": ("check", "check_command"),
    "draft": ("review", "draft_group"),
    "review": ("review", "review_group"),
    "users": ("review", "users_group"),
    "db": ("db", "db_group"),
    "themes": ("corpus", "themes_command"),
    "audiences": ("corpus", "audiences_command"),
    "templates": ("brief", "templates_command"),
    "corpus": ("corpus", "corpus_group"),
    "ingest": ("curation", "ingest_command"),
    "train": ("train", "train_group"),
}

CORPUS_HELP = "Corpus directory (default: the bundled corpus)."
DB_HELP = "SQLAlchemy database URL (default: a SQLite file in your data directory)."
USER_HELP = "Who you are (SQLite only; on PostgreSQL the database login decides)."


def _set_global(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """A global option given after the subcommand: it overrides the one before it."""
    if value is None or value == "" or ctx.resilient_parsing:
        return  # as before the subcommand: an empty value means "not given"
    config = ctx.find_root().obj
    if not isinstance(config, Settings):
        return
    if param.name == "global_corpus":
        config.corpus_dir = Path(value)
    elif param.name == "global_db":
        config.db_url = value
    elif param.name == "global_user":
        config.user = value


def _global_options() -> list[click.Option]:
    return [
        click.Option(["--corpus", "global_corpus"], metavar="DIR", help=CORPUS_HELP,
                     expose_value=False, callback=_set_global),
        click.Option(["--db", "global_db"], metavar="URL", help=DB_HELP,
                     expose_value=False, callback=_set_global),
        click.Option(["--user", "global_user"], metavar="NAME", help=USER_HELP,
                     expose_value=False, callback=_set_global),
    ]


def _add_global_options(command: click.Command) -> None:
    """Give a command (and every subcommand of a group) the global options it lacks."""
    if getattr(command, "_has_global_options", False):
        return
    taken = {opt for param in command.params for opt in getattr(param, "opts", [])}
    command.params.extend(o for o in _global_options() if not set(o.opts) & taken)
    command._has_global_options = True  # type: ignore[attr-defined]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _add_global_options(sub)


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use; typed library errors that
    escape them become refusals (exit 1) or usage errors (exit 2)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[cmd_name]
        module = importlib.import_module(f"{__package__}.{module_name}")
        command: click.Command = getattr(module, attribute)
        _add_global_options(command)
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        bad = not_utf8_argument(args)
        if bad:
            raise BadUsage(bad)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException:
            raise
        except Exception as exc:
            known = as_click_error(exc)
            if known is None:
                raise
            raise known from None


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=str),
              envvar="ASSISTANT_CORPUS", help=CORPUS_HELP)
@click.option("--db", "db_url", envvar="ASSISTANT_DB", metavar="URL", help=DB_HELP)
@click.option("--user", "user", envvar="ASSISTANT_USER", metavar="NAME", help=USER_HELP)
@click.version_option(package_name="counterbrief", prog_name="assistant")
@click.pass_context
def cli(ctx: click.Context, corpus_dir: str | None, db_url: str | None, user: str | None) -> None:
    """counterbrief: briefs built from the voices of those who left Islamic State."""
    ctx.obj = Settings.build(corpus_dir=corpus_dir, db_url=db_url, user=user)
    if ctx.invoked_subcommand is None:
        from .tui_launch import open_tui

        open_tui(ctx.obj)
