"""Review commands tell the truth: what they refuse and why, in one line, with the exit
status the contract gives; nothing a user saved is lost, nothing is silently re-made."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from assistant.cli import cli
from assistant.paths import bundled_corpus_dir


class Desk:
    def __init__(self, tmp_path: Path) -> None:
        self.path = tmp_path / "review.sqlite3"
        self.db = f"sqlite:///{self.path}"
        self.tmp = tmp_path

    def __call__(self, user: str, *args: str, corpus: Path | None = None) -> Result:
        extra = ["--corpus", str(corpus)] if corpus else []
        return CliRunner().invoke(cli, [*extra, "--db", self.db, "--user", user, *args],
                                  catch_exceptions=False)

    def new(self, user: str = "alice", *, corpus: Path | None = None) -> str:
        made = self(user, "draft", "new", "--theme", "harsh-life", "--audience",
                     "journalists", corpus=corpus)
        assert made.exit_code == 0, made.output
        return made.stdout.strip()


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    made = Desk(tmp_path)
    assert made("sam", "db", "init", "--admin", "sam").exit_code == 0
    assert made("sam", "users", "add", "bob", "--role", "reviewer").exit_code == 0
    return made


def _approved(desk: Desk) -> str:
    draft = desk.new()
    assert desk("alice", "review", "submit", draft).exit_code == 0
    assert desk("bob", "review", "approve", draft, "--comment", "Ready").exit_code == 0
    return draft


# -- the first admin ------------------------------------------------------------------


def test_without_db_init_nobody_can_make_an_admin(tmp_path: Path) -> None:
    fresh = Desk(tmp_path)
    fresh.new("alice")
    result = fresh("alice", "users", "add", "alice", "--role", "admin")
    assert result.exit_code == 1
    assert "run `assistant db init --admin NAME` to make the first one" in result.stderr
    listed = json.loads(fresh("alice", "users", "list", "--json").stdout)
    assert [(u["name"], u["role"]) for u in listed] == [("alice", "author")]


def test_db_init_makes_the_first_admin_once(desk: Desk) -> None:
    again = desk("mallory", "db", "init", "--admin", "mallory")
    assert again.exit_code == 1
    assert "already set up; its admins are sam" in again.stderr
    same = desk("sam", "db", "init", "--admin", "sam", "--json")
    assert same.exit_code == 0
    assert json.loads(same.stdout)["admin_added"] is False


def test_db_init_and_users_add_speak_json(tmp_path: Path) -> None:
    fresh = Desk(tmp_path)
    made = json.loads(fresh("sam", "db", "init", "--admin", "sam", "--json").stdout)
    assert (made["backend"], made["admin"]["name"], made["admin"]["role"]) == (
        "sqlite", "sam", "admin")
    added = json.loads(fresh("sam", "users", "add", "bob", "--role", "reviewer",
                             "--json").stdout)
    assert (added["name"], added["role"]) == ("bob", "reviewer")


# -- names ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "says"), [
    ("bob\u200b", "U+200B ZERO WIDTH SPACE"),
    ("bob\nsam approved draft 1", "U+000A"),
    ("\x1b[31mbob", "U+001B"),
    ("bo\u202eb", "U+202E"),
    ("   ", "blank"),
    ("", "blank"),
    ("sam  lee", "doubled"),
])
def test_a_user_name_that_could_hide_or_fake_something_is_refused(
        desk: Desk, name: str, says: str) -> None:
    for args in (("review", "list"), ("users", "add", name, "--role", "author")):
        user = name if args[0] == "review" else "sam"
        result = desk(user, *args)
        assert result.exit_code == 2, (args, result.output)
        assert says in result.stderr
        assert "Traceback" not in result.output


def test_user_names_are_normalised_so_one_person_has_one_name(desk: Desk) -> None:
    desk.new("\uff41lice")  # a full-width 'a'
    listed = json.loads(desk("sam", "users", "list", "--json").stdout)
    assert "alice" in [u["name"] for u in listed]
    assert json.loads(desk("bob", "review", "list", "--json").stdout)[0]["author"] == "alice"


def test_a_comment_cannot_print_a_fake_line_in_the_log(desk: Desk) -> None:
    draft = desk.new()
    desk("alice", "review", "submit", draft)
    refused = desk("bob", "review", "changes", draft, "--comment",
                   "fix it\n2026-03-02T09:05:00+00:00 bob approved draft 1")
    assert refused.exit_code == 2
    assert "the comment has an invisible or control character at position 7" in refused.stderr
    lines = desk("bob", "review", "log", draft).stdout.splitlines()
    assert len(lines) == 2 and "approved" not in lines[-1]


# -- draft ids ------------------------------------------------------------------------


@pytest.mark.parametrize("given", ["9223372036854775808", "18446744073709551616", "abc",
                                   "1.5", "\u0663", "1e3"])
@pytest.mark.parametrize("command", [
    ("draft", "show"), ("draft", "export"), ("review", "submit"), ("review", "approve"),
    ("review", "log"), ("draft", "edit", "--quotes", "1"), ("check", "--draft"),
])
def test_a_draft_id_that_cannot_exist_is_one_usage_error(desk: Desk, given: str,
                                                         command: tuple[str, ...]) -> None:
    args = [*command[:2], given, *command[2:]] if command[0] != "check" else [*command, given]
    result = desk("bob", *args)
    assert result.exit_code == 2, result.output
    assert "a draft id is a whole number from 1 to 9223372036854775807" in result.stderr
    assert "unexpected" not in result.stderr


def test_the_largest_possible_draft_id_is_simply_unknown(desk: Desk) -> None:
    result = desk("bob", "draft", "show", "9223372036854775807")
    assert result.exit_code == 2
    assert "unknown draft '9223372036854775807'" in result.stderr


# -- the database file ------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"my notes, not a database\n", b"SQLite format 2"])
@pytest.mark.parametrize("command", [("review", "list"), ("db", "init", "--admin", "sam"),
                                     ("draft", "new", "--theme", "harsh-life",
                                      "--audience", "journalists")])
def test_a_file_that_is_not_a_review_database_is_left_alone(
        tmp_path: Path, content: bytes, command: tuple[str, ...]) -> None:
    fresh = Desk(tmp_path)
    fresh.path.write_bytes(content)
    result = fresh("sam", *command)
    assert result.exit_code == 1, result.output
    assert str(fresh.path) in result.stderr and "left as it is" in result.stderr
    assert fresh.path.read_bytes() == content


def test_another_programs_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    import sqlite3

    fresh = Desk(tmp_path)
    with sqlite3.connect(fresh.path) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
    result = fresh("sam", "review", "list")
    assert result.exit_code == 1
    assert "another program" in result.stderr
    with sqlite3.connect(fresh.path) as other:
        tables = {r[0] for r in other.execute("SELECT name FROM sqlite_master")}
    assert tables == {"recipes"}


# -- what commands say they did ---------------------------------------------------------


def test_draft_new_with_an_unknown_frame_field_is_a_usage_error(desk: Desk) -> None:
    result = desk("alice", "draft", "new", "--theme", "harsh-life", "--audience",
                  "journalists", "--frame", "bogus=x")
    assert result.exit_code == 2
    assert "--frame takes FIELD=TEXT" in result.stderr
    assert json.loads(desk("alice", "review", "list", "--json").stdout) == []


def test_an_edit_that_changes_nothing_makes_no_version_and_says_so(desk: Desk) -> None:
    draft = desk.new()
    same = desk.tmp / "same.md"
    same.write_text(desk("alice", "draft", "show", draft).stdout.split("\n\n", 1)[1])
    result = desk("alice", "draft", "edit", draft, "--file", str(same))
    assert result.exit_code == 0, result.output
    assert f"nothing changed: draft {draft} stays at version 1" in result.stderr
    assert json.loads(desk("alice", "draft", "show", draft, "--json").stdout)[
        "current_number"] == 1


def test_review_commands_speak_json(desk: Desk) -> None:
    draft = desk.new()
    submitted = json.loads(desk("alice", "review", "submit", draft, "--json").stdout)
    assert (submitted["id"], submitted["status"]) == (int(draft), "in-review")
    assert submitted["corpus"] == str(bundled_corpus_dir().resolve())
    approved = json.loads(desk("bob", "review", "approve", draft, "--comment", "Fine",
                               "--json").stdout)
    assert approved["status"] == "approved"
    assert (approved["approval"]["reviewer"], approved["approval"]["role"],
            approved["approval"]["comment"]) == ("bob", "reviewer", "Fine")
    out = desk.tmp / "brief.md"
    exported = json.loads(desk("bob", "draft", "export", draft, "-o", str(out),
                               "--json").stdout)
    assert exported["status"].startswith("Approved by bob on ")
    assert exported["output"] == str(out) and out.read_text().count("Approved by bob") == 1
    other = desk.new()
    desk("alice", "review", "submit", other)
    sent_back = json.loads(desk("bob", "review", "changes", other, "--comment", "Date it",
                                "--json").stdout)
    assert sent_back["status"] == "changes-requested"


def test_refused_actions_are_written_to_the_audit_log(desk: Desk) -> None:
    desk("sam", "users", "add", "dana", "--role", "reviewer")
    draft = desk.new("dana")
    desk("dana", "review", "submit", draft)
    own = desk("dana", "review", "approve", draft)
    assert own.exit_code == 1 and "nobody may approve their own work" in own.stderr
    author = desk("alice", "review", "approve", draft)
    assert author.exit_code == 1 and "only reviewers and admins" in author.stderr
    meddler = desk("alice", "users", "add", "eve", "--role", "admin")
    assert meddler.exit_code == 1
    log = json.loads(desk("sam", "review", "log", "--json").stdout)
    refused = [(e["actor"], e["detail"]) for e in log if e["action"] == "refused"]
    assert [actor for actor, _ in refused] == ["dana", "alice", "alice"]
    assert "nobody may approve their own work" in refused[0][1]
    assert refused[2][1].startswith("add user eve as admin: only admins may add users")


# -- the corpus a draft was built from --------------------------------------------------


def test_submit_checks_against_the_corpus_the_draft_was_built_from(desk: Desk) -> None:
    own = desk.tmp / "corpus"
    shutil.copytree(bundled_corpus_dir(), own)
    draft = desk.new(corpus=own)
    shutil.rmtree(own)
    result = desk("alice", "review", "submit", draft)  # the bundled corpus is still there
    assert result.exit_code == 1
    assert f"composed from the corpus at {own.resolve()}, which is gone" in result.stderr
    check = desk("alice", "check", "--draft", draft)
    assert check.exit_code == 1 and "which is gone" in check.stderr
    assert json.loads(desk("alice", "draft", "show", draft, "--json").stdout)[
        "status"] == "draft"


def test_a_changed_corpus_is_named_when_a_draft_is_checked(desk: Desk) -> None:
    own = desk.tmp / "corpus"
    shutil.copytree(bundled_corpus_dir(), own)
    draft = desk.new(corpus=own)
    facts = own / "facts.yaml"
    facts.write_text(facts.read_text() + "\n# a curator's note\n")
    result = desk("alice", "check", "--draft", draft)
    assert f"the corpus at {own.resolve()} changed since version 1 was composed" in (
        result.stderr)


def test_a_gate_that_cannot_load_the_checks_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from assistant.review import ChecksUnavailable
    from assistant.review.composing import corpus_checker

    monkeypatch.setitem(sys.modules, "assistant.checks", None)
    with pytest.raises(ChecksUnavailable, match="nothing is submitted until they run"):
        corpus_checker(object(), Path("."), __import__("datetime").date(2026, 3, 2))  # type: ignore[arg-type]
