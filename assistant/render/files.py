"""Writing exports: only regular files, never half a file, never a surprise.

A brief is written to a temporary file beside the target, flushed, then renamed over
it, so an interrupted write never replaces a good file with half a one. Renaming over
the target would also turn a device into a plain file and replace a link or a read-only
file without a word, so those are refused unless the user asks (`force`): then a
device or other special file is written into in place (never replaced), a link is
followed and its target replaced, and a read-only file is replaced keeping its mode.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class OutputRefused(OSError):
    """The target is not a place a brief should be written to. `str()` names it and says
    why; `strerror` is the reason, so callers that report any OSError as "cannot write
    PATH: strerror" say the same."""

    def __init__(self, path: Path, reason: str, forcible: bool = False) -> None:
        super().__init__(errno.EPERM, reason)
        self.path = path
        self.reason = reason
        self.forcible = forcible  # `force=True` would write it

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


_UNWRITTEN = "; nothing was written"


def is_special(path: Path) -> bool:
    """An existing device, pipe or socket (through a link too): written in place or not at
    all, and its name needs no format extension."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_atomically(path: Path | str, data: bytes, force: bool = False) -> None:
    """Write `data` to `path` as above. Raises OutputRefused for a directory, a device or
    other special file, a link or a read-only file (the last three allowed with `force`),
    and OSError when the folder is missing or not writable."""
    target = Path(path)
    try:
        info = target.lstat()
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        if not force:
            raise OutputRefused(target, f"is a link to {os.readlink(target)}{_UNWRITTEN}",
                                forcible=True)
        target = target.resolve()
        info = target.stat() if target.exists() else None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputRefused(target, "is a folder; name a file to write")
        if not stat.S_ISREG(info.st_mode):
            if not force:
                raise OutputRefused(target, f"is {_kind(info.st_mode)}, not a regular file"
                                    + _UNWRITTEN, forcible=True)
            _write_in_place(target, data)
            return
        if not info.st_mode & 0o222 and not force:
            raise OutputRefused(target, "is read-only" + _UNWRITTEN, forcible=True)
    if not target.parent.is_dir():
        raise OutputRefused(target, f"the folder {target.parent} does not exist")
    _replace(target, data, info)


def _write_in_place(target: Path, data: bytes) -> None:
    """Into a device or pipe, as `cat > /dev/...` would: no temporary, no rename."""
    handle = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)


def _replace(target: Path, data: bytes, info: os.stat_result | None) -> None:
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=target.parent)
    except PermissionError:
        raise OutputRefused(target, f"you may not create files in the folder "
                                    f"{target.parent}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if info is not None:
            # keep the permissions (and, where allowed, the owner) of the file replaced
            os.chmod(temporary, info.st_mode & 0o7777)
            with contextlib.suppress(OSError):
                os.chown(temporary, info.st_uid, info.st_gid)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
