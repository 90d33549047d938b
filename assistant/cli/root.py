"""The root command group: global options, and subcommands imported on first use."""

from __future__ import annotations

import importlib

import click

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
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[cmd_name]
        module = importlib.import_module(f"{__package__}.{module_name}")
        command: click.Command = getattr(module, attribute)
        return command


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
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
