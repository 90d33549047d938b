"""Add reviewed candidates to the corpus by appending text, never by rewriting a file.

Comments, order and formatting of what is already there stay as they were. Everything is
tried first on a copy of the corpus and validated there; if anything is wrong, the corpus
is not touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..corpus.folder import corpus_files
from ..corpus.loader import Problem, validate_corpus
from ..corpus.yamlfile import LinedDict, LinedList, YamlError, read_yaml
from .proposal import article_from_proposal

ARCHIVE_DIR = "archive"
_KINDS = ("sources", "speakers", "quotes")


class AcceptRefused(Exception):
    """The candidates could not be added; `problems` says why. The corpus is unchanged."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class AcceptWriteFailed(AcceptRefused):
    """A corpus file could not be written; every file was put back as it was."""

    def __init__(self, path: Path, exc: OSError) -> None:
        super().__init__(f"cannot write {path}: {exc.strerror or exc}; nothing was added "
                         "(every corpus file is as it was)")
        self.path = path


@dataclass
class Accepted:
    added: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, list[str]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    archived: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    """What the curator should look at about the records just added (not a refusal)."""
    earlier_warnings: int = 0
    """Warnings the corpus had before, about other records: `corpus validate` lists them."""
    renumbered: dict[str, str] = field(default_factory=dict)
    """Quote ids ingest numbered that another accept took meanwhile: old id -> new id."""
    origins: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    """Corpus file -> (first line, line count, line in the candidates file) of each record
    appended to it: a problem found there is named where the curator can fix it."""


_DUPLICATE = "already in the corpus as "


def _flat(text: str) -> str:
    return " ".join(text.split())


def _check_verbatim(root: Path, proposal: Path, data: LinedDict, article: str | None) -> None:
    """Every quote's text stands in the article it came with, or in the archived one."""
    quotes = data.get("quotes")
    if not isinstance(quotes, LinedList):
        return
    from .verify import closest_passage

    for n, item in enumerate(quotes):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        text, line = item["text"], quotes.item_lines[n]
        haystack = article
        if haystack is None:
            sources = item.get("sources")
            first = sources[0] if isinstance(sources, list) and sources else None
            sid = first.get("source") if isinstance(first, dict) else None
            archived = root / ARCHIVE_DIR / f"{sid}.txt" if isinstance(sid, str) else None
            if archived is None or not archived.is_file():
                raise AcceptRefused(
                    f"{proposal}:{line}: the article text (the '#|' lines at the end) is "
                    f"missing and source '{sid}' has no archived text, so the quote cannot be "
                    "checked; ingest the article again")
            haystack = archived.read_text(encoding="utf-8")
        if _flat(text) not in _flat(haystack):
            _, changes = closest_passage(text, haystack)
            said = "; ".join(changes) or "punctuation or spacing differs"
            raise AcceptRefused(f"{proposal}:{line}: quote '{item.get('id')}' is not verbatim "
                                f"in the article: {said}")


