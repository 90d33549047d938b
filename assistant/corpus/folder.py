"""Which files make up a corpus folder, and reading them without leaving it.

`--corpus` may point anywhere (`ASSISTANT_CORPUS=/` included), so the walk is bounded
and starts only in a folder that looks like a corpus; links are resolved and must stay
inside the folder (a link to a system file is refused before it is read, so no message
can echo what it holds); a dangling link, a FIFO or an unreadable file is reported,
never silently skipped.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BYTES = 10_000_000
"""The largest corpus file read; the bundled files are a few kilobytes each."""
SUFFIXES = (".yaml", ".yml")
MAX_LEVELS = 4
"""Folders below the corpus folder that are searched (`quotes/` is one level)."""
MAX_ENTRIES = 20_000
"""Files and folders looked at before the walk gives up: a corpus holds a few hundred."""
SKIPPED = ("schema",)
CORPUS_FOLDERS = ("quotes", "sources", "speakers", "facts", "themes", "audiences")
"""A folder holding one of these (or a .yaml file) looks like a corpus."""  # where `corpus schema -o` writes its JSON Schema files


class FileRefused(Exception):
    """One corpus file that is not read; the message says why (never what it holds)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.line = 0


class FolderRefused(Exception):
    """The folder is missing, is not a folder, or does not look like a corpus."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _looks_like_corpus(root: Path) -> bool:
    try:
        with os.scandir(root) as entries:
            for count, entry in enumerate(entries):
                if count > MAX_ENTRIES:
                    return False
                if entry.name.endswith(SUFFIXES) or entry.name in CORPUS_FOLDERS:
                    return True
    except OSError:
        return False
    return False


def corpus_files(root: Path) -> list[Path]:
    """The corpus's YAML files, in a stable order; links and odd files are included so
    that `read_corpus_file` reports them. Raises FolderRefused."""
    if not root.exists():
        raise FolderRefused("corpus directory not found")
    if not root.is_dir():
        raise FolderRefused("is not a directory; --corpus names the folder holding the YAML files")
    if not _looks_like_corpus(root):
        raise FolderRefused("is not a corpus folder: it holds no .yaml files and no quotes/ "
                            "(or sources/, facts/...) folder; start one with a sources.yaml, "
                            "or name another folder")
    found: list[Path] = []
    seen = 0
    pending: list[tuple[Path, int]] = [(root, 0)]
    while pending:
        folder, level = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            if folder == root:
                raise FolderRefused(f"cannot be read: {exc.strerror}") from None
            found.append(Path(folder))  # read_corpus_file says why
            continue
        for entry in listed:
            seen += 1
            if seen > MAX_ENTRIES:
                raise FolderRefused(f"holds more than {MAX_ENTRIES} files and folders; "
                                    "is it really a corpus folder?")
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                if entry.name.endswith(SUFFIXES) or path.is_dir():  # reported, not followed
                    found.append(path)
            elif entry.is_dir():
                if entry.name not in SKIPPED and level < MAX_LEVELS:
                    pending.append((path, level + 1))
            elif entry.name.endswith(SUFFIXES):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def read_corpus_file(path: Path, root: Path) -> bytes:
    """The bytes of one corpus file. Raises FileRefused for a link that leads out of
    the corpus folder, to a folder, round in a loop or nowhere; a special or unreadable
    file; or one over the size limit."""
    if path.is_symlink():
        try:
            target = path.resolve()
        except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop
            raise FileRefused("is a link that leads round in a loop") from None
        if not target.exists():
            raise FileRefused(f"is a link to {os.readlink(path)}, which does not exist")
        if target.is_dir():
            raise FileRefused("is a link to a folder, which is not followed; move the "
                              "files into the corpus folder instead")
        if not target.is_relative_to(root.resolve()):
            raise FileRefused("is a link to a file outside the corpus folder, which is not "
                            "read; copy the file into the corpus instead")
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefused(f"cannot read: {exc.strerror}") from None
    with os.fdopen(handle, "rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise FileRefused("cannot read this folder")
        if not stat.S_ISREG(mode):
            raise FileRefused("is not a regular file (a device, socket or pipe); not read")
        try:
            data = stream.read(MAX_BYTES + 1)
        except OSError as exc:
            raise FileRefused(f"cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise FileRefused(f"larger than {MAX_BYTES // 1_000_000} MB; split it into several files")
    return data
