"""Fuzz: any arguments to the non-review commands, and any Markdown given to `check`,
end in exit 0, 1 or 2 with a message, never a traceback or "unexpected"."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .cli_helpers import run_cli
from .compose_helpers import MINI
from .fuzz_strategies import CONTROL, markdown_text

FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])

COMMANDS = [["brief"], ["check"], ["themes"], ["audiences"], ["templates"],
            ["corpus", "validate"], ["corpus", "stats"], ["corpus", "schema"], ["corpus"]]
OPTIONS = ["--theme", "--audience", "--template", "--format", "--quotes", "--pin",
           "--exclude", "--frame", "-o", "--json", "--strict", "--force", "--corpus",
           "--help", "--draft", "--nope", "-", "--"]
VALUES = ["harsh-life", "young-people", "policymakers", "policy-brief", "talking-points",
          "md", "html", "docx", "pdf", "q-says-no", "q-behead", "goal=x", "bogus=x", "=x",
          "goal=\x07", "-1", "0", "99999999999999999999", "x.pdf", "x.md", "/dev/null",
          "/", "nope", str(MINI), "", " ", *CONTROL]


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    """A working folder for files the commands write; options with no subcommand would
    open the terminal app, so it opens nothing here."""
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as patch:
        patch.setattr("assistant.cli.tui_launch.open_tui", lambda settings: None)
        patch.chdir(name)
        yield Path(name)


@FUZZ
@given(command=st.sampled_from(COMMANDS),
       rest=st.lists(st.one_of(st.sampled_from(OPTIONS), st.sampled_from(VALUES),
                               st.text(max_size=8)), max_size=8),
       first=st.booleans())
def test_any_arguments_get_exit_0_1_or_2_and_no_traceback(
        command: list[str], rest: list[str], first: bool, workdir: Path) -> None:
    args = ["--corpus", str(MINI), *command, *rest] if first else [*command, *rest]
    run_cli(*args, env={"ASSISTANT_DB": f"sqlite:///{workdir / 'review.db'}"})


BRIEF_OPTIONS = st.lists(st.tuples(
    st.sampled_from(["--template", "--format", "--quotes", "--pin", "--exclude", "--frame",
                     "-o"]),
    st.one_of(st.sampled_from(VALUES), st.text(max_size=8))), max_size=4)


@FUZZ
@given(theme=st.sampled_from(["harsh-life", "leaving-and-speaking-out", "nope", ""]),
       audience=st.sampled_from(["young-people", "policymakers", "nope"]),
       options=BRIEF_OPTIONS, flags=st.sets(st.sampled_from(["--json", "--strict", "--force"])))
def test_any_brief_options_get_exit_0_1_or_2_and_no_traceback(
        theme: str, audience: str, options: list[tuple[str, str]], flags: set[str],
        workdir: Path) -> None:
    args = [item for pair in options for item in pair]
    for name in workdir.iterdir():  # what one example wrote must not decide the next
        if name.is_file() and not name.name.endswith(".db"):
            name.unlink()
    run_cli("--corpus", str(MINI), "brief", "--theme", theme, "--audience", audience,
            *args, *sorted(flags))


@settings(FUZZ, max_examples=40)
@given(text=markdown_text())
def test_any_markdown_is_checked_with_exit_0_or_1(text: str, workdir: Path) -> None:
    target = workdir / "brief.md"
    target.write_bytes(text.encode("utf-8", "surrogateescape"))
    answer = run_cli("--corpus", str(MINI), "check", str(target))
    assert answer.code in (0, 1)