def _text_and_source(item: object) -> tuple[str, object] | None:
    """A candidate's text and the source it was read in, as the corpus would store them."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return None
    sources = item.get("sources")
    first = sources[0] if isinstance(sources, list) and sources else None
    return _flat(item["text"]), first.get("source") if isinstance(first, dict) else None


def _blocks(text: str, data: LinedDict, kind: str) -> list[tuple[str, str]]:
    """(id, the item's own lines) for each record of a section, as the curator left them."""
    items = data.get(kind)
    if not isinstance(items, LinedList):
        return []
    lines = text.split("\n")
    section_line = data.key_lines[kind]
    later = [ln for k, ln in data.key_lines.items() if ln > section_line]
    section_end = min(later) - 1 if later else len(lines)
    found = []
    for n, item in enumerate(items):
        first = items.item_lines[n] - 1
        last = items.item_lines[n + 1] - 1 if n + 1 < len(items) else section_end
        block = lines[first:last]
        while block and (not block[-1].strip() or block[-1].startswith("#")):
            block.pop()  # trailing blank lines and top-level comments are not the item's
        rid = item.get("id") if isinstance(item, dict) else None
        found.append((str(rid), "\n".join(block)))
    return found


def _reindent(block: str, indent: int) -> str:
    lines = block.split("\n")
    current = len(lines[0]) - len(lines[0].lstrip())
    shift = indent - current
    if shift == 0:
        return block
    if shift > 0:
        return "\n".join((" " * shift + ln) if ln.strip() else ln for ln in lines)
    return "\n".join(ln[-shift:] if ln[: -shift].strip() == "" else ln for ln in lines)


def _section_file(root: Path, kind: str) -> tuple[Path | None, bool, int]:
    """(file holding the section, whether it is the file's last section, item indent)."""
    for path in corpus_files(root):
        try:
            data = read_yaml(path)
        except YamlError:
            continue
        if isinstance(data, LinedDict) and kind in data:
            last = max(data.key_lines, key=lambda k: data.key_lines[k]) == kind
            items = data[kind]
            indent = 2
            if isinstance(items, LinedList) and items:
                line = path.read_text(encoding="utf-8").split("\n")[items.item_lines[0] - 1]
                indent = len(line) - len(line.lstrip())
            return path, last, indent
    return None, False, 2


def _append(path: Path, kind: str, blocks: list[str], has_section: bool, indent: int,
            root: Path) -> str:
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    body = "\n\n".join(_reindent(b, indent) for b in blocks)
    if not old:
        depth = len(path.relative_to(root).parts) - 1
        schema = "../" * depth + "schema/corpus-file.schema.json"
        return f"# yaml-language-server: $schema={schema}\n\n{kind}:\n{body}\n"
    sep = "" if old.endswith("\n") else "\n"
    empty = re.compile(rf"^{kind}:[ \t]*\[\][ \t]*(#.*)?$", re.M)
    if has_section and empty.search(old):
        old = empty.sub(f"{kind}:", old, count=1)  # the one line an empty `[]` needs changed
    if has_section:
        return f"{old}{sep}\n{body}\n"
    return f"{old}{sep}\n{kind}:\n{body}\n"


_NUMBERED = re.compile(r"q-(\d+)")


def _quote_numbers(existing: Iterable[str], data: LinedDict) -> Iterator[int]:
    """Numbers no quote id of the corpus or of the proposal uses, in order."""
    proposed = data.get("quotes")
    ids = [*existing, *(item.get("id") for item in proposed if isinstance(item, dict))] \
        if isinstance(proposed, LinedList) else list(existing)
    n = max((int(m.group(1)) for i in ids if isinstance(i, str)
             and (m := _NUMBERED.fullmatch(i))), default=0)
    return itertools.count(n + 1)


def _renumbered(block: str, rid: str, numbers: Iterator[int]) -> tuple[str, str | None]:
    """A quote id in ingest's own numbering (q-001) that the corpus took since: the next
    free number, written on the candidate's id line. Any other id is the curator's own."""
    numbered = _NUMBERED.fullmatch(rid)
    head, sep, rest = block.partition("\n")
    line = re.compile(rf"(\bid:\s*)([\"']?){re.escape(rid)}\2(?=\s|$)")
    if numbered is None or not line.search(head):
        return block, None
    new = f"q-{next(numbers):0{len(numbered.group(1))}d}"
    return line.sub(lambda m: f"{m.group(1)}{m.group(2)}{new}{m.group(2)}", head,
                    count=1) + sep + rest, new


def plan(root: Path, proposal: Path) -> tuple[dict[Path, str], Accepted, str | None, str]:
    """The new text of every corpus file touched, and the article to archive."""
    try:
        text = proposal.read_text(encoding="utf-8")
        data = read_yaml(proposal)
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        raise AcceptRefused(f"{proposal}:{line}: not UTF-8 text (byte {exc.start}); save "
                            "the candidates file as UTF-8") from None
    except OSError as exc:
        raise AcceptRefused(f"{proposal}: cannot be read ({exc.strerror or exc})") from exc
    except YamlError as exc:
        raise AcceptRefused(f"{proposal}:{exc.line}: {exc.message}") from exc
    if not isinstance(data, LinedDict):
        raise AcceptRefused(f"{proposal}: not a candidates file (no 'quotes:' section)")
    unknown = [k for k in data if k not in _KINDS]
    if unknown:
        raise AcceptRefused(f"{proposal}:{data.key_lines[unknown[0]]}: '{unknown[0]}' cannot be "
                            "added by ingest; only sources, speakers and quotes")
    existing, before = validate_corpus(root)
    if before:  # and a broken link or unreadable file would not even copy for the trial
        raise AcceptRefused(f"the corpus has {len(before)} problem(s) already; fix them first "
                            "(assistant corpus validate lists them); nothing was added", before)
    result = Accepted()
    changes: dict[Path, str] = {}
    source_id, article, digest = article_from_proposal(text)
    first_source = source_id
    numbers = _quote_numbers(existing.quotes, data)
    stored: dict[tuple[str, object] | None, str] = {
        (_flat(q.text), q.sources[0].source): qid for qid, q in existing.quotes.items()}
    for kind in _KINDS:
        blocks = []
        starts: list[int] = []
        for n, (rid, block) in enumerate(_blocks(text, data, kind)):
            if kind != "quotes" and rid in existing.table(kind):
                result.skipped.setdefault(kind, []).append(rid)
                continue
            twin = stored.get(_text_and_source(data["quotes"][n])) if kind == "quotes" else None
            if twin is not None:  # this file, or this quote, was accepted already
                result.skipped.setdefault(kind, []).append(
                    rid if twin == rid else f"{rid} (as {twin})")
                continue
            if kind == "quotes" and rid in existing.quotes:
                block, new = _renumbered(block, rid, numbers)
                if new is None:
                    raise AcceptRefused(f"{proposal}: quote id '{rid}' is already in the "
                                        "corpus; give the candidate a new id")
                result.renumbered[rid] = rid = new
            head = block.split("\n", 1)[0]
            if kind == "quotes" and _DUPLICATE in head:
                dup = head.split(_DUPLICATE, 1)[1].split(";")[0].split()[0]
                raise AcceptRefused(
                    f"{proposal}: quote '{rid}' is marked as already in the corpus as {dup}; "
                    f"delete it, or delete the words '{_DUPLICATE}{dup}' to keep it")
            blocks.append(block)
            starts.append(data[kind].item_lines[n])
            result.added.setdefault(kind, []).append(rid)
        if not blocks:
            continue
        path, last, indent = _section_file(root, kind)
        if kind == "quotes" and (root / "quotes").is_dir():
            path = root / "quotes" / f"{first_source or proposal.stem}.yaml"
            last = path.exists()
        elif path is None or not last:
            path = root / f"{kind}.yaml" if path is None else \
                path.with_name(f"{path.stem}-{first_source or 'added'}.yaml")
            last = False
        has_section = last and path.exists()
        changes[path] = _append(path, kind, blocks, has_section, indent, root)
        result.files.append(path)
        result.origins[str(path)] = _origins(changes[path], blocks, starts)
    if article is not None and digest is not None and \
            hashlib.sha256(article.encode("utf-8")).hexdigest() != digest:
        raise AcceptRefused(f"{proposal}: the article text at the end of the file was "
                            "changed; it must stay as it was read")
    _check_verbatim(root, proposal, data, article)
    return changes, result, source_id, article or ""


def accept(root: Path, proposal: Path, today: date | None = None) -> Accepted:
    """Append the candidates in `proposal` to the corpus at `root`; validate; archive."""
    changes, result, source_id, article = plan(root, proposal)
    if not changes:
        raise AcceptRefused(f"{proposal}: nothing to add (every record is already there)")
    archive = root / ARCHIVE_DIR / f"{source_id}.txt" if source_id and article else None
    if archive and archive.exists() and archive.read_text(encoding="utf-8") != article:
        raise AcceptRefused(f"{archive} already holds a different text for {source_id}")
    problems = [_in_candidates(p, proposal, result) for p in _trial(root, changes, today)]
    if problems:
        raise AcceptRefused("the corpus would not be valid; nothing was added", problems)
    if archive is not None and not archive.exists():
        from .verify import FINGERPRINTS, fingerprint_line

        sums = archive.parent / FINGERPRINTS
        try:
            old = sums.read_text(encoding="utf-8") if sums.is_file() else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise AcceptRefused(f"{sums}: cannot be read ({exc}); nothing was added") from exc
        old += "" if not old or old.endswith("\n") else "\n"
        changes = {**changes, archive: article,
                   sums: old + fingerprint_line(article, archive.name)}
    _write_all(changes)
    if archive is not None:
        result.archived = archive
    from ..corpus.advice import curator_warnings

    corpus, _ = validate_corpus(root, today)
    added = {rid for ids in result.added.values() for rid in ids}
    mine = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(added))) + r")(?![\w-])")
    warnings = curator_warnings(corpus)
    result.warnings = [w for w in warnings if added and mine.search(w.message)]
    result.earlier_warnings = len(warnings) - len(result.warnings)
    return result


