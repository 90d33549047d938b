"""`brief -o FILE` writes regular files only, in the format its extension names."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from .cli_helpers import corpus_copy, run_cli

BRIEF = ("brief", "--theme", "harsh-life", "--audience", "young-people")


@pytest.fixture
def brief(tmp_path: Path) -> tuple[str, ...]:
    return ("--corpus", str(corpus_copy(tmp_path)), *BRIEF)


def test_a_device_is_refused_and_stays_a_device(brief: tuple[str, ...]) -> None:
    answer = run_cli(*brief, "-o", "/dev/null")
    assert answer.code == 1
    assert ("cannot write /dev/null: is a device, not a regular file; nothing was written "
            "(add --force to write it anyway)") in answer.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_force_writes_into_a_device_without_replacing_it(brief: tuple[str, ...]) -> None:
    answer = run_cli(*brief, "-o", "/dev/null", "--force")
    assert answer.code == 0
    assert "wrote /dev/null (md:" in answer.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_device_reports_the_disk_is_full(brief: tuple[str, ...]) -> None:
    answer = run_cli(*brief, "-o", "/dev/full", "--force")
    assert answer.code == 1
    assert "cannot write /dev/full: No space left on device" in answer.err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_pipe_is_refused(brief: tuple[str, ...], tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    answer = run_cli(*brief, "-o", str(pipe))
    assert answer.code == 1
    assert "is a pipe, not a regular file" in answer.err
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_a_folder_is_refused(brief: tuple[str, ...], tmp_path: Path) -> None:
    folder = tmp_path / "out.md"
    folder.mkdir()
    answer = run_cli(*brief, "-o", str(folder))
    assert answer.code == 2
    assert "is a directory" in answer.err
    assert folder.is_dir()


def test_a_link_is_refused_and_kept(brief: tuple[str, ...], tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("mine\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    answer = run_cli(*brief, "-o", str(link))
    assert answer.code == 1
    assert f"cannot write {link}: is a link to {target}; nothing was written" in answer.err
    assert link.is_symlink() and target.read_text() == "mine\n"


def test_force_writes_through_a_link_to_its_target(brief: tuple[str, ...],
                                                   tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("mine\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run_cli(*brief, "-o", str(link), "--force").code == 0
    assert link.is_symlink()
    assert target.read_text().startswith("# Life under IS is harsh")


def test_a_read_only_file_is_refused_then_replaced_keeping_its_mode_with_force(
        brief: tuple[str, ...], tmp_path: Path) -> None:
    target = tmp_path / "kept.md"
    target.write_text("approved text\n")
    target.chmod(0o444)
    answer = run_cli(*brief, "-o", str(target))
    assert answer.code == 1
    assert f"cannot write {target}: is read-only; nothing was written" in answer.err
    assert target.read_text() == "approved text\n"
    assert run_cli(*brief, "-o", str(target), "--force").code == 0
    assert target.read_text().startswith("# Life under IS")
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_an_existing_file_keeps_its_mode(brief: tuple[str, ...], tmp_path: Path) -> None:
    target = tmp_path / "team.md"
    target.write_text("old\n")
    target.chmod(0o640)
    assert run_cli(*brief, "-o", str(target)).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_missing_folder_is_named(brief: tuple[str, ...], tmp_path: Path) -> None:
    answer = run_cli(*brief, "-o", str(tmp_path / "nope" / "b.md"))
    assert answer.code == 1
    assert f"the folder {tmp_path / 'nope'} does not exist" in answer.err


@pytest.mark.parametrize("args, message", [
    (("-o", "x.odt"), "x.odt: the extension .odt names no export format"),
    (("-o", "x.txt"), "x.txt: the extension .txt names no export format"),
    (("-o", "x"), "x: the extension (no extension) names no export format"),
    (("--format", "docx", "-o", "x.md"), "x.md: the extension .md does not match the format docx"),
    (("--format", "md", "-o", "x.html"), "x.html: the extension .html does not match the format md"),
])
def test_the_extension_must_name_the_format(brief: tuple[str, ...], tmp_path: Path,
                                            args: tuple[str, ...], message: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    answer = run_cli(*brief, *args)
    assert answer.code == 2
    assert message in answer.err
    assert list(tmp_path.glob("x*")) == []


def test_the_extension_chooses_the_format(brief: tuple[str, ...], tmp_path: Path) -> None:
    target = tmp_path / "b.HTML"
    assert run_cli(*brief, "-o", str(target)).code == 0
    assert target.read_text().lstrip().lower().startswith("<!doctype html")


def test_corpus_schema_does_not_replace_a_link(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("{}\n")
    (out / "corpus-file.schema.json").symlink_to(elsewhere)
    answer = run_cli("corpus", "schema", "-o", str(out))
    assert answer.code == 1
    assert "is a link to" in answer.err
    assert elsewhere.read_text() == "{}\n"


def test_a_file_too_large_to_check_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as stream:  # sparse: no 50 MB written to disk
        stream.truncate(50_000_001)
    answer = run_cli("check", str(big))
    assert answer.code == 1
    assert f"{big} is over 50 MB" in answer.err


def test_a_folder_you_may_not_write_in_is_named(brief: tuple[str, ...], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    answer = run_cli(*brief, "-o", str(tmp_path / "b.md"))
    assert answer.code == 1
    assert f"cannot write {tmp_path / 'b.md'}: you may not create files in the folder " \
           f"{tmp_path}" in answer.err
