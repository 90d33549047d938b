"""Every bad input a user can give gets one clear message and exit 1 or 2, never a crash.

Each row is a case seen in use: the corpus file (or arguments) given, the exit status,
and what the message must say (file:line, the id or the option).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .cli_helpers import corpus_copy, run_cli, source_with
from .compose_helpers import MINI

BRIEF = ("brief", "--theme", "harsh-life", "--audience", "journalists")

# name -> (extra corpus file, its content, the message, line by line where it matters)
CORPUS_CASES: dict[str, tuple[str, str | bytes, str]] = {
    "nested 40,000 levels (block)": ("deep.yaml", "quotes:\n" + "- " * 40_000 + "x\n",
                                     "deep.yaml:2: nested more than 64 levels deep"),
    "nested 40,000 levels (flow)": ("deep.yaml", "quotes:\n  - " + "[" * 40_000 + "\n",
                                    "deep.yaml:2:"),
    "nested 40,000 mappings": ("deep.yaml", "a:\n" + "{a: " * 40_000 + "\n", "deep.yaml:2:"),
    "over 10 MB": ("big.yaml", "# " + "x" * 10_000_001 + "\n", "big.yaml: larger than 10 MB"),
    "!!int foo": ("extra.yaml", source_with("    published: !!int foo"),
                  "extra.yaml:3: 'foo' cannot be read as !!int"),
    "30 February": ("extra.yaml", source_with("    published: 2015-02-30"),
                    "extra.yaml:3: '2015-02-30' is not a real date"),
    "month 13": ("extra.yaml", source_with("    published: 2015-13-01"),
                 "extra.yaml:3: '2015-13-01' is not a real date"),
    "a 5,000-digit integer": ("extra.yaml", source_with("    published: " + "9" * 5000),
                              "extra.yaml:3: the number starting '999999999999' has 5000 digits"),
    "a 5,000-digit hexadecimal": ("extra.yaml", source_with("    published: 0x" + "f" * 5000),
                                  "extra.yaml:3: the number is over a thousand digits long"),
    "a sexagesimal giant": ("extra.yaml", source_with("    published: 1" + ":59" * 2000),
                            "extra.yaml:3: the number is over a thousand digits long"),
    "an empty !!int": ("extra.yaml", source_with("    published: !!int ''"),
                       "extra.yaml:3: '' cannot be read as !!int"),
    "!!bool maybe": ("extra.yaml", source_with("    published: !!bool maybe"),
                     "extra.yaml:3: 'maybe' cannot be read as !!bool"),
    "!!float x": ("extra.yaml", source_with("    published: !!float x"),
                  "extra.yaml:3: 'x' cannot be read as !!float"),
    "!!python/object": ("extra.yaml", source_with("    published: !!python/object:os.system x"),
                        "extra.yaml:3: YAML syntax: could not determine a constructor"),
    "!!map on a list": ("extra.yaml", source_with("    published: !!map [1]"),
                        "extra.yaml:3: a list cannot be read as !!map"),
    "a billion laughs": ("extra.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\n"
                         + "".join(f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]\n"
                                   for p, n in zip("abcdefghijkl", "bcdefghijklm", strict=True)),
                         "extra.yaml:13: more than 100 aliases"),
    "a bell in a quote": ("extra.yaml", source_with('    title: "ring \\a the bell"'),
                          "extra.yaml:3: text holds a character that is not allowed "
                          "(U+0007 control character)"),
    "a C1 control in a quote": ("extra.yaml", source_with('    title: "next \\x85 line"'),
                                "extra.yaml:3: text holds a character that is not allowed "
                                "(U+0085"),
    "a right-to-left override": ("extra.yaml", source_with("    title: |\n      one\n"
                                                          "      two \u202e owt"),
                                 "extra.yaml:5: text holds a character that is not allowed "
                                 "(U+202E RIGHT-TO-LEFT OVERRIDE)"),
    "a zero-width space in an id": ("extra.yaml", "sources:\n  - id: \"s-x\u200b\"\n",
                                    "extra.yaml:2: text holds a character that is not allowed "
                                    "(U+200B ZERO WIDTH SPACE)"),
    "a NUL byte in a key": ("extra.yaml", 'sources:\n  - "id\\0": s-x\n',
                            "extra.yaml:2: text holds a character that is not allowed (U+0000"),
    "not UTF-8": ("latin1.yaml", "sources:\n  - id: caf\xe9\n".encode("latin-1"),
                  "latin1.yaml:2: not UTF-8 text (byte 20)"),
    "a duplicate key": ("extra.yaml", "sources:\n  - id: s-x\n    id: s-y\n",
                        "extra.yaml:3: duplicate key 'id' (first given on line 2)"),
}


@pytest.mark.parametrize("case", list(CORPUS_CASES))
def test_a_broken_corpus_file_is_refused_with_file_and_line(case: str, tmp_path: Path) -> None:
    name, content, message = CORPUS_CASES[case]
    root = corpus_copy(tmp_path, {name: content})
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 1
    assert message in answer.err
    # and every command that needs the corpus refuses it the same way
    answer = run_cli("--corpus", str(root), "themes")
    assert answer.code == 1
    assert message in answer.err


def test_a_dangling_link_in_the_corpus_is_reported_not_skipped(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    (root / "gone.yaml").symlink_to(tmp_path / "deleted.yaml")
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 1
    assert f"gone.yaml: is a link to {tmp_path / 'deleted.yaml'}, which does not exist" \
        in answer.err


def test_a_link_out_of_the_corpus_is_refused_without_showing_what_it_points_at(
        tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:SECRET-HASH:0:0:root:/root:/bin/bash\n")
    root = corpus_copy(tmp_path)
    (root / "users.yaml").symlink_to(secret)
    answer = run_cli("corpus", "validate", "--corpus", str(root), "--json")
    assert answer.code == 1
    assert "users.yaml" in answer.out and "outside the corpus folder" in answer.out
    assert "SECRET" not in answer.text


def test_a_link_inside_the_corpus_is_read(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    (root / "speakers.yaml").rename(root / "people.txt")
    (root / "speakers.yaml").symlink_to(root / "people.txt")
    assert run_cli("corpus", "validate", "--corpus", str(root)).code == 0


def test_a_pipe_named_like_a_corpus_file_is_reported_without_hanging(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    os.mkfifo(root / "pipe.yaml")
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 1
    assert "pipe.yaml: is not a regular file" in answer.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_corpus_file_is_named(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    (root / "speakers.yaml").chmod(0)
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 1
    assert "speakers.yaml: cannot read: Permission denied" in answer.err


def test_an_unreadable_corpus_file_is_named_whoever_runs_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus_copy(tmp_path)
    real_open = os.open

    def refuse(path: str | Path, *args: int) -> int:
        if str(path).endswith("speakers.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args)

    monkeypatch.setattr(os, "open", refuse)
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 1
    assert "speakers.yaml: cannot read: Permission denied" in answer.err


@pytest.mark.parametrize("args, env", [
    (("themes",), {"ASSISTANT_CORPUS": "/"}),
    (("--corpus", "/", "themes"), None),
    (("brief", "--corpus", "/", "--theme", "t", "--audience", "a"), None),
    (("corpus", "validate", "--corpus", "/"), None),
], ids=["environment", "before", "after", "validate"])
def test_the_root_folder_is_not_a_corpus_exit_2(args: tuple[str, ...],
                                                  env: dict[str, str] | None) -> None:
    answer = run_cli(*args, env=env)
    assert answer.code == 2
    assert "--corpus /: is not a corpus folder" in answer.err


@pytest.mark.parametrize("command", [("themes",), ("corpus", "stats"), (*BRIEF,),
                                     ("corpus", "validate")])
def test_a_missing_corpus_directory_is_a_usage_error(tmp_path: Path,
                                                     command: tuple[str, ...]) -> None:
    answer = run_cli(*command, "--corpus", str(tmp_path / "nope"))
    assert answer.code == 2
    assert f"--corpus {tmp_path / 'nope'}: corpus directory not found" in answer.err


def test_a_folder_too_big_to_be_a_corpus_is_refused(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    many = root / "notes"
    many.mkdir()
    for n in range(20_001):
        (many / f"{n}.txt").touch()
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 2
    assert "holds more than 20000 files and folders" in answer.err


@pytest.mark.parametrize("unset", [("HOME",), ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                               "XDG_CACHE_HOME", "USER", "LOGNAME")])
def test_commands_work_without_home_or_xdg(unset: tuple[str, ...]) -> None:
    env: dict[str, str | None] = dict.fromkeys(unset)
    assert run_cli("themes", env=env).code == 0
    assert run_cli(*BRIEF, env=env).code == 0


def test_commands_work_for_a_user_the_system_does_not_know(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    def unknown(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    env: dict[str, str | None] = dict.fromkeys(("HOME", "USER", "LOGNAME", "USERNAME",
                                                "XDG_DATA_HOME", "XDG_CONFIG_HOME"))
    assert run_cli(*BRIEF, "--json", env=env).code == 0
    assert run_cli("templates", env=env).code == 0


def test_invalid_utf8_arguments_are_a_usage_error() -> None:
    bad = os.fsdecode(b"caf\xe9")
    answer = run_cli("themes", "--corpus", bad)
    assert answer.code == 2
    assert "argument 3 (caf\\xe9) is not valid UTF-8 text" in answer.err


def _installed(*args: str, stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    return subprocess.run([sys.executable, "-m", "assistant", *args], stdout=stdout,
                          stderr=subprocess.PIPE, env=env, check=False, timeout=60)


def test_standard_output_on_a_full_disk_is_refused_in_one_line() -> None:
    with open("/dev/full", "wb") as full:
        done = _installed("themes", stdout=full.fileno())
    assert done.returncode == 1
    assert done.stderr.decode() == "error: cannot write the output: No space left on device\n"


def test_invalid_utf8_arguments_from_the_shell_are_a_usage_error() -> None:
    done = _installed("brief", "--theme", os.fsdecode(b"\xff\xfe"), "--audience", "x")
    assert done.returncode == 2
    assert done.stderr.decode() == "error: argument 3 (\\xff\\xfe) is not valid UTF-8 text\n"


def test_frame_field_names_are_listed_for_a_bogus_one() -> None:
    answer = run_cli(*BRIEF, "--frame", "bogus=x")
    assert answer.code == 2
    assert ("unknown frame field 'bogus'; choose one of: action, audience, goal, media, "
            "message, messenger, monitoring") in answer.err


def test_a_control_character_in_a_frame_line_is_a_usage_error(tmp_path: Path) -> None:
    answer = run_cli(*BRIEF, "--frame", "goal=stop\x07now", "-o", str(tmp_path / "b.docx"))
    assert answer.code == 2
    assert "the goal line holds a character that is not allowed (U+0007" in answer.err
    assert not (tmp_path / "b.docx").exists()


def test_a_bad_id_is_named_without_acting_on_the_terminal() -> None:
    answer = run_cli("--corpus", str(MINI), "brief", "--theme", "\x1b[2Jred\u202e",
                     "--audience", "young-people")
    assert answer.code == 2
    assert "unknown theme '\\x1b[2Jred\\u202e'" in answer.err
    assert "\x1b" not in answer.err and "\u202e" not in answer.err


def test_validate_json_answers_for_a_folder_that_is_not_a_corpus() -> None:
    answer = run_cli("corpus", "validate", "--corpus", "/", "--json")
    assert answer.code == 2
    report = json.loads(answer.out)
    assert report["valid"] is False
    assert report["problems"][0]["message"].startswith("is not a corpus folder")


def test_a_link_loop_in_the_corpus_is_reported(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    (root / "a.yaml").symlink_to("b.yaml")
    (root / "b.yaml").symlink_to("a.yaml")
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 1
    assert "a.yaml: is a link that leads round in a loop" in answer.err


def test_a_corpus_file_whose_name_is_not_utf8_is_named_escaped() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = corpus_copy(Path(folder))
        (root / os.fsdecode(b"caf\xe9.yaml")).write_text("sources: [\n")
        done = _installed("corpus", "validate", "--corpus", str(root))
    assert done.returncode == 1
    assert b"caf\\udce9.yaml:2: YAML syntax" in done.stderr


def test_a_link_to_a_folder_is_reported_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "quotes.yaml").write_text("quotes: [SECRET\n")
    root = corpus_copy(tmp_path)
    (root / "more").symlink_to(elsewhere)
    answer = run_cli("corpus", "validate", "--corpus", str(root))
    assert answer.code == 1
    assert "more: is a link to a folder, which is not followed" in answer.err
    assert "SECRET" not in answer.err


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          failure: BaseException, *args: str) -> tuple[int, str]:
    """`assistant ARGS` through the real entry point, with `themes` raising `failure`."""
    import click

    from assistant.cli import common, corpus, root

    def failing(ctx: click.Context, as_json: bool) -> None:
        raise failure

    command = click.Command("themes", callback=click.pass_context(failing),
                            params=[click.Option(["--json", "as_json"], is_flag=True)])
    monkeypatch.setattr(corpus, "themes_command", command)
    monkeypatch.setattr(sys, "argv", ["assistant", *args])
    with pytest.raises(SystemExit) as exited:
        common.main_wrapper(root.cli)
    return int(exited.value.code or 0), capsys.readouterr().err


def test_only_a_real_bug_is_called_unexpected(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _main(monkeypatch, capsys, ZeroDivisionError("division by zero"), "themes")
    assert code == 1
    assert err.startswith("error: unexpected ZeroDivisionError: division by zero\n")


@pytest.mark.parametrize("failure, code, message", [
    ("unknown", 2, "unknown theme 'x'; choose one of: a, b"),
    ("refused", 1, "error: q-1 is graphic"),
    ("format", 2, "error: x.pdf: the extension .pdf names no export format"),
    ("template", 1, "error: t.md.j2:3: undefined name"),
])
def test_a_typed_error_reaches_the_user_as_its_type(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        failure: str, code: int, message: str) -> None:
    from assistant.compose.errors import ChoiceRefused, TemplateError, UnknownId
    from assistant.render.formats import FormatMismatch

    raised = {"unknown": UnknownId("theme", "x", ["a", "b"]),
              "refused": ChoiceRefused("q-1 is graphic"),
              "format": FormatMismatch(Path("x.pdf"), None, [".md"]),
              "template": TemplateError("t.md.j2", 3, "undefined name")}[failure]
    got, err = _main(monkeypatch, capsys, raised, "themes")
    assert got == code
    assert message in err and "unexpected" not in err