def _write_all(changes: dict[Path, str]) -> None:
    """Every file or none: stage each beside its target, then rename them all; if any step
    fails or is interrupted, put back what was renamed and remove what was staged."""
    staged: dict[Path, Path] = {}
    saved: dict[Path, bytes | None] = {}
    made: list[Path] = []
    current = next(iter(changes))
    try:
        for path, content in changes.items():
            current = path
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
                made.append(path.parent)
            if path.exists() and not path.stat().st_mode & 0o222:
                raise PermissionError(13, "it is read-only")
            saved[path] = path.read_bytes() if path.exists() else None
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged[path] = Path(tmp)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(content)
            # mkstemp makes the file private: keep the mode of the file it replaces (a
            # corpus the team shares stays readable), or a new file's usual one
            os.chmod(tmp, path.stat().st_mode & 0o7777 if saved[path] is not None
                     else 0o666 & ~_umask())
        for path, tmp_path in staged.items():
            current = path
            tmp_path.replace(path)
    except BaseException as exc:  # a full disk, a read-only file, or ctrl+c halfway
        for path in [p for p in saved if p not in staged or not staged[p].exists()]:
            old = saved[path]
            with contextlib.suppress(OSError):
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    path.write_bytes(old)
        for tmp_path in staged.values():
            with contextlib.suppress(OSError):
                tmp_path.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise AcceptWriteFailed(current, exc) from None
        raise


