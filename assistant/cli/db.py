"""`assistant db init --admin NAME`: set up a review database and its first admin."""

from __future__ import annotations

import click

from .common import echo_json, settings


@click.group("db")
def db_group() -> None:
    """The review database: set it up for a team."""


@db_group.command("init")
@click.option("--admin", required=True, metavar="NAME",
              help="The first admin (on PostgreSQL a login; created if missing).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def db_init(ctx: click.Context, admin: str, as_json: bool) -> None:
    """Create or upgrade the review schema and register its first admin.

    On PostgreSQL, run it as a login that may create roles (e.g. postgres): it creates the
    database's owner and member roles, hands the tables to the owner, and lets the admin
    add the team with `assistant users add`. On SQLite it creates the file's schema.
    Run again, it only upgrades the schema.
    """
    from ..review import set_up_database
    from .review import refusals

    config = settings(ctx)
    with refusals():
        done = set_up_database(config.db_url, admin, config.user, os_user=config.os_user)
    if as_json:
        echo_json({"database": done.database, "backend": done.backend,
                   "admin": done.admin.model_dump(mode="json"),
                   "admin_added": done.admin_added, "login_created": done.login_created,
                   "roles": done.roles})
        return
    click.echo(f"review database ready: {done.database}")
    if done.login_created:
        click.echo(f"created the PostgreSQL login '{done.admin.name}' (no password: set one "
                   f"with ALTER ROLE, or let the server's pg_hba.conf decide)")
    if done.admin_added:
        click.echo(f"{done.admin.name}: admin")
    else:
        click.echo(f"{done.admin.name} was already its admin; nothing else changed")
    if done.roles:
        click.echo(f"roles: {done.roles[0]} owns the tables; every user is made a member of "
                   f"{done.roles[1]} by `assistant users add`")


COMMANDS = [db_group]
