"""`assistant check FILE.md` and the checks after `assistant brief`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.checks import Finding, Severity
from assistant.cli import cli
from tests.checks_helpers import CLEAN, CORPUS_DIR, variant


def check(tmp_path: Path, text: str, *args: str) -> tuple[int, str, str]:
    brief = tmp_path / "brief.md"
    brief.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--corpus", str(CORPUS_DIR), "check", str(brief), *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_clean_file_passes_with_exit_0(tmp_path: Path) -> None:
    code, out, err = check(tmp_path, CLEAN)
    assert (code, out) == (0, "")
    assert err.endswith("brief.md: 0 errors, 0 warnings, 0 info\n")


def test_an_altered_quotation_fails_with_exit_1_and_names_the_line(tmp_path: Path) -> None:
    altered = variant("kill everyone", "murder everyone")
    code, out, _ = check(tmp_path, altered)
    assert code == 1
    assert f"{tmp_path / 'brief.md'}:7: error [fidelity] q-says-no: 'kill' became 'murder'" in out


def test_the_audience_comes_from_the_option_over_the_file(tmp_path: Path) -> None:
    behead = variant("kill everyone who says no", "behead everyone who says no")
    _, out, _ = check(tmp_path, behead)
    assert "the audience young-people does not allow graphic material" in out
    _, out, _ = check(tmp_path, behead, "--audience", "workshop")
    assert "does not allow graphic material" not in out


def test_json_output_lists_the_findings(tmp_path: Path) -> None:
    code, out, _ = check(tmp_path, variant("kill everyone", "murder everyone"), "--json")
    data = json.loads(out)
    assert code == 1
    assert data["errors"] == 1
    assert data["findings"][0]["message"] == "q-says-no: 'kill' became 'murder'"


def test_a_missing_file_or_unknown_audience_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--corpus", str(CORPUS_DIR), "check",
                                      str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    code, _, err = check(tmp_path, CLEAN, "--audience", "nobody")
    assert code == 2
    assert "unknown audience 'nobody'; choose one of: workshop, young-people" in err


def _error(*_args: object, **_kwargs: object) -> list[Finding]:
    return [Finding("fidelity", Severity.error, "q-x: 'a' became 'b'", line=3)]


def test_brief_prints_findings_and_strict_refuses_without_writing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.checks as checks

    monkeypatch.setattr(checks, "check_brief", _error)
    out = tmp_path / "b.md"
    args = ["brief", "--theme", "harsh-life", "--audience", "policymakers", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert f"{out}:3: error [fidelity] q-x: 'a' became 'b'" in result.stderr
    out.unlink()
    strict = CliRunner().invoke(cli, [*args, "--strict"])
    assert strict.exit_code == 1
    assert "nothing was written (--strict)" in strict.stderr
    assert not out.exists()


def test_check_strict_makes_a_brief_without_quotations_an_error(tmp_path: Path) -> None:
    import re

    unquoted = re.sub(r"(?m)^>.*\n?", "", CLEAN)
    unquoted = re.sub(r"“[^”]*”", "the account", unquoted)
    code, out, _ = check(tmp_path, unquoted)
    assert code == 0
    assert "warning [review-integrity] the brief quotes no one" in out
    code, out, _ = check(tmp_path, unquoted, "--strict")
    assert code == 1
    assert "error [review-integrity] the brief quotes no one" in out
    code, out, _ = check(tmp_path, unquoted, "--strict", "--json")
    assert (code, json.loads(out)["errors"]) == (1, 1)