def _origins(new_text: str, blocks: list[str], starts: list[int]) -> list[tuple[int, int, int]]:
    """Where each appended block begins in the new file (they close it, a blank line apart)."""
    count = sum(len(b.split("\n")) for b in blocks) + len(blocks) - 1
    line = new_text.rstrip("\n").count("\n") + 2 - count
    found = []
    for block, start in zip(blocks, starts, strict=True):
        size = len(block.split("\n"))
        found.append((line, size, start))
        line += size + 1
    return found


def _in_candidates(problem: Problem, proposal: Path, result: Accepted) -> Problem:
    """A problem in a record being appended, named at its line in the candidates file."""
    for first, size, start in result.origins.get(problem.file, []):
        if first <= problem.line < first + size:
            return Problem(str(proposal), start + problem.line - first, problem.message)
    return problem


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _trial(root: Path, changes: dict[Path, str], today: date | None) -> list[Problem]:
    """The problems the corpus would have with these changes, tried on a copy."""
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "corpus"
        shutil.copytree(root, trial, ignore=shutil.ignore_patterns(ARCHIVE_DIR))
        for path, content in changes.items():
            target = trial / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        _, problems = validate_corpus(trial, today)
        return [Problem(_outside(p.file, trial, root), p.line, p.message) for p in problems]


def problems_if_accepted(root: Path, proposal_text: str,
                         today: date | None = None) -> list[Problem]:
    """What `accept` would refuse for this candidates text; the corpus is not touched."""
    with tempfile.TemporaryDirectory() as tmp:
        proposal = Path(tmp) / "candidates.yaml"
        proposal.write_text(proposal_text, encoding="utf-8")
        try:
            changes, _, _, _ = plan(root, proposal)
        except AcceptRefused as exc:
            return exc.problems or [Problem(str(proposal.name), 0, str(exc))]
        return _trial(root, changes, today) if changes else []


def _outside(display: str, trial: Path, root: Path) -> str:
    text = str(display)
    for prefix in (str(trial.resolve()), str(trial)):
        if text.startswith(prefix):
            return str(root / text[len(prefix):].lstrip("/"))
    return re.sub(r"^.*/corpus/", f"{root}/", text) if "/corpus/" in text else text
